using Loopwise.Core.Support;

namespace Loopwise.Core.Tests.Support;

public sealed class BusinessCalendarTests
{
    private static readonly OpeningHours[] WeekdaysNineToFive =
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new OpeningHours(d, TimeSpan.FromHours(9), TimeSpan.FromHours(17)))];

    private static DateTime Utc(int month, int day, int hour, int minute = 0, int second = 0) => new(2026, month, day, hour, minute, second, DateTimeKind.Utc);

    [Fact]
    public void Open_time_within_one_day_is_the_plain_difference()
    {
        var calendar = BusinessCalendar.Create(WeekdaysNineToFive, "UTC", []);

        // Monday 23 November 2026, 10:00 to 12:30.
        Assert.Equal(9000, calendar.BusinessDuration(Utc(11, 23, 10), Utc(11, 23, 12, 30)));
    }

    [Fact]
    public void Time_before_opening_and_after_closing_does_not_count()
    {
        var calendar = BusinessCalendar.Create(WeekdaysNineToFive, "UTC", []);

        // Monday 07:00 to 20:00 holds the 8 open hours only.
        Assert.Equal(8 * 3600, calendar.BusinessDuration(Utc(11, 23, 7), Utc(11, 23, 20)));
    }

    [Fact]
    public void A_weekend_adds_no_business_time()
    {
        var calendar = BusinessCalendar.Create(WeekdaysNineToFive, "UTC", []);

        // Friday 20 Nov 16:00 -> Monday 23 Nov 10:00: one hour on Friday, one on Monday.
        Assert.Equal(7200, calendar.BusinessDuration(Utc(11, 20, 16), Utc(11, 23, 10)));
    }

    [Fact]
    public void A_holiday_after_the_weekend_is_skipped_too()
    {
        var calendar = BusinessCalendar.Create(WeekdaysNineToFive, "UTC", [new DateOnly(2026, 11, 23)]);

        // Friday 16:00 -> Tuesday 24 Nov 10:00 with Monday a holiday: 1 h Friday + 1 h Tuesday.
        Assert.Equal(7200, calendar.BusinessDuration(Utc(11, 20, 16), Utc(11, 24, 10)));
    }

    [Fact]
    public void A_fixed_offset_shifts_the_opening_hours()
    {
        var calendar = BusinessCalendar.Create(WeekdaysNineToFive, "+02:00", []);

        // 09:00-17:00 at +02:00 is 07:00-15:00 UTC; 06:00 -> 16:00 UTC holds all of it.
        Assert.Equal(8 * 3600, calendar.BusinessDuration(Utc(11, 23, 6), Utc(11, 23, 16)));
        Assert.Equal(3600, calendar.BusinessDuration(Utc(11, 23, 14), Utc(11, 23, 16)));
    }

    [Fact]
    public void An_iana_zone_follows_daylight_saving_time()
    {
        var calendar = BusinessCalendar.Create(WeekdaysNineToFive, "Europe/Paris", []);

        // Paris moves to summer time on Sunday 29 March 2026. Friday 27 Mar 15:00 UTC is 16:00 CET (1 h to closing);
        // Monday 30 Mar 08:00 UTC is 10:00 CEST (1 h after opening at 07:00 UTC).
        Assert.Equal(7200, calendar.BusinessDuration(Utc(3, 27, 15), Utc(3, 30, 8)));
    }

    [Fact]
    public void Duration_is_truncated_to_whole_seconds_and_zero_when_end_precedes_start()
    {
        var calendar = BusinessCalendar.Create(WeekdaysNineToFive, "UTC", []);

        Assert.Equal(1, calendar.BusinessDuration(Utc(11, 23, 10), Utc(11, 23, 10, 0, 1).AddMilliseconds(900)));
        Assert.Equal(0, calendar.BusinessDuration(Utc(11, 23, 12), Utc(11, 23, 10)));
    }

    [Fact]
    public void Split_hours_in_a_day_add_up()
    {
        var calendar = BusinessCalendar.Create(
            [new OpeningHours(DayOfWeek.Monday, TimeSpan.FromHours(8), TimeSpan.FromHours(12)), new OpeningHours(DayOfWeek.Monday, TimeSpan.FromHours(13), TimeSpan.FromDays(1))],
            "UTC",
            []);

        // 11:00 -> Tuesday 01:00: 1 h before lunch, 11 h from 13:00 to midnight; Tuesday is closed.
        Assert.Equal(12 * 3600, calendar.BusinessDuration(Utc(11, 23, 11), Utc(11, 24, 1)));
        Assert.Equal(15 * 3600, calendar.WeeklyOpenSeconds);
    }

    [Fact]
    public void Validation_names_each_bad_field_readably()
    {
        var errors = BusinessCalendar.Validate(
            [
                new OpeningHours(DayOfWeek.Monday, TimeSpan.FromHours(17), TimeSpan.FromHours(9)),
                new OpeningHours(DayOfWeek.Tuesday, TimeSpan.FromHours(9), TimeSpan.FromHours(12)),
                new OpeningHours(DayOfWeek.Tuesday, TimeSpan.FromHours(11), TimeSpan.FromHours(14)),
            ],
            "Mars/Olympus",
            [new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 25)]);

        Assert.Equal(["hours[0].close", "hours[2]", "timeZone", "holidays[1]"], errors.Select(e => e.Path));
        Assert.Contains("Mars/Olympus", errors[2].Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => BusinessCalendar.Create([], "nowhere", []));
    }

    [Fact]
    public void Default_calendar_is_weekdays_nine_to_five_utc()
    {
        Assert.Equal(5 * 8 * 3600, BusinessCalendar.Default.WeeklyOpenSeconds);
        Assert.Equal("UTC", BusinessCalendar.Default.TimeZone);
    }
}
