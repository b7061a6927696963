using Loopwise.Core.Kpis;
using Loopwise.Core.Metrics;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Metrics;
using Loopwise.Features.Surveys;
using Loopwise.Features.Touchpoints;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Kpis;

/// <summary>A KPI over a slice: one series per group, each with its total and one point per period (proportions in 0..1, NPS in −1..1).</summary>
public sealed record KpiSeries(
    string Kpi,
    string Label,
    string ScaleId,
    string Metric,
    KpiUnit Unit,
    ScalePolarity Polarity,
    KpiSliceDto Slice,
    bool FromRollups,
    IReadOnlyList<KpiGroupSeries> Groups);

/// <summary>The slice as understood, echoed back (dates are UTC days, inclusive).</summary>
public sealed record KpiSliceDto(DateOnly From, DateOnly To, string Interval, Guid? Survey, Guid? Touchpoint, string? Channel, string? Stage, string? Where, string? By);

/// <summary>
/// One group's series; Group is empty when the slice is not grouped. Status rates the total against the workspace's
/// target (cx-reference.md §10); Change compares the last period with the one before.
/// </summary>
public sealed record KpiGroupSeries(string Group, string Label, TrendPoint Total, string Formatted, KpiStatus Status, IReadOnlyList<TrendPoint> Points, KpiChange? Change);

/// <summary>
/// The last period against the previous one: the test that fits the KPI (NPS difference, N−1 two-proportion, Welch),
/// Holm-adjusted across the groups of the slice; an arrow only when significant and both n ≥ 30.
/// </summary>
public sealed record KpiChange(string From, string To, double? Delta, double? PValue, double? AdjustedPValue, bool Significant, MetricChangeArrow Arrow, MetricChangeVerdict Verdict);

