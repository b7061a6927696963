namespace Loopwise.Core.Kpis;

/// <summary>
/// NPS to a health component (cx-reference.md §3): <c>(NPS + 100)/2</c> with NPS in points, so −100 → 0,
/// 0 → 50, +100 → 100. With <see cref="ShareUnit.Proportion"/> (the default) the signal is the Core NPS in −1..1
/// and the score is (100·NPS + 100)/2.
/// </summary>
/// <param name="Unit">Unit of the incoming signal.</param>
public sealed record NpsToScoreNormaliser(ShareUnit Unit = ShareUnit.Proportion) : HealthNormaliser
{
    private protected override double Score(double value) =>
        ((Unit == ShareUnit.Proportion ? value * 100.0 : value) + 100.0) / 2.0;
}
