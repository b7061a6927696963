using Loopwise.Core.Support;

namespace Loopwise.Core.Tests.Support;

public sealed class FirstContactResolutionTests
{
    private static DateTime Nov(int day, int hour = 10) => new(2026, 11, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Agent_flag_counts_only_without_transfer_and_without_follow_up()
    {
        Assert.Equal(FcrOutcome.Resolved, FirstContactResolution.AgentFlagged(flagged: true, transferred: false, reopenCount: 0));
        Assert.Equal(FcrOutcome.NotResolved, FirstContactResolution.AgentFlagged(flagged: true, transferred: true, reopenCount: 0));
        Assert.Equal(FcrOutcome.NotResolved, FirstContactResolution.AgentFlagged(flagged: true, transferred: false, reopenCount: 1));
        Assert.Equal(FcrOutcome.NotResolved, FirstContactResolution.AgentFlagged(flagged: false, transferred: false, reopenCount: 0));
    }

    [Fact]
    public void Customer_reported_covers_respondents_only()
    {
        var rate = FirstContactResolution.Rate([
            FirstContactResolution.CustomerReported(true), FirstContactResolution.CustomerReported(true),
            FirstContactResolution.CustomerReported(false), FirstContactResolution.CustomerReported(null),
        ]);

        Assert.Equal(2, rate.Numerator);
        Assert.Equal(3, rate.Denominator);
    }

    [Fact]
    public void Repeat_contact_is_pending_while_the_window_is_open()
    {
        // W = 7 days from 1 Nov 10:00: open until 8 Nov 10:00.
        Assert.Equal(FcrOutcome.Pending, FirstContactResolution.RepeatContact(Nov(1), null, 7, Nov(8, 9)));
        Assert.Equal(FcrOutcome.Pending, FirstContactResolution.RepeatContact(Nov(1), Nov(3), 7, Nov(8, 9)));
        Assert.Equal(FcrOutcome.Resolved, FirstContactResolution.RepeatContact(Nov(1), null, 7, Nov(8)));
        Assert.Equal(FcrOutcome.NotResolved, FirstContactResolution.RepeatContact(Nov(1), Nov(8), 7, Nov(8)));
        Assert.Equal(FcrOutcome.Resolved, FirstContactResolution.RepeatContact(Nov(1), Nov(9), 7, Nov(20)));
    }

    [Fact]
    public void Pending_issues_are_left_out_of_the_denominator()
    {
        var asOf = Nov(10);
        var rate = FirstContactResolution.Rate([
            FirstContactResolution.RepeatContact(Nov(1), null, 7, asOf),     // resolved
            FirstContactResolution.RepeatContact(Nov(2), Nov(4), 7, asOf),   // not resolved
            FirstContactResolution.RepeatContact(Nov(5), null, 7, asOf),     // pending until 12 Nov
        ]);

        Assert.Equal(1, rate.Numerator);
        Assert.Equal(2, rate.Denominator);
    }

    [Fact]
    public void A_later_customer_ticket_on_the_same_issue_is_a_repeat_and_not_a_first_contact()
    {
        var a = new IssueContact(Guid.NewGuid(), Nov(1), true, null);
        var b = new IssueContact(Guid.NewGuid(), Nov(5), true, null);
        var c = new IssueContact(Guid.NewGuid(), Nov(20), true, null);

        var links = RepeatContacts.Link([c, b, a], 7).ToDictionary(l => l.TicketId);

        Assert.Equal(new RepeatLink(a.TicketId, true, Nov(5)), links[a.TicketId]);
        Assert.Equal(new RepeatLink(b.TicketId, false, null), links[b.TicketId]);
        Assert.Equal(new RepeatLink(c.TicketId, true, null), links[c.TicketId]); // 15 days after b: outside W
    }

    [Fact]
    public void An_outbound_follow_up_by_the_company_is_not_a_repeat()
    {
        var first = new IssueContact(Guid.NewGuid(), Nov(1), true, null);
        var followUp = new IssueContact(Guid.NewGuid(), Nov(3), HasCustomerContact: false, null);

        var links = RepeatContacts.Link([first, followUp], 7).ToDictionary(l => l.TicketId);

        Assert.Null(links[first.TicketId].RepeatAt);
        Assert.True(links[first.TicketId].IsFirstContact);
        Assert.False(links[followUp.TicketId].IsFirstContact);
    }

    [Fact]
    public void The_customer_writing_again_after_a_solve_within_the_window_is_a_repeat()
    {
        var inside = new IssueContact(Guid.NewGuid(), Nov(1), true, Nov(6));
        var outside = new IssueContact(Guid.NewGuid(), Nov(1), true, Nov(9));

        Assert.Equal(Nov(6), RepeatContacts.Link([inside], 7)[0].RepeatAt);
        Assert.Null(RepeatContacts.Link([outside], 7)[0].RepeatAt);
    }

    [Fact]
    public void A_day_is_settled_when_its_last_window_has_closed()
    {
        var day = new DateOnly(2026, 11, 1);

        Assert.False(FirstContactResolution.DayIsSettled(day, 7, new DateTime(2026, 11, 8, 23, 59, 59, DateTimeKind.Utc)));
        Assert.True(FirstContactResolution.DayIsSettled(day, 7, new DateTime(2026, 11, 9, 0, 0, 0, DateTimeKind.Utc)));
    }
}
