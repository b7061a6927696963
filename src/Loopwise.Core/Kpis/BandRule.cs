namespace Loopwise.Core.Kpis;

/// <summary>
/// One rule of a <see cref="BandsNormaliser"/>: values up to <paramref name="UpperBound"/> score
/// <paramref name="Score"/> (cx-reference.md §3, "band rules").
/// </summary>
/// <param name="UpperBound">Upper end of the band; may be +∞.</param>
/// <param name="Inclusive">True for x ≤ UpperBound, false for x &lt; UpperBound.</param>
/// <param name="Score">The component score of the band, in [0, 100].</param>
public sealed record BandRule(double UpperBound, bool Inclusive, double Score)
{
    /// <summary>True when <paramref name="value"/> is at or below this rule's upper end.</summary>
    public bool Admits(double value) => Inclusive ? value <= UpperBound : value < UpperBound;
}
