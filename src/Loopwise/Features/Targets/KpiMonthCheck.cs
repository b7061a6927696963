using System.Globalization;
using Loopwise.Core.Kpis;
using Loopwise.Features.Kpis;

namespace Loopwise.Features.Targets;

/// <summary>What one check of a workspace saw and recorded.</summary>
public sealed record KpiCheckOutcome(string Period, IReadOnlyList<KpiStatusResult> Statuses, IReadOnlyList<ThresholdCrossing> Recorded);

/// <summary>
/// Rates the current UTC month of every KPI the series answers (<see cref="KpiSeriesQuery.Ids"/>: survey, support,
/// funnel and business KPIs, so the numbers are the dashboard's) against the workspace's targets and hands the statuses
/// to <see cref="ThresholdMonitor"/>. Statuses are keyed by catalogue KPI id (nps, csat_pct, ces_effort_mean,
/// ces2_ease_mean, fcr...); transactional NPS, which shares the NPS target but is never pooled with relationship NPS
/// (cx-reference.md §1), is kept apart as <c>tnps</c>.
/// </summary>
public sealed class KpiMonthCheck(KpiSeriesQuery series, KpiTargetStore targets, ThresholdMonitor monitor, TimeProvider clock)
{
    public async Task<KpiCheckOutcome> RunAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var first = new DateOnly(today.Year, today.Month, 1);
        var set = await targets.GetSetAsync(ct);
        var statuses = new List<KpiStatusResult>();
        foreach (var id in KpiSeriesQuery.Ids)
        {
            var answer = await series.HandleAsync(id, new KpiSliceRequest(From: Day(first), To: Day(today), Interval: "month"), ct);
            if (!answer.IsSuccess)
            {
                throw new InvalidOperationException($"The KPI series of '{id}' failed: {answer.Error!.Message}");
            }

            var groups = answer.Value!.Groups;
            var total = groups.Count > 0 ? groups[0].Total : null;
            var definition = KpiSeriesQuery.DefinitionOf(id) ?? throw new InvalidOperationException($"'{id}' has no catalogue entry.");
            var status = set.Evaluate(definition, total?.Value, total?.N ?? 0);
            statuses.Add(id == SurveyKpis.TransactionalNps.Id ? status with { Id = new KpiId(id) } : status);
        }

        var period = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return new KpiCheckOutcome(period, statuses, await monitor.CheckAsync(statuses, period, ct));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
