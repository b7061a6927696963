namespace Loopwise.Core.Kpis;

/// <summary>
/// CES 2.0 on the 1–7 agreement scale (7 = strongly agree it was easy, higher is better) to a health component
/// (cx-reference.md §3): <c>(x − 1)/6·100</c>; the signal is usually the mean score.
/// </summary>
public sealed record CesAgree1To7Normaliser : HealthNormaliser
{
    private protected override double Score(double value) => (value - 1.0) / 6.0 * 100.0;
}
