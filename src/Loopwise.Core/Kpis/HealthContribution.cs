namespace Loopwise.Core.Kpis;

/// <summary>
/// How one component contributed to a health score (cx-reference.md §3), for explaining a score:
/// the score is the sum of <see cref="Points"/> over the present components.
/// </summary>
/// <param name="Signal">The component's signal name.</param>
/// <param name="Weight">Configured weight wᵢ.</param>
/// <param name="RawValue">The raw signal value, or null when the signal was missing (absent, NaN or infinite).</param>
/// <param name="ComponentScore">sᵢ ∈ [0, 100], or null when missing.</param>
/// <param name="EffectiveWeight">wᵢ/Σw(present), the re-normalised weight; null when missing or Σw(present) = 0.</param>
/// <param name="Points">EffectiveWeight·sᵢ, this component's share of the score; null when missing or Σw(present) = 0.</param>
public sealed record HealthContribution(
    string Signal,
    double Weight,
    double? RawValue,
    double? ComponentScore,
    double? EffectiveWeight,
    double? Points)
{
    /// <summary>True when the signal was available.</summary>
    public bool IsPresent => ComponentScore.HasValue;
}
