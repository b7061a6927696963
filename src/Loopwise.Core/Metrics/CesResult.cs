namespace Loopwise.Core.Metrics;

/// <summary>
/// Customer Effort Score on one explicit scale (cx-reference.md §2): the mean, the favourable share
/// (% low effort on <c>ces_effort_1_5</c>, % easy on <c>ces_agree_1_7</c>) and the scale's polarity,
/// so that targets and status colours know which direction is good.
/// </summary>
/// <param name="Scale">The CES scale the answers were given on.</param>
/// <param name="Mean">Mean score with its t interval, on the scale's own units.</param>
/// <param name="Favourable">Favourable share with its Wilson interval.</param>
public sealed record CesResult(ScaleDefinition Scale, MeanEstimate Mean, ProportionEstimate Favourable)
{
    /// <summary>Which end of the scale is good.</summary>
    public ScalePolarity Polarity => Scale.Polarity;

    /// <summary>Number of answers.</summary>
    public long N => Mean.N;

    /// <summary>Minimum-n classification of <see cref="N"/>.</summary>
    public SampleBase SampleBase => SampleBases.Classify(N);

    /// <summary>
    /// The mean on the derived 0–100 ease index (<see cref="EaseIndex"/>); label it as derived.
    /// Null when n = 0.
    /// </summary>
    public double? Ease => Mean.Mean is { } mean ? EaseIndex.FromMean(mean, Scale) : null;
}
