using Loopwise.Core.Metrics;

namespace Loopwise.Core.Kpis;

/// <summary>A referral rate with its explicit basis (cx-reference.md §3) and Wilson interval.</summary>
/// <param name="Basis">Acquisition or advocacy basis; always show it with the figure.</param>
/// <param name="Estimate">Numerator / denominator of that basis with its Wilson interval; null value when the denominator is 0.</param>
public sealed record ReferralRate(ReferralBasis Basis, ProportionEstimate Estimate)
{
    /// <summary>The rate in 0..1, or null when the denominator is 0.</summary>
    public double? Value => Estimate.Value;
}
