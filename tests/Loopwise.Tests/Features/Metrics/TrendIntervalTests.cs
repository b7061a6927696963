using Loopwise.Features.Metrics;

namespace Loopwise.Tests.Features.Metrics;

public sealed class TrendIntervalTests
{
    [Theory]
    [InlineData(TrendInterval.Day, "2026-01-01", "2026-01-01", "2026-01-01")]
    [InlineData(TrendInterval.Week, "2026-01-01", "2025-12-29", "2026-W01")] // Thursday 1 Jan 2026 is in ISO week 1, which starts on Monday 29 Dec
    [InlineData(TrendInterval.Week, "2027-01-03", "2026-12-28", "2026-W53")] // 2026 has 53 ISO weeks; Sunday 3 Jan 2027 is in its last
    [InlineData(TrendInterval.Month, "2026-02-28", "2026-02-01", "2026-02")]
    [InlineData(TrendInterval.Quarter, "2026-06-30", "2026-04-01", "2026-Q2")]
    [InlineData(TrendInterval.Quarter, "2026-10-01", "2026-10-01", "2026-Q4")]
    public void Period_of_a_day_starts_on_the_calendar_boundary_and_has_a_sortable_label(TrendInterval interval, string day, string start, string label)
    {
        var periodStart = interval.Start(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), periodStart);
        Assert.Equal(label, interval.Label(periodStart));
    }

    [Fact]
    public void A_quarter_range_from_mid_january_to_mid_july_covers_three_quarters()
    {
        Assert.Equal(3, TrendInterval.Quarter.CountPeriods(new DateOnly(2026, 1, 15), new DateOnly(2026, 7, 15)));
    }

    [Theory]
    [InlineData(null, TrendInterval.Month)]
    [InlineData("WEEK", TrendInterval.Week)]
    [InlineData(" quarter ", TrendInterval.Quarter)]
    public void Interval_names_parse_case_insensitively_and_default_to_month(string? text, TrendInterval expected)
    {
        Assert.True(TrendIntervals.TryParse(text, out var interval));
        Assert.Equal(expected, interval);
    }

    [Fact]
    public void Unknown_interval_name_does_not_parse()
    {
        Assert.False(TrendIntervals.TryParse("hour", out _));
    }
}
