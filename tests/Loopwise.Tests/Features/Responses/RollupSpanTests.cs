using Loopwise.Features.Metrics;
using Loopwise.Features.Responses;

namespace Loopwise.Tests.Features.Responses;

public sealed class RollupSpanTests
{
    private static TrendInterval Interval(string name) => TrendIntervals.TryParse(name, out var interval) ? interval : throw new ArgumentException(name);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2025-12-01", "2026-11-23", "month", "2025-12-01", "2026-10-01")] // the dashboards' default: this month by day
    [InlineData("2026-01-15", "2026-03-31", "quarter", "2026-02-01", "2026-03-01")] // a cut first month by day
    [InlineData("2026-01-01", "2026-01-31", "month", "2026-01-01", "2026-01-01")]
    [InlineData("2024-02-01", "2024-02-29", "month", "2024-02-01", "2024-02-01")] // leap February is whole
    public void Whole_months_of_monthly_and_quarterly_series_come_from_the_month_table(string from, string to, string interval, string monthsFrom, string monthsTo)
    {
        var span = RollupSpan.Of(D(from), D(to), Interval(interval));

        Assert.True(span.HasMonths);
        Assert.Equal((D(monthsFrom), D(monthsTo)), (span.MonthsFrom, span.MonthsTo));
    }

    [Theory]
    [InlineData("2026-01-01", "2026-03-31", "day")]
    [InlineData("2026-01-01", "2026-03-31", "week")]
    [InlineData("2026-01-02", "2026-02-27", "month")] // no month whole
    [InlineData("2026-01-01", "2026-01-30", "month")]
    [InlineData("2026-03-01", "2026-02-01", "month")] // empty range
    public void Other_ranges_are_read_by_day(string from, string to, string interval) =>
        Assert.False(RollupSpan.Of(D(from), D(to), Interval(interval)).HasMonths);

    [Theory]
    [InlineData("2026-01-01", "2026-03-31", false)] // whole months only: no day rows read at all
    [InlineData("2026-01-01", "2026-03-15", true)]
    [InlineData("2025-12-20", "2026-03-31", true)]
    public void Day_rows_are_read_only_for_cut_months(string from, string to, bool hasDays) =>
        Assert.Equal(hasDays, RollupSpan.Of(D(from), D(to), TrendInterval.Month).HasDays);

    [Fact]
    public void Day_ranges_are_the_cut_months_each_inside_one_month()
    {
        Assert.Equal([(D("2025-12-20"), D("2025-12-31")), (D("2026-03-01"), D("2026-03-15"))], RollupSpan.Of(D("2025-12-20"), D("2026-03-15"), TrendInterval.Month).DayRanges);
        Assert.Equal([(D("2026-01-05"), D("2026-02-10"))], RollupSpan.Of(D("2026-01-05"), D("2026-02-10"), TrendInterval.Month).DayRanges);
        Assert.Empty(RollupSpan.Of(D("2026-01-01"), D("2026-02-28"), TrendInterval.Month).DayRanges);
    }

    [Fact]
    public void Months_refused_by_the_caller_are_read_by_day_from_the_first_refused()
    {
        // First contact resolution: months whose last day's window has not closed yet.
        var span = RollupSpan.Of(D("2026-01-01"), D("2026-06-30"), TrendInterval.Month, month => month < D("2026-04-01") || month == D("2026-05-01"));

        Assert.Equal((D("2026-01-01"), D("2026-03-01")), (span.MonthsFrom, span.MonthsTo));
        Assert.False(RollupSpan.Of(D("2026-01-01"), D("2026-06-30"), TrendInterval.Month, _ => false).HasMonths);
    }
}
