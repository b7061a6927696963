using Loopwise.Core.Kpis;
using Loopwise.Core.Metrics;
using Loopwise.Core.Surveys;
using Loopwise.Features.Metrics;
using Loopwise.Features.Targets;
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

/// <summary>Answers <c>GET /api/v1/kpis/{kpi}</c>, the dashboards and <c>loopwise metrics --kpi</c> with the same numbers.</summary>
public sealed class KpiSeriesQuery(
    KpiReferenceData reference, SurveyKpiCounts surveyCounts, OperationalKpiCells operational, BusinessKpiCells business, KpiTargetStore targets, TimeProvider clock)
{
    /// <summary>Every KPI id the series answers: the survey KPIs, then the transactional ones.</summary>
    public static IReadOnlyList<string> Ids { get; } =
        [.. SurveyKpis.All.Select(k => k.Id), .. OperationalKpiCells.Supported.Select(k => k.Value), .. BusinessKpiCells.Supported.Select(k => k.Value)];

    public async Task<Result<KpiSeries>> HandleAsync(string kpiId, KpiSliceRequest request, CancellationToken ct, KpiSource source = KpiSource.Auto)
    {
        var survey = SurveyKpis.Find(kpiId);
        var operationalId = OperationalKpiCells.Supported.Concat(BusinessKpiCells.Supported)
            .FirstOrDefault(k => string.Equals(k.Value, kpiId, StringComparison.OrdinalIgnoreCase));
        if (survey is null && operationalId.Value is null)
        {
            return Error.Invalid.Field("kpi", $"'{kpiId}' is not a KPI; use one of: {string.Join(", ", Ids)}.");
        }

        var parsed = await request.ParseAsync(reference, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        if (!parsed.IsSuccess)
        {
            return parsed.Error!;
        }

        var slice = parsed.Value!;
        KpiDefinition definition;
        KpiCells cells;
        string scaleId, metric;
        if (survey is not null)
        {
            var type = survey.QuestionType ?? QuestionType.Rating;
            cells = await surveyCounts.ReadAsync(survey, slice, source, ct);
            definition = KpiCatalog.Get(Catalogued(survey));
            (scaleId, metric) = (survey.Scale.Id, QuestionMetrics.MetricOf(type));
        }
        else
        {
            var read = BusinessKpiCells.Supported.Contains(operationalId)
                ? await business.ReadAsync(operationalId, slice, Periods(slice).ToList(), ct)
                : await operational.ReadAsync(operationalId, slice, ct);
            if (!read.IsSuccess)
            {
                return read.Error!;
            }

            cells = read.Value!;
            definition = KpiCatalog.Get(operationalId);
            (scaleId, metric) = (string.Empty, definition.Statistic.ToString().ToLowerInvariant());
        }

        var labels = await GroupLabelsAsync(slice.By, ct);
        var targetSet = await targets.GetSetAsync(ct);
        var periods = Periods(slice).ToList();
        var names = cells.Groups.DefaultIfEmpty(string.Empty).Distinct(StringComparer.Ordinal).ToList();
        var changes = MultipleComparisons.Adjust([.. names.Select(group => periods.Count < 2
            ? MetricChange.Untested(definition, null, 0, null, 0)
            : cells.Get(group, periods[^1].Start).ChangeFrom(definition, cells.Get(group, periods[^2].Start)))]);
        var groups = names.Select((group, i) =>
        {
            var total = Point("total", slice.From, slice.To, cells.Total(group));
            var change = changes[i];
            return new KpiGroupSeries(
                group,
                labels.GetValueOrDefault(group) ?? group,
                total,
                definition.Format(total.Value),
                targetSet.Evaluate(definition, total.Value, total.N).Status,
                [.. periods.Select(p => Point(slice.Interval.Label(p.Start), p.From, p.To, cells.Get(group, p.Start)))],
                periods.Count < 2 ? null : new KpiChange(
                    slice.Interval.Label(periods[^2].Start), slice.Interval.Label(periods[^1].Start), change.Delta, change.PValue, change.AdjustedPValue,
                    change.Significant, change.Arrow, change.Verdict));
        }).ToList();
        return new KpiSeries(
            survey?.Id ?? definition.Id.Value, survey?.Label ?? (cells.Qualifier is { } qualifier ? $"{definition.Label} ({qualifier})" : definition.Label), scaleId, metric, definition.Unit, definition.Polarity,
            new KpiSliceDto(slice.From, slice.To, slice.Interval.Name(), slice.SurveyId, slice.TouchpointId, slice.Channel?.ToString(), slice.Stage,
                slice.WhereDimension is null ? null : $"{slice.WhereDimension}:{slice.WhereValue}",
                slice.By == KpiGrouping.Dimension ? slice.ByDimension : slice.By == KpiGrouping.None ? null : slice.By.ToString().ToLowerInvariant()),
            cells.FromRollups,
            groups);
    }

    /// <summary>The catalogue entry of any KPI id the series answers (for units and formatting), or null.</summary>
    public static KpiDefinition? DefinitionOf(string kpiId) =>
        SurveyKpis.Find(kpiId) is { } survey ? KpiCatalog.Get(Catalogued(survey)) : KpiCatalog.Find(new KpiId(kpiId));

    /// <summary>The catalogue entry (unit, polarity, default target) of a survey KPI; both NPS kinds share the NPS target.</summary>
    public static KpiId Catalogued(SurveyKpi kpi) => kpi.Id switch
    {
        "nps" or "tnps" => KpiId.Nps,
        "csat" => KpiId.CsatPct,
        "ces_effort" => KpiId.CesEffortMean,
        _ => KpiId.Ces2EaseMean,
    };

    /// <summary>The periods of the slice, each cut to the slice's days.</summary>
    public static IEnumerable<(DateOnly Start, DateOnly From, DateOnly To)> Periods(KpiSlice slice)
    {
        for (var start = slice.Interval.Start(slice.From); start <= slice.To; start = slice.Interval.Next(start))
        {
            var end = slice.Interval.Next(start).AddDays(-1);
            yield return (start, start < slice.From ? slice.From : start, end > slice.To ? slice.To : end);
        }
    }

    private static TrendPoint Point(string label, DateOnly from, DateOnly to, KpiCell cell)
    {
        var n = cell.N;
        var (value, interval) = cell.Evaluate();
        var sampleBase = SampleBases.Classify(n);
        // Survey scores withhold the value on a tiny base (the cell already does); rates and durations show it with n.
        return new TrendPoint(label, from, to, n, sampleBase, value, interval);
    }

    private async Task<Dictionary<string, string>> GroupLabelsAsync(KpiGrouping by, CancellationToken ct) => by switch
    {
        KpiGrouping.Survey => (await reference.SurveysAsync(ct)).ToDictionary(s => s.Id.ToString(), s => s.Name, StringComparer.Ordinal),
        KpiGrouping.Touchpoint => (await reference.TouchpointsAsync(ct)).Values.ToDictionary(t => t.Key, t => t.Name, StringComparer.Ordinal),
        _ => new Dictionary<string, string>(StringComparer.Ordinal),
    };
}
