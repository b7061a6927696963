using Loopwise.Core.Metrics;
using Loopwise.Core.Surveys;

namespace Loopwise.Features.Metrics;

/// <summary>
/// Turns the counts of one rating question into its metrics with the formulas of Loopwise.Core.Metrics. Every
/// figure is derived from re-aggregated counts (never from averaged ratios), and a base below 10 withholds the score.
/// </summary>
internal static class QuestionMetrics
{
    public const string NpsMetric = "nps";
    public const string TopTwoBoxMetric = "top2box";
    public const string MeanMetric = "mean";

    public static string MetricOf(QuestionType type) => type switch
    {
        QuestionType.Nps => NpsMetric,
        QuestionType.Csat => TopTwoBoxMetric,
        _ => MeanMetric,
    };

    public static string FavourableLabel(Question question, ScaleDefinition scale) => question.Type switch
    {
        QuestionType.Csat => "satisfied",
        QuestionType.Ces when scale.Polarity == ScalePolarity.LowerIsBetter => "low_effort",
        QuestionType.Ces => "easy",
        _ => "top_box",
    };

    public static QuestionMetric Full(Question question, string title, ScaleCounts counts)
    {
        var scale = counts.Scale;
        var n = counts.N;
        var sampleBase = SampleBases.Classify(n);
        var shows = sampleBase.ShowsScore();
        var (score, interval) = Headline(question.Type, counts);
        var pointCounts = Enumerable.Range(scale.Min, scale.Points).Select(v => new ScalePointCount(v, counts[v])).ToList();

        double? mean = null;
        IntervalDto? meanInterval = null;
        FavourableShare? favourable = null;
        NpsBreakdown? nps = null;
        if (question.Type == QuestionType.Nps)
        {
            var c = NpsCounts.FromScale(counts);
            nps = new NpsBreakdown(c.Promoters, c.Passives, c.Detractors);
        }
        else
        {
            var m = MeanEstimate.FromCounts(counts);
            mean = shows ? m.Mean : null;
            meanInterval = shows ? IntervalDto.From(m.Interval) : null;
            var share = Proportion.Estimate(counts.FavourableCount, n);
            favourable = new FavourableShare(
                FavourableLabel(question, scale), [.. scale.Favourable.Order()], share.Successes, share.N,
                shows ? share.Value : null, shows ? IntervalDto.From(share.Interval) : null);
        }

        return new QuestionMetric(
            question.Id, title, question.Type, scale.Id, scale.Min, scale.Max, scale.Polarity, MetricOf(question.Type),
            n, sampleBase, score, interval, mean, meanInterval, favourable, nps, pointCounts);
    }

    /// <summary>The headline value and its interval, or nulls when n = 0 or the base is too small to show a score.</summary>
    public static (double? Value, IntervalDto? Interval) Headline(QuestionType type, ScaleCounts counts)
    {
        if (!SampleBases.Classify(counts.N).ShowsScore())
        {
            return (null, null);
        }

        switch (type)
        {
            case QuestionType.Nps:
                var nps = Nps.Compute(counts);
                return (nps.Score, IntervalDto.From(nps.AdjustedWaldInterval));
            case QuestionType.Csat:
                var share = Proportion.Estimate(counts.FavourableCount, counts.N);
                return (share.Value, IntervalDto.From(share.Interval));
            default:
                var mean = MeanEstimate.FromCounts(counts);
                return (mean.Mean, IntervalDto.From(mean.Interval));
        }
    }
}
