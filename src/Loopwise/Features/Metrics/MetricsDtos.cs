using Loopwise.Core.Metrics;
using Loopwise.Core.Surveys;
using Loopwise.Features.Surveys;

namespace Loopwise.Features.Metrics;

/// <summary>
/// Metrics of one survey over a date range (GET /api/v1/surveys/{id}/metrics, the results page, <c>loopwise metrics</c>).
/// Units: NPS in −1..1 (× 100 for points), shares and rates in 0..1, means in scale points. A value is null when its
/// base is 0, and also when the base is below 10 (sampleBase "Hidden": the score is withheld, the counts are shown).
/// </summary>
public sealed record SurveyMetrics(
    MetricsSurvey Survey,
    MetricsFilters Filters,
    MetricsUnits Units,
    IReadOnlyList<QuestionMetric> Questions,
    IReadOnlyList<TrendSeries> Trend,
    IReadOnlyList<TouchpointMetrics> ByTouchpoint,
    FunnelMetrics Funnel);

/// <summary>The survey measured. rNPS (Relationship) and tNPS (Transactional) surveys are never pooled.</summary>
public sealed record MetricsSurvey(Guid Id, string Name, SurveyKind Kind, int Version);

/// <summary>The filters applied, after defaults: from/to are inclusive UTC days; touchpoint is a key or null for all.</summary>
public sealed record MetricsFilters(DateOnly From, DateOnly To, string? Touchpoint, string Interval);

/// <summary>The units of every number in the response (documentation for clients).</summary>
public sealed record MetricsUnits(string Nps, string Share, string Mean, string Confidence)
{
    public static MetricsUnits Default { get; } = new(
        "proportion in -1..1 (multiply by 100 for NPS points)",
        "proportion in 0..1 (multiply by 100 for percent)",
        "points on the question's scale",
        "95% intervals: adjusted-Wald for NPS, Wilson for shares and rates, Student t for means");
}

/// <summary>A closed confidence interval in the unit of the value it belongs to.</summary>
public sealed record IntervalDto(double Lower, double Upper)
{
    public static IntervalDto? From(Interval? interval) => interval is { } i ? new(i.Lower, i.Upper) : null;
}

/// <summary>How many answers chose one scale point.</summary>
public sealed record ScalePointCount(int Value, long Count);

/// <summary>
/// A favourable share: CSAT satisfied (top-2-box), CES low effort (1-5 scale, lower is better) or easy (1-7 agreement),
/// or a rating's top box. Label is one of satisfied, low_effort, easy, top_box.
/// </summary>
public sealed record FavourableShare(string Label, IReadOnlyList<int> Values, long Count, long N, double? Share, IntervalDto? Interval);

/// <summary>Promoters (9-10), passives (7-8) and detractors (0-6) of an NPS question.</summary>
public sealed record NpsBreakdown(long Promoters, long Passives, long Detractors);

/// <summary>
/// One rating question. Metric names the headline: "nps" (score = NPS, adjusted-Wald interval), "top2box"
/// (CSAT: score = satisfied share, Wilson interval) or "mean" (CES and ratings: score = mean, t interval).
/// </summary>
public sealed record QuestionMetric(
    string QuestionId,
    string Title,
    QuestionType Type,
    string ScaleId,
    int ScaleMin,
    int ScaleMax,
    ScalePolarity Polarity,
    string Metric,
    long N,
    SampleBase SampleBase,
    double? Score,
    IntervalDto? Interval,
    double? Mean,
    IntervalDto? MeanInterval,
    FavourableShare? Favourable,
    NpsBreakdown? Nps,
    IReadOnlyList<ScalePointCount> Counts);

/// <summary>The headline metric of one question per period; periods without answers have n = 0 and a null value.</summary>
public sealed record TrendSeries(string QuestionId, QuestionType Type, string ScaleId, string Metric, IReadOnlyList<TrendPoint> Points);

/// <summary>One period: its label (2026-01-15, 2026-W03, 2026-01, 2026-Q1) and the days it covers within the filter.</summary>
public sealed record TrendPoint(string Period, DateOnly From, DateOnly To, long N, SampleBase SampleBase, double? Value, IntervalDto? Interval);

/// <summary>The headline metric of each question at one touchpoint. TouchpointId and Key are null for responses without one.</summary>
public sealed record TouchpointMetrics(Guid? TouchpointId, string? Key, string Name, long Started, long Completed, IReadOnlyList<TouchpointQuestionMetric> Questions);

/// <summary>The headline metric of one question at one touchpoint.</summary>
public sealed record TouchpointQuestionMetric(string QuestionId, string Metric, long N, SampleBase SampleBase, double? Value, IntervalDto? Interval);

/// <summary>A rate numerator/denominator with its Wilson interval (proportions in 0..1; null when the denominator is 0).</summary>
public sealed record RateMetric(long Numerator, long Denominator, double? Value, IntervalDto? Interval)
{
    public static RateMetric From(Rate rate) => new(rate.Numerator, rate.Denominator, rate.Value, IntervalDto.From(rate.Wilson()));
}

/// <summary>Responses started and completed; completion = completed/started, abandonment = (started − completed)/started.</summary>
public sealed record FunnelMetrics(long Started, long Completed, RateMetric CompletionRate, RateMetric AbandonmentRate)
{
    public static FunnelMetrics From(long started, long completed)
    {
        // Imports can store completed responses whose start was never counted; never report a rate above 100%.
        var denominator = Math.Max(started, completed);
        return new(started, completed, RateMetric.From(Rate.Completion(completed, denominator)), RateMetric.From(Rate.Abandonment(denominator, completed)));
    }
}
