namespace Loopwise.Core.Kpis;

/// <summary>A retention cohort table (cx-reference.md §3): rows are cohorts, columns k = 0..<see cref="MaxK"/>.</summary>
/// <param name="Mode">Birth or unbounded retention.</param>
/// <param name="CurrentPeriod">The latest period with data; later cells are null.</param>
/// <param name="MaxK">The last column, K.</param>
/// <param name="Rows">Cohorts with at least one customer, in ascending acquisition period.</param>
public sealed record CohortTable(RetentionMode Mode, int CurrentPeriod, int MaxK, IReadOnlyList<CohortRow> Rows);
