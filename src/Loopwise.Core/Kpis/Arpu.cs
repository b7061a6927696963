namespace Loopwise.Core.Kpis;

/// <summary>
/// Revenue per customer (cx-reference.md §3): <c>revenue in period / average number of active customers in period</c>,
/// where the average is (start + end)/2 or a daily mean [14]. Null when the average is 0. Revenue may be negative
/// (net of refunds); money stays decimal.
/// </summary>
public static class Arpu
{
    /// <summary>ARPU with the average (active at start + active at end)/2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static ArpuResult FromStartEnd(decimal revenue, long activeAtStart, long activeAtEnd)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(activeAtStart);
        ArgumentOutOfRangeException.ThrowIfNegative(activeAtEnd);
        return Create(revenue, ((decimal)activeAtStart + activeAtEnd) / 2m);
    }

    /// <summary>ARPU with the mean of the daily active-customer counts of the period (null for no days).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static ArpuResult FromDailyActive(decimal revenue, IReadOnlyCollection<long> dailyActiveCounts)
    {
        ArgumentNullException.ThrowIfNull(dailyActiveCounts);
        var sum = 0m;
        foreach (var count in dailyActiveCounts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count, nameof(dailyActiveCounts));
            sum += count;
        }

        return Create(revenue, dailyActiveCounts.Count == 0 ? 0m : sum / dailyActiveCounts.Count);
    }

    private static ArpuResult Create(decimal revenue, decimal average) =>
        new(revenue, average, average == 0m ? null : revenue / average);
}
