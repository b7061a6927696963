using System.Globalization;
using Loopwise.Core.Kpis;
using Loopwise.Core.Metrics;
using Loopwise.Data;
using Loopwise.Features.Kpis;
using Loopwise.Features.Metrics;
using Loopwise.Features.Touchpoints;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Dashboards;

/// <summary>One touchpoint of the touchpoint view, with one total per KPI of <see cref="DashboardKpis.Touchpoint"/> (same order as the series).</summary>
public sealed record TouchpointRow(string Key, string Name, string Channel, string? Stage, IReadOnlyList<KpiGroupSeries> Cells);

/// <summary>The touchpoint view: the series of each KPI by touchpoint, and the rows grouped by journey stage.</summary>
public sealed record TouchpointView(KpiSliceDto Slice, IReadOnlyList<KpiSeries> Series, IReadOnlyList<TouchpointRow> Rows);

/// <summary>
/// The dashboards' reads, all through <see cref="KpiSeriesQuery"/> so every figure equals <c>GET /api/v1/kpis/{kpi}</c>:
/// the overview (every KPI, twelve months), the touchpoint view (one query per KPI, grouped by touchpoint).
/// </summary>
public sealed class DashboardQueries(KpiSeriesBatch kpis, LoopwiseDbContext db, TimeProvider clock)
{
    /// <summary>Label of the row of answers given through no (or a deleted) touchpoint.</summary>
    public const string NoTouchpoint = "No touchpoint";

    /// <summary>Every dashboard KPI monthly over the twelve months up to <paramref name="to"/> (default today).</summary>
    public Task<Result<IReadOnlyList<KpiSeries>>> OverviewAsync(string? to, CancellationToken ct) =>
        kpis.HandleAsync(DashboardKpis.All, _ => new KpiSliceRequest(To: to, Interval: "month"), ct);

    /// <summary>tNPS, CSAT and CES by touchpoint over [from, to] (default the last 90 days), rows by journey stage then name.</summary>
    public async Task<Result<TouchpointView>> TouchpointsAsync(string? from, string? to, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (string.IsNullOrWhiteSpace(from))
        {
            var end = string.IsNullOrWhiteSpace(to) ? today
                : DateOnly.TryParseExact(to.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null;
            from = end is { } e ? MetricsFilter.Day(e.AddDays(-89)) : null; // a bad "to" is reported by the slice
        }

        var read = await kpis.HandleAsync(DashboardKpis.Touchpoint, _ => new KpiSliceRequest(from, to, "quarter", By: "touchpoint"), ct);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var series = read.Value!;

        var slice = series[0].Slice;
        var touchpoints = await db.Set<Touchpoint>().AsNoTracking().ToListAsync(ct);
        var rows = touchpoints
            .Select(t => new TouchpointRow(t.Key, t.Name, t.Channel.ToString(), t.JourneyStage, [.. series.Select(s => Cell(s, t.Key, t.Name, slice))]))
            .OrderBy(r => r.Stage is null ? 1 : 0).ThenBy(r => r.Stage, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var unknown = new TouchpointRow(SurveyKpiCounts.Unknown, NoTouchpoint, string.Empty, null, [.. series.Select(s => Cell(s, SurveyKpiCounts.Unknown, NoTouchpoint, slice))]);
        if (unknown.Cells.Any(c => c.Total.N > 0))
        {
            rows.Add(unknown);
        }

        return new TouchpointView(slice, series, rows);
    }

    private static KpiGroupSeries Cell(KpiSeries series, string key, string name, KpiSliceDto slice) =>
        series.Groups.FirstOrDefault(g => string.Equals(g.Group, key, StringComparison.Ordinal))
        ?? new KpiGroupSeries(key, name, new TrendPoint("total", slice.From, slice.To, 0, SampleBase.None, null, null), MetricFormat.Missing, KpiStatus.NoData, [], null);
}
