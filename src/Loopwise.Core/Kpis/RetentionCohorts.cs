using Loopwise.Core.Metrics;

namespace Loopwise.Core.Kpis;

/// <summary>
/// Builds retention cohort tables (cx-reference.md §3, "Retention cohort table") [17]: each cell is
/// <c>active_in_period_k / cohort_size</c>, so k = 0 is 100%; cells in the future are blank (null), not 0.
/// </summary>
public static class RetentionCohorts
{
    /// <summary>
    /// The table for k = 0..<paramref name="maxK"/>. Birth mode counts customers active in period
    /// (acquisition + k); Unbounded counts those active in that period or any later one up to the current period.
    /// Cell k is null when acquisition + k &gt; <paramref name="currentPeriod"/>. Customers acquired after the current
    /// period, and activity before acquisition or after the current period, are ignored. Each cell carries its
    /// Wilson interval.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxK"/> is negative or the mode is unknown.</exception>
    public static CohortTable Build(
        IEnumerable<CohortCustomer> customers,
        int currentPeriod,
        int maxK,
        RetentionMode mode,
        double z = 1.96)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentOutOfRangeException.ThrowIfNegative(maxK);
        if (mode is not (RetentionMode.Birth or RetentionMode.Unbounded))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown retention mode.");
        }

        var cohorts = new SortedDictionary<int, Tally>();
        var seen = new HashSet<int>();
        foreach (var customer in customers)
        {
            if (customer.AcquisitionPeriod > currentPeriod)
            {
                continue;
            }

            if (!cohorts.TryGetValue(customer.AcquisitionPeriod, out var tally))
            {
                tally = new Tally(maxK);
                cohorts.Add(customer.AcquisitionPeriod, tally);
            }

            tally.Size++;
            Add(customer, currentPeriod, maxK, mode, tally.Active, seen);
        }

        var rows = new List<CohortRow>(cohorts.Count);
        foreach (var (period, tally) in cohorts)
        {
            var cells = new ProportionEstimate?[maxK + 1];
            for (var k = 0; k <= maxK && (long)period + k <= currentPeriod; k++)
            {
                cells[k] = Proportion.Estimate(k == 0 ? tally.Size : tally.Active[k], tally.Size, z);
            }

            rows.Add(new CohortRow(period, tally.Size, cells));
        }

        return new CohortTable(mode, currentPeriod, maxK, rows);
    }

    private static void Add(CohortCustomer customer, int currentPeriod, int maxK, RetentionMode mode, long[] active, HashSet<int> seen)
    {
        seen.Clear();
        var last = 0;
        foreach (var period in customer.ActivePeriods)
        {
            var k = (long)period - customer.AcquisitionPeriod;
            if (k < 1 || period > currentPeriod)
            {
                continue;
            }

            if (mode == RetentionMode.Birth)
            {
                if (k <= maxK && seen.Add((int)k))
                {
                    active[k]++;
                }
            }
            else
            {
                last = (int)Math.Max(last, Math.Min(k, maxK));
            }
        }

        for (var k = 1; k <= last; k++)
        {
            active[k]++;
        }
    }

    private sealed class Tally(int maxK)
    {
        public long Size { get; set; }

        public long[] Active { get; } = new long[maxK + 1];
    }
}
