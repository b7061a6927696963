namespace Loopwise.Core.Kpis;

/// <summary>
/// The two counts of a churn rate (cx-reference.md §3): customers at the start of the period and those of them lost
/// during it. Customers acquired during the period are in neither.
/// </summary>
/// <param name="AtStart">Customers at the start of the period.</param>
/// <param name="Lost">Of those, customers lost during the period.</param>
public sealed record ChurnCounts(long AtStart, long Lost);
