namespace Loopwise.Core.Kpis;

/// <summary>
/// CES on the 1–5 effort scale (1 = very low effort, lower is better) to a health component
/// (cx-reference.md §3): <c>(5 − x)/4·100</c>; the signal is usually the mean effort score.
/// </summary>
public sealed record CesEffort1To5Normaliser : HealthNormaliser
{
    private protected override double Score(double value) => (5.0 - value) / 4.0 * 100.0;
}
