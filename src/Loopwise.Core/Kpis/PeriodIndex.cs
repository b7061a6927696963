namespace Loopwise.Core.Kpis;

/// <summary>
/// Abstract period indices for cohort tables (cx-reference.md §3): the app decides the calendar, Core only sees
/// integers. Month indices count months since January of year 1 (index = 12·(year − 1) + month − 1), so consecutive
/// months differ by 1 across year ends.
/// </summary>
public static class PeriodIndex
{
    /// <summary>The month index of a day.</summary>
    public static int Month(DateOnly day) => (12 * (day.Year - 1)) + day.Month - 1;

    /// <summary>The first day of the month with this index.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside years 1..9999.</exception>
    public static DateOnly MonthStart(int monthIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(monthIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(monthIndex, (12 * 9999) - 1);
        return new DateOnly((monthIndex / 12) + 1, (monthIndex % 12) + 1, 1);
    }
}
