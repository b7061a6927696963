using System.Globalization;
using Loopwise.Core.Metrics;
using Loopwise.Core.Surveys;
using Loopwise.Features.Metrics;

using static System.FormattableString;

namespace Loopwise.Features.Results;

/// <summary>How the results page words and rounds metrics (the API keeps full precision and 0..1 units).</summary>
public static class ResultsFormat
{
    /// <summary>A headline value by metric: NPS as signed points, a share as percent, a mean with two decimals.</summary>
    public static string Value(string metric, double? value) => metric switch
    {
        QuestionMetrics.NpsMetric => MetricFormat.NpsPoints(value),
        QuestionMetrics.TopTwoBoxMetric => MetricFormat.Percent(value),
        _ => MetricFormat.Number(value),
    };

    /// <summary>"95% CI +8 to +32", "95% CI 73.9% to 85.0%", "95% CI 3.90 to 4.20".</summary>
    public static string Interval(string metric, IntervalDto? interval)
    {
        if (interval is null)
        {
            return "95% CI " + MetricFormat.Missing;
        }

        return metric switch
        {
            QuestionMetrics.NpsMetric => $"95% CI {MetricFormat.NpsPoints(interval.Lower)} to {MetricFormat.NpsPoints(interval.Upper)}",
            QuestionMetrics.TopTwoBoxMetric => $"95% CI {MetricFormat.Percent(interval.Lower, 1)} to {MetricFormat.Percent(interval.Upper, 1)}",
            _ => $"95% CI {MetricFormat.Number(interval.Lower)} to {MetricFormat.Number(interval.Upper)}",
        };
    }

    /// <summary>What the headline number is, e.g. "satisfied (top-2-box)" or "mean effort, 1 = very low … 5 = very high (lower is better)".</summary>
    public static string Caption(QuestionMetric question) => question.Type switch
    {
        QuestionType.Nps => "Net Promoter Score®",
        QuestionType.Csat => "satisfied (top-2-box)",
        QuestionType.Ces when question.Polarity == ScalePolarity.LowerIsBetter =>
            Invariant($"mean effort on {question.ScaleMin}-{question.ScaleMax} ({question.ScaleMin} = very low effort … {question.ScaleMax} = very high effort; lower is better)"),
        QuestionType.Ces => Invariant($"mean agreement on {question.ScaleMin}-{question.ScaleMax} that it was easy (higher is better)"),
        _ => Invariant($"mean on {question.ScaleMin}-{question.ScaleMax}") + (question.Polarity == ScalePolarity.LowerIsBetter ? " (lower is better)" : string.Empty),
    };

    /// <summary>The favourable share in words, e.g. "60% low effort (answers 1-2)".</summary>
    public static string Favourable(FavourableShare share)
    {
        var words = share.Label switch
        {
            "satisfied" => "satisfied",
            "low_effort" => "low effort",
            "easy" => "easy",
            _ => "top box",
        };
        var values = share.Values.Count == 0 ? string.Empty : $" (answers {Range(share.Values)})";
        return $"{MetricFormat.Percent(share.Share)} {words}{values}";
    }

    /// <summary>The low-base warning: the ±28 pts wording of cx-reference.md §1 for NPS, a general one for the rest.</summary>
    public static string LowBase(QuestionType type) =>
        type == QuestionType.Nps ? SampleBases.LowBaseWarning : "low base: n below 30, wide interval";

    /// <summary>Values for a chart in display units: NPS and shares × 100, means as they are.</summary>
    public static double? ChartValue(string metric, double? value) =>
        value is { } v && metric is QuestionMetrics.NpsMetric or QuestionMetrics.TopTwoBoxMetric ? Math.Round(v * 100.0, 1) : value is { } m ? Math.Round(m, 3) : null;

    public static string Unit(string metric) => metric switch
    {
        QuestionMetrics.NpsMetric => "NPS (points)",
        QuestionMetrics.TopTwoBoxMetric => "% satisfied",
        _ => "mean",
    };

    private static string Range(IReadOnlyList<int> values)
    {
        var sorted = values.Order().ToList();
        var contiguous = sorted[^1] - sorted[0] == sorted.Count - 1;
        return contiguous && sorted.Count > 1 ? Invariant($"{sorted[0]}-{sorted[^1]}") : string.Join(", ", sorted.Select(v => v.ToString(CultureInfo.InvariantCulture)));
    }
}
