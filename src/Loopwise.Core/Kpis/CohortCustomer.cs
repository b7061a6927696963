namespace Loopwise.Core.Kpis;

/// <summary>One customer for a retention cohort table (cx-reference.md §3), in abstract period indices.</summary>
/// <param name="AcquisitionPeriod">Index of the acquisition period, e.g. <see cref="PeriodIndex.Month(DateOnly)"/>.</param>
/// <param name="ActivePeriods">Indices of the periods in which the customer was active (duplicates and order do not matter).</param>
public sealed record CohortCustomer(int AcquisitionPeriod, IReadOnlyCollection<int> ActivePeriods);
