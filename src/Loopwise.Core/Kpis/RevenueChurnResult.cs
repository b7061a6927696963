namespace Loopwise.Core.Kpis;

/// <summary>
/// Revenue churn over a period (cx-reference.md §3; kept separate from logo churn): recurring revenue lost with the
/// start-of-period customers who were lost, over the start recurring revenue of all start-of-period customers.
/// Not a binomial share, so there is no Wilson interval. Values are null when the start revenue is 0.
/// </summary>
/// <param name="StartRecurringRevenue">Recurring revenue of the customers at the start of the period, at that start.</param>
/// <param name="LostRecurringRevenue">The part of it belonging to customers lost during the period.</param>
public sealed record RevenueChurnResult(decimal StartRecurringRevenue, decimal LostRecurringRevenue)
{
    /// <summary>Lost / start recurring revenue in 0..1, or null when the start revenue is 0.</summary>
    public double? Rate => StartRecurringRevenue == 0m ? null : (double)(LostRecurringRevenue / StartRecurringRevenue);

    /// <summary>1 − <see cref="Rate"/> (gross revenue retention without expansion), or null when the start revenue is 0.</summary>
    public double? Retention => StartRecurringRevenue == 0m
        ? null
        : (double)((StartRecurringRevenue - LostRecurringRevenue) / StartRecurringRevenue);
}
