using Loopwise.Core.Cases;

namespace Loopwise.Core.Tests.Cases;

/// <summary>
/// Hand-computed clocks on an office-hours calendar (Monday to Friday, 09:00–17:00 UTC) with the Normal targets
/// (first response 8 working hours, resolution 40). A case opened on Friday 2026-12-04 at 16:00 has one working hour
/// that Friday; the next working hours are Monday 2026-12-07 from 09:00.
/// - First response, no contact: 8 h target → Friday 1 h + Monday 7 h → due Monday 16:00; 75 % (6 h) → Monday 14:00.
/// - Contact Monday 10:00: 1 h + 1 h = 2 h, met. Waiting on the customer Monday 12:00 to Tuesday 12:00 (paused), resolved
///   Tuesday 15:00: resolution = Friday 1 h + Monday 09:00–12:00 3 h + Tuesday 12:00–15:00 3 h = 7 h, met.
/// </summary>
public sealed class CaseSlaTests
{
    private static readonly BusinessCalendar Office = BusinessCalendar.OfficeHours(TimeZoneInfo.Utc);
    private static readonly SlaTargets Normal = SlaTargets.DefaultFor(CasePriority.Normal);

    private static DateTime At(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void Office_hours_count_only_weekday_windows()
    {
        Assert.Equal(TimeSpan.FromHours(2), Office.Elapsed(At(4, 16), At(7, 10)));
        Assert.Equal(TimeSpan.Zero, Office.Elapsed(At(5, 10), At(6, 23)));
        Assert.Equal(At(7, 16), Office.Add(At(4, 16), TimeSpan.FromHours(8)));
        Assert.Equal(At(8, 9), Office.Add(At(7, 17), TimeSpan.Zero));
        Assert.Equal(At(8, 10), Office.Add(At(7, 16), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void A_holiday_moves_the_due_time_by_a_working_day()
    {
        var withHoliday = BusinessCalendar.OfficeHours(TimeZoneInfo.Utc, [new DateOnly(2026, 12, 7)]);

        var clocks = CaseSla.Compute([new(At(4, 16), CaseState.New)], Normal, withHoliday, At(7, 16));

        Assert.Equal(TimeSpan.FromHours(1), clocks.FirstResponse.Elapsed);
        Assert.Equal(At(8, 16), clocks.FirstResponse.DueAt);
    }

    [Fact]
    public void An_uncontacted_case_is_at_risk_at_75_percent_then_breached_at_the_target()
    {
        IReadOnlyList<CaseStateChange> changes = [new(At(4, 16), CaseState.New), new(At(4, 16, 5), CaseState.Assigned)];

        var atRisk = CaseSla.Compute(changes, Normal, Office, At(7, 15));
        Assert.Equal((SlaStatus.AtRisk, TimeSpan.FromHours(7), true), (atRisk.FirstResponse.Status, atRisk.FirstResponse.Elapsed, atRisk.FirstResponse.Running));
        Assert.Equal((At(7, 14), At(7, 16)), (atRisk.FirstResponse.WarnAt, atRisk.FirstResponse.DueAt));
        Assert.Equal(At(7, 16), atRisk.NextCheckAfter(At(7, 15)));

        var breached = CaseSla.Compute(changes, Normal, Office, At(8, 10));
        Assert.Equal((SlaStatus.Breached, TimeSpan.FromHours(10)), (breached.FirstResponse.Status, breached.FirstResponse.Elapsed));
        Assert.Equal(At(7, 16), breached.FirstResponse.DueAt);
        Assert.True(breached.Breached);
        Assert.Equal(SlaStatus.OnTrack, breached.Resolution.Status);
    }

    [Fact]
    public void Contact_stops_the_first_response_clock_and_waiting_on_the_customer_pauses_resolution()
    {
        IReadOnlyList<CaseStateChange> changes =
        [
            new(At(4, 16), CaseState.New), new(At(7, 9, 30), CaseState.Assigned), new(At(7, 10), CaseState.InProgress),
            new(At(7, 12), CaseState.WaitingOnCustomer),
        ];

        var waiting = CaseSla.Compute(changes, Normal, Office, At(8, 11));
        Assert.Equal((SlaStatus.Met, TimeSpan.FromHours(2), At(7, 10)), (waiting.FirstResponse.Status, waiting.FirstResponse.Elapsed, waiting.FirstResponse.StoppedAt));
        Assert.True(waiting.Resolution.Paused);
        Assert.Equal(TimeSpan.FromHours(4), waiting.Resolution.Elapsed);
        Assert.Null(waiting.Resolution.DueAt);

        var resolved = CaseSla.Compute(
            [.. changes, new(At(8, 12), CaseState.InProgress), new(At(8, 15), CaseState.Resolved)], Normal, Office, At(9, 9));
        Assert.Equal((SlaStatus.Met, TimeSpan.FromHours(7), At(8, 15), false), (resolved.Resolution.Status, resolved.Resolution.Elapsed, resolved.Resolution.StoppedAt, resolved.Resolution.Running));
    }

    [Fact]
    public void Reopening_resumes_the_resolution_clock_counting_the_earlier_time()
    {
        IReadOnlyList<CaseStateChange> changes =
        [
            new(At(4, 16), CaseState.New), new(At(7, 10), CaseState.InProgress), new(At(8, 15), CaseState.Resolved),
            new(At(9, 9, 30), CaseState.Reopened),
        ];

        // Friday 1 h + Monday 10:00–17:00 7 h + Tuesday 09:00–15:00 6 h = 14 h before the resolution (plus Monday
        // 09:00–10:00 while new: 15 h); reopened Wednesday 09:30, now 10:30: one more hour.
        var clocks = CaseSla.Compute(changes, Normal, Office, At(9, 10, 30));

        Assert.Equal(TimeSpan.FromHours(16), clocks.Resolution.Elapsed);
        Assert.True(clocks.Resolution.Running);
        Assert.Null(clocks.Resolution.StoppedAt);
        // 75 % of 40 h = 30 h: 14 h more from Wednesday 10:30 → Wednesday 6.5 h + Thursday 7.5 h → Thursday 16:30.
        Assert.Equal(At(10, 16, 30), clocks.Resolution.WarnAt);
    }

    [Fact]
    public void A_window_on_the_day_clocks_go_forward_is_an_hour_shorter()
    {
        // A zone at UTC+1 that moves to UTC+2 on the last Sunday of March at 02:00 (2026-03-29) and back on the last
        // Sunday of October at 03:00: open all day, that Sunday has 23 working hours.
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday));
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test/CET", TimeSpan.FromHours(1), "Test CET", "Test CET", "Test CEST", [rule]);
        var allDay = new BusinessCalendar(zone, Enum.GetValues<DayOfWeek>().Select(d => new BusinessHours(d, TimeSpan.Zero, TimeSpan.FromHours(24))));

        var sunday = allDay.Elapsed(new DateTime(2026, 3, 28, 23, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 29, 22, 0, 0, DateTimeKind.Utc));

        Assert.Equal(TimeSpan.FromHours(23), sunday);
    }

    [Fact]
    public void A_calendar_without_windows_or_with_overlaps_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(TimeZoneInfo.Utc, []));
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(
            TimeZoneInfo.Utc, [new(DayOfWeek.Monday, TimeSpan.FromHours(9), TimeSpan.FromHours(13)), new(DayOfWeek.Monday, TimeSpan.FromHours(12), TimeSpan.FromHours(17))]));
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(TimeZoneInfo.Utc, [new(DayOfWeek.Monday, TimeSpan.FromHours(17), TimeSpan.FromHours(9))]));
    }
}
