using Loopwise.Core.Surveys;

namespace Loopwise.Core.Tests.Surveys;

public class ContactRulesTests
{
    private static readonly DateTime Now = new(2026, 3, 31, 12, 0, 0, DateTimeKind.Utc);
    private static readonly ContactPolicy Default = new();

    private static ContactHistory InvitedAt(DateTime? last) => new(last, Unsubscribed: false, HasOpenCase: false);

    [Fact]
    public void Default_policy_quarantines_for_30_days_per_cx_reference_section_9()
    {
        Assert.Equal(30, Default.QuarantineDays);
        Assert.Equal(90, ContactPolicy.RelationalNpsQuarantineDays);
    }

    [Fact]
    public void Person_never_invited_may_be_contacted()
    {
        Assert.Equal(new ContactDecision(true, null), ContactRules.Evaluate(Default, InvitedAt(null), Now));
    }

    [Fact]
    public void Person_invited_exactly_30_days_ago_may_be_contacted_again()
    {
        var decision = ContactRules.Evaluate(Default, InvitedAt(Now.AddDays(-30)), Now);

        Assert.True(decision.Allowed);
    }

    [Fact]
    public void Person_invited_one_second_short_of_30_days_ago_is_in_quarantine()
    {
        var last = Now.AddDays(-30).AddSeconds(1);

        var decision = ContactRules.Evaluate(Default, InvitedAt(last), Now);

        Assert.False(decision.Allowed);
        Assert.Equal("quarantine: last invited 2026-03-01T12:00:01Z, 30-day quarantine lasts until 2026-03-31T12:00:01Z", decision.Reason);
    }

    [Fact]
    public void Relational_nps_quarantine_of_90_days_ends_exactly_on_day_90()
    {
        var policy = new ContactPolicy(ContactPolicy.RelationalNpsQuarantineDays);

        Assert.False(ContactRules.Evaluate(policy, InvitedAt(Now.AddDays(-89)), Now).Allowed);
        Assert.True(ContactRules.Evaluate(policy, InvitedAt(Now.AddDays(-90)), Now).Allowed);
    }

    [Fact]
    public void Invitation_dated_in_the_future_counts_as_recent()
    {
        Assert.False(ContactRules.Evaluate(Default, InvitedAt(Now.AddHours(1)), Now).Allowed);
    }

    [Fact]
    public void Zero_quarantine_allows_contact_right_after_an_invitation()
    {
        Assert.True(ContactRules.Evaluate(new ContactPolicy(0), InvitedAt(Now), Now).Allowed);
    }

    [Fact]
    public void Unsubscribed_person_is_suppressed_even_outside_quarantine()
    {
        var decision = ContactRules.Evaluate(Default, new ContactHistory(null, Unsubscribed: true, HasOpenCase: true), Now);

        Assert.False(decision.Allowed);
        Assert.StartsWith("unsubscribed:", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Person_with_an_open_case_is_suppressed()
    {
        var decision = ContactRules.Evaluate(Default, new ContactHistory(Now.AddDays(-100), Unsubscribed: false, HasOpenCase: true), Now);

        Assert.False(decision.Allowed);
        Assert.StartsWith("open_case:", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Local_times_are_rejected()
    {
        var local = new DateTime(2026, 3, 31, 12, 0, 0, DateTimeKind.Local);

        Assert.Throws<ArgumentException>(() => ContactRules.Evaluate(Default, InvitedAt(null), local));
        Assert.Throws<ArgumentException>(() => ContactRules.Evaluate(Default, InvitedAt(local), Now));
    }

    [Fact]
    public void Negative_quarantine_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ContactRules.Evaluate(new ContactPolicy(-1), InvitedAt(null), Now));
    }
}
