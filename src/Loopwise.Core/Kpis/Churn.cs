using Loopwise.Core.Metrics;

namespace Loopwise.Core.Kpis;

/// <summary>
/// Churn and retention (cx-reference.md §3, "Churn and retention"):
/// <c>churn rate = customers lost during period / customers at start of period</c>, customers acquired during the
/// period counting in neither; <c>retention = 1 − churn</c>; null with 0 customers at the start. Logo churn and
/// revenue churn are separate metrics.
/// </summary>
public static class Churn
{
    /// <summary>Logo churn from its counts, with the Wilson interval; null values when <paramref name="atStart"/> = 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or <paramref name="lost"/> exceeds <paramref name="atStart"/>.</exception>
    public static ChurnResult Logo(long atStart, long lost, double z = 1.96) =>
        new(Proportion.Estimate(lost, atStart, z));

    /// <summary>Logo churn from counts made by <see cref="Count"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or Lost exceeds AtStart.</exception>
    public static ChurnResult Logo(ChurnCounts counts, double z = 1.96)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return Logo(counts.AtStart, counts.Lost, z);
    }

    /// <summary>
    /// Counts the customers at the start of the period [<paramref name="from"/>, <paramref name="to"/>) and those of
    /// them lost during it, by the one rule the app and the tests share: at start when acquired before
    /// <paramref name="from"/> (<c>Start &lt; from</c>) and not lost before it (<c>End</c> null or <c>End ≥ from</c>);
    /// lost when, in addition, <c>End &lt; to</c>. A customer acquired on or after <paramref name="from"/> counts in
    /// neither, even if lost in the same period. Consecutive periods therefore count every loss exactly once.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public static ChurnCounts Count(IEnumerable<CustomerLifetime> customers, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(customers);
        if (to <= from)
        {
            throw new ArgumentException("The period end must be after its start.", nameof(to));
        }

        long atStart = 0;
        long lost = 0;
        foreach (var customer in customers)
        {
            if (customer.Start >= from || customer.End < from)
            {
                continue;
            }

            atStart++;
            if (customer.End < to)
            {
                lost++;
            }
        }

        return new ChurnCounts(atStart, lost);
    }

    /// <summary>
    /// Revenue churn: lost recurring revenue of start-of-period customers / their start recurring revenue.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An amount is negative or the lost revenue exceeds the start revenue.</exception>
    public static RevenueChurnResult Revenue(decimal startRecurringRevenue, decimal lostRecurringRevenue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startRecurringRevenue);
        ArgumentOutOfRangeException.ThrowIfNegative(lostRecurringRevenue);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lostRecurringRevenue, startRecurringRevenue);
        return new RevenueChurnResult(startRecurringRevenue, lostRecurringRevenue);
    }

    /// <summary>
    /// Revenue churn from the start-of-period customers (those <see cref="Count"/> counts at start): each with its
    /// recurring revenue at the start of the period and whether it was lost during the period. Downgrades of kept
    /// customers are not losses here.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A revenue is negative.</exception>
    public static RevenueChurnResult Revenue(IEnumerable<(decimal StartRecurringRevenue, bool Lost)> startCustomers)
    {
        ArgumentNullException.ThrowIfNull(startCustomers);
        var start = 0m;
        var lost = 0m;
        foreach (var (revenue, isLost) in startCustomers)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(revenue, nameof(startCustomers));
            start += revenue;
            if (isLost)
            {
                lost += revenue;
            }
        }

        return new RevenueChurnResult(start, lost);
    }

    /// <summary>
    /// Converts a per-period churn rate to a yearly one: <c>annual = 1 − (1 − monthly)^12</c> for months
    /// (2% monthly → 21.5% annual). <paramref name="periodsPerYear"/> is 12 for months, 4 for quarters, 52 for weeks.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is outside [0, 1] or periodsPerYear &lt; 1.</exception>
    public static double Annualise(double periodRate, int periodsPerYear = 12)
    {
        CheckRate(periodRate, nameof(periodRate));
        ArgumentOutOfRangeException.ThrowIfLessThan(periodsPerYear, 1);
        return 1.0 - Math.Pow(1.0 - periodRate, periodsPerYear);
    }

    /// <summary>
    /// The inverse of <see cref="Annualise"/>: <c>monthly = 1 − (1 − annual)^(1/12)</c> for months.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is outside [0, 1] or periodsPerYear &lt; 1.</exception>
    public static double FromAnnual(double annualRate, int periodsPerYear = 12)
    {
        CheckRate(annualRate, nameof(annualRate));
        ArgumentOutOfRangeException.ThrowIfLessThan(periodsPerYear, 1);
        return 1.0 - Math.Pow(1.0 - annualRate, 1.0 / periodsPerYear);
    }

    private static void CheckRate(double rate, string name)
    {
        if (!(rate >= 0.0 && rate <= 1.0))
        {
            throw new ArgumentOutOfRangeException(name, rate, "A churn rate must lie in [0, 1].");
        }
    }
}
