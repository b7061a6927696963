namespace Loopwise.Core.Metrics;

/// <summary>
/// An NPS with its uncertainty (cx-reference.md §1), all in proportion units (−1..1; multiply by 100 for points).
/// Every derived value is null when n = 0. Display <see cref="Score"/> as the point score and
/// <see cref="Interval"/> (the adjusted-Wald interval) as its CI.
/// </summary>
/// <param name="Counts">The counts the result was computed from.</param>
/// <param name="Score">p − d, the raw NPS.</param>
/// <param name="Variance">Var(x) = (p + d) − (p − d)² of the coded answer x ∈ {+1, 0, −1}.</param>
/// <param name="StandardError">√(Var/n), times the finite-population factor when one was applied.</param>
/// <param name="WaldInterval">(p − d) ± z·SE, clamped to [−1, 1].</param>
/// <param name="AdjustedScore">p′ − d′ with n′ = n + 3, p′ = (P + ¾)/n′, d′ = (D + ¾)/n′.</param>
/// <param name="AdjustedVariance">V′ = p′ + d′ − (p′ − d′)².</param>
/// <param name="AdjustedStandardError">√(V′/n′), times the finite-population factor when one was applied.</param>
/// <param name="AdjustedWaldInterval">(p′ − d′) ± z·SE′ clamped to [−1, 1]: the default interval.</param>
public sealed record NpsResult(
    NpsCounts Counts,
    double? Score,
    double? Variance,
    double? StandardError,
    Interval? WaldInterval,
    double? AdjustedScore,
    double? AdjustedVariance,
    double? AdjustedStandardError,
    Interval? AdjustedWaldInterval)
{
    /// <summary>Number of respondents.</summary>
    public long N => Counts.N;

    /// <summary>The default interval to display: <see cref="AdjustedWaldInterval"/>.</summary>
    public Interval? Interval => AdjustedWaldInterval;

    /// <summary>Minimum-n classification of <see cref="N"/>.</summary>
    public SampleBase SampleBase => SampleBases.Classify(N);
}