/// <summary>Answers <c>GET /api/v1/kpis/{kpi}</c>, the explorer and <c>loopwise metrics --kpi</c> with the same numbers.</summary>
public sealed class KpiSeriesQuery(LoopwiseDbContext db, SurveyKpiCounts counts, TimeProvider clock)
{
    public async Task<Result<KpiSeries>> HandleAsync(string kpiId, KpiSliceRequest request, CancellationToken ct, KpiSource source = KpiSource.Auto)
    {
        if (SurveyKpis.Find(kpiId) is not { } kpi)
        {
            return Error.Invalid.Field("kpi", $"'{kpiId}' is not a survey KPI; use one of: {string.Join(", ", SurveyKpis.All.Select(k => k.Id))}.");
        }

        var parsed = await request.ParseAsync(db, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        if (!parsed.IsSuccess)
        {
            return parsed.Error!;
        }

        var slice = parsed.Value!;
        var read = await counts.ReadAsync(kpi, slice, source, ct);
        var type = kpi.QuestionType ?? QuestionType.Rating;
        var labels = await GroupLabelsAsync(slice.By, ct);
        var definition = KpiCatalog.Get(Catalogued(kpi));
        var periods = Periods(slice).ToList();
        var names = read.Groups.DefaultIfEmpty(string.Empty).Distinct(StringComparer.Ordinal).ToList();
        var changes = MultipleComparisons.Adjust([.. names.Select(group => Change(definition, kpi, periods, read, group))]);
        var groups = names.Select((group, i) =>
        {
            var total = read.Total(group);
            var point = Point("total", slice.From, slice.To, type, total);
            var change = changes[i];
            return new KpiGroupSeries(
                group,
                labels.GetValueOrDefault(group) ?? group,
                point,
                definition.Format(point.Value),
                KpiStatusRule.EvaluateDefault(definition, point.Value, total.N).Status,
                [.. periods.Select(p => Point(slice.Interval.Label(p.Start), p.From, p.To, type, Cell(read, kpi, group, p.Start)))],
                periods.Count < 2 ? null : new KpiChange(
                    slice.Interval.Label(periods[^2].Start), slice.Interval.Label(periods[^1].Start), change.Delta, change.PValue, change.AdjustedPValue,
                    change.Significant, change.Arrow, change.Verdict));
        }).ToList();
        return new KpiSeries(
            kpi.Id, kpi.Label, kpi.Scale.Id, QuestionMetrics.MetricOf(type), definition.Unit, definition.Polarity,
            new KpiSliceDto(slice.From, slice.To, slice.Interval.Name(), slice.SurveyId, slice.TouchpointId, slice.Channel?.ToString(), slice.Stage,
                slice.WhereDimension is null ? null : $"{slice.WhereDimension}:{slice.WhereValue}", slice.By == KpiGrouping.Dimension ? slice.ByDimension : slice.By == KpiGrouping.None ? null : slice.By.ToString().ToLowerInvariant()),
            read.FromRollups,
            groups);
    }

    /// <summary>The catalogue entry (unit, polarity, default target) of a survey KPI; both NPS kinds share the NPS target.</summary>
    public static KpiId Catalogued(SurveyKpi kpi) => kpi.Id switch
    {
        "nps" or "tnps" => KpiId.Nps,
        "csat" => KpiId.CsatPct,
        "ces_effort" => KpiId.CesEffortMean,
        _ => KpiId.Ces2EaseMean,
    };

    private static ScaleCounts Cell(KpiCounts read, SurveyKpi kpi, string group, DateOnly period) =>
        read.Cells.GetValueOrDefault((group, period)) ?? new ScaleCounts(kpi.Scale);

    /// <summary>The last period against the one before, with the test of the KPI's statistic.</summary>
    private static MetricChange Change(KpiDefinition definition, SurveyKpi kpi, List<(DateOnly Start, DateOnly From, DateOnly To)> periods, KpiCounts read, string group)
    {
        if (periods.Count < 2)
        {
            return MetricChange.Untested(definition, null, 0, null, 0);
        }

        var previous = Cell(read, kpi, group, periods[^2].Start);
        var current = Cell(read, kpi, group, periods[^1].Start);
        return definition.Statistic switch
        {
            KpiStatistic.NetPromoter => MetricChange.ForNps(definition, NpsCounts.FromScale(previous), NpsCounts.FromScale(current)),
            KpiStatistic.Proportion => MetricChange.ForProportion(definition, previous.FavourableCount, previous.N, current.FavourableCount, current.N),
            _ => MetricChange.ForMeanMoments(definition, previous.N, previous.Sum, previous.SumOfSquares, current.N, current.Sum, current.SumOfSquares),
        };
    }

    /// <summary>The periods of the slice, each cut to the slice's days.</summary>
    public static IEnumerable<(DateOnly Start, DateOnly From, DateOnly To)> Periods(KpiSlice slice)
    {
        for (var start = slice.Interval.Start(slice.From); start <= slice.To; start = slice.Interval.Next(start))
        {
            var end = slice.Interval.Next(start).AddDays(-1);
            yield return (start, start < slice.From ? slice.From : start, end > slice.To ? slice.To : end);
        }
    }

    private static TrendPoint Point(string label, DateOnly from, DateOnly to, QuestionType type, ScaleCounts cell)
    {
        var (value, interval) = QuestionMetrics.Headline(type, cell);
        return new TrendPoint(label, from, to, cell.N, SampleBases.Classify(cell.N), value, interval);
    }

    private async Task<Dictionary<string, string>> GroupLabelsAsync(KpiGrouping by, CancellationToken ct) => by switch
    {
        KpiGrouping.Survey => await db.Set<Survey>().AsNoTracking().ToDictionaryAsync(s => s.Id.ToString(), s => s.Name, StringComparer.Ordinal, ct),
        KpiGrouping.Touchpoint => await db.Set<Touchpoint>().AsNoTracking().ToDictionaryAsync(t => t.Key, t => t.Name, StringComparer.Ordinal, ct),
        _ => new Dictionary<string, string>(StringComparer.Ordinal),
    };
}
