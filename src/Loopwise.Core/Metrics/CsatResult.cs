namespace Loopwise.Core.Metrics;

/// <summary>
/// CSAT (cx-reference.md §2): the favourable share ("CSAT%", top-2-box by the scale's favourable set)
/// and the mean score, which is a separate metric and must not be labelled CSAT%.
/// </summary>
/// <param name="Scale">The rating scale.</param>
/// <param name="Favourable">Favourable share with its Wilson interval.</param>
/// <param name="Mean">Mean score with its t interval.</param>
public sealed record CsatResult(ScaleDefinition Scale, ProportionEstimate Favourable, MeanEstimate Mean)
{
    /// <summary>Number of answers.</summary>
    public long N => Favourable.N;

    /// <summary>Minimum-n classification of <see cref="N"/>.</summary>
    public SampleBase SampleBase => SampleBases.Classify(N);
}
