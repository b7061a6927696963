namespace Loopwise.Core.Kpis;

/// <summary>
/// Revenue per customer (ARPU) over a period (cx-reference.md §3): revenue / average number of active customers.
/// </summary>
/// <param name="Revenue">Revenue in the period.</param>
/// <param name="AverageActiveCustomers">(start + end)/2, or the daily mean of active customers.</param>
/// <param name="Value">Revenue / average, or null when the average is 0.</param>
public sealed record ArpuResult(decimal Revenue, decimal AverageActiveCustomers, decimal? Value);
