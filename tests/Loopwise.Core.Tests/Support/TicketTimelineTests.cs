using Loopwise.Core.Support;

namespace Loopwise.Core.Tests.Support;

public sealed class TicketTimelineTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.Default; // Mon-Fri 09-17 UTC

    // Monday 23 November 2026.
    private static DateTime Mon(int hour, int minute = 0, int second = 0) => new(2026, 11, 23, hour, minute, second, DateTimeKind.Utc);

    [Fact]
    public void First_response_is_the_first_public_human_reply_after_creation()
    {
        var facts = TicketTimeline.Derive(
            [TimelineEvent.Created(Mon(10), TicketOrigin.Customer), TimelineEvent.Inbound(Mon(10)), TimelineEvent.Outbound(Mon(10, 30))],
            Calendar);

        Assert.Equal(Mon(10), facts.ClockStartAt);
        Assert.Equal(Mon(10, 30), facts.FirstResponseAt);
        Assert.Equal(1800, facts.FrtSeconds);
        Assert.Equal(1800, facts.FrtBusinessSeconds);
    }

    [Fact]
    public void A_bot_reply_and_an_auto_reply_do_not_stop_the_clock()
    {
        var facts = TicketTimeline.Derive(
            [
                TimelineEvent.Created(Mon(10), TicketOrigin.Customer),
                TimelineEvent.Outbound(Mon(10, 0, 5), MessageAuthor.Bot),
                TimelineEvent.Outbound(Mon(10, 0, 6), MessageAuthor.System),
                TimelineEvent.Outbound(Mon(10, 45)),
            ],
            Calendar);

        Assert.Equal(Mon(10, 45), facts.FirstResponseAt);
        Assert.Equal(2700, facts.FrtSeconds);
    }

    [Fact]
    public void A_private_note_by_a_human_does_not_stop_the_clock()
    {
        var facts = TicketTimeline.Derive(
            [TimelineEvent.Created(Mon(10), TicketOrigin.Customer), TimelineEvent.Outbound(Mon(10, 10), isPublic: false), TimelineEvent.Outbound(Mon(11))],
            Calendar);

        Assert.Equal(3600, facts.FrtSeconds);
    }

    [Fact]
    public void Agent_created_ticket_starts_the_clock_at_the_customers_first_public_message()
    {
        // The agent opens an outbound ticket with a public message; the customer answers at 12:00, the agent at 12:20.
        var facts = TicketTimeline.Derive(
            [
                TimelineEvent.Created(Mon(10), TicketOrigin.Agent),
                TimelineEvent.Outbound(Mon(10)),
                TimelineEvent.Inbound(Mon(12)),
                TimelineEvent.Outbound(Mon(12, 20)),
            ],
            Calendar);

        Assert.Equal(Mon(12), facts.ClockStartAt);
        Assert.Equal(1200, facts.FrtSeconds);
        Assert.Equal(1, facts.Contacts);
        Assert.True(facts.HasCustomerContact);
    }

    [Fact]
    public void Agent_created_ticket_without_a_customer_message_has_no_clock_and_no_contact()
    {
        var facts = TicketTimeline.Derive(
            [TimelineEvent.Created(Mon(10), TicketOrigin.Agent), TimelineEvent.Outbound(Mon(10)), TimelineEvent.Outbound(Mon(15))],
            Calendar);

        Assert.Null(facts.ClockStartAt);
        Assert.Null(facts.FrtSeconds);
        Assert.Equal(0, facts.Contacts);
        Assert.False(facts.HasCustomerContact);
        Assert.False(Sla.Breached(facts, Calendar, 3600, Mon(23)));
    }

    [Fact]
    public void Business_frt_over_a_weekend_counts_open_hours_only()
    {
        // Friday 20 Nov 16:30 -> Monday 23 Nov 09:30: 65 calendar hours, 30 + 30 business minutes.
        var created = new DateTime(2026, 11, 20, 16, 30, 0, DateTimeKind.Utc);
        var facts = TicketTimeline.Derive([TimelineEvent.Created(created, TicketOrigin.Customer), TimelineEvent.Outbound(Mon(9, 30))], Calendar);

        Assert.Equal(65 * 3600, facts.FrtSeconds);
        Assert.Equal(3600, facts.FrtBusinessSeconds);
        Assert.True(Sla.Met(facts.FrtBusinessSeconds, Sla.DefaultTargetSeconds));
    }

    [Fact]
    public void Reopens_count_each_exit_from_solved_and_the_return_is_recorded()
    {
        var facts = TicketTimeline.Derive(
            [
                TimelineEvent.Created(Mon(9), TicketOrigin.Customer),
                TimelineEvent.Outbound(Mon(9, 5)),
                TimelineEvent.StatusChange(Mon(9, 10), TicketStatus.Solved),
                TimelineEvent.Inbound(Mon(11)),
                TimelineEvent.StatusChange(Mon(11), TicketStatus.Reopened),
                TimelineEvent.StatusChange(Mon(12), TicketStatus.Solved),
                TimelineEvent.StatusChange(Mon(13), TicketStatus.Open),
                TimelineEvent.StatusChange(Mon(14), TicketStatus.Closed),
                TimelineEvent.Transfer(Mon(13, 30)),
            ],
            Calendar);

        Assert.Equal(2, facts.ReopenCount);
        Assert.Equal(Mon(9, 10), facts.SolvedAt);
        Assert.Equal(Mon(11), facts.CustomerReturnAt);
        Assert.True(facts.Transferred);
        Assert.Equal(1, facts.Contacts); // one public inbound message; creation by the customer is not counted twice
    }

    [Fact]
    public void Unanswered_ticket_breaches_the_sla_once_past_the_target_in_business_time()
    {
        var facts = TicketTimeline.Derive([TimelineEvent.Created(Mon(10), TicketOrigin.Customer)], Calendar);

        Assert.False(Sla.Breached(facts, Calendar, 4 * 3600, Mon(14)));
        Assert.True(Sla.Breached(facts, Calendar, 4 * 3600, Mon(14, 0, 1)));
        Assert.Equal(0.5, Sla.Attainment(1, 2).Value);
    }

    [Fact]
    public void A_timeline_needs_exactly_one_created_event()
    {
        Assert.Throws<ArgumentException>(() => TicketTimeline.Derive([TimelineEvent.Inbound(Mon(9))], Calendar));
    }
}
