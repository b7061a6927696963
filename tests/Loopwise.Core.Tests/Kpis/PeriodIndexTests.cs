using Loopwise.Core.Kpis;

namespace Loopwise.Core.Tests.Kpis;

public class PeriodIndexTests
{
    [Fact]
    public void Consecutive_months_across_a_year_end_differ_by_1()
    {
        Assert.Equal(1, PeriodIndex.Month(new(2026, 1, 15)) - PeriodIndex.Month(new(2025, 12, 31)));
        Assert.Equal(12, PeriodIndex.Month(new(2026, 3, 1)) - PeriodIndex.Month(new(2025, 3, 31)));
    }

    [Fact]
    public void Month_index_counts_from_january_of_year_1()
    {
        Assert.Equal(0, PeriodIndex.Month(DateOnly.MinValue));
        Assert.Equal((12 * 2025) + 6, PeriodIndex.Month(new(2026, 7, 19)));
    }

    [Fact]
    public void Month_start_is_the_first_day_of_the_indexed_month()
    {
        Assert.Equal(new DateOnly(2026, 7, 1), PeriodIndex.MonthStart(PeriodIndex.Month(new(2026, 7, 19))));
        Assert.Equal(new DateOnly(2026, 12, 1), PeriodIndex.MonthStart(PeriodIndex.Month(new(2026, 12, 31))));
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodIndex.MonthStart(-1));
    }
}
