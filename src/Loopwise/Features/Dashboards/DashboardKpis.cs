using Loopwise.Core.Kpis;
using Loopwise.Features.Kpis;

namespace Loopwise.Features.Dashboards;

/// <summary>
/// The KPIs every dashboard page shows, by the ids of <c>GET /api/v1/kpis/{kpi}</c>. Ticket and business KPIs join this
/// list when the KPI series API answers them; the pages need no other change.
/// </summary>
public static class DashboardKpis
{
    /// <summary>The overview's cards and the explorer's KPI choices, in this order: survey KPIs, then transactional ones.</summary>
    public static IReadOnlyList<string> All { get; } = KpiSeriesQuery.Ids;

    /// <summary>KPIs whose figures can be drilled down to the responses behind them (the survey KPIs).</summary>
    public static bool HasDrillDown(string id) => SurveyKpis.Find(id) is not null;

    /// <summary>The KPIs of the touchpoint view (transactional ones: per touchpoint, not per relationship).</summary>
    public static IReadOnlyList<string> Touchpoint { get; } = [SurveyKpis.TransactionalNps.Id, SurveyKpis.Csat.Id, SurveyKpis.CesEffort.Id];

    /// <summary>The label of a KPI id, for menus before any series is read.</summary>
    public static string Label(string id) =>
        SurveyKpis.Find(id)?.Label ?? Definition(id)?.Label ?? id;

    /// <summary>The catalogue entry (unit, decimals, polarity) of a KPI id, or null when the catalogue has none.</summary>
    public static KpiDefinition? Definition(string id) => KpiSeriesQuery.DefinitionOf(id);

    /// <summary>Whether <paramref name="id"/> is one of <see cref="All"/> (ordinal, case-insensitive like the API).</summary>
    public static bool Contains(string? id) => id is not null && All.Contains(id, StringComparer.OrdinalIgnoreCase);
}
