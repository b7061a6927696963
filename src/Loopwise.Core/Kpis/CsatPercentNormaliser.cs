namespace Loopwise.Core.Kpis;

/// <summary>
/// CSAT% to a health component (cx-reference.md §3): "as is", i.e. the percentage itself. With
/// <see cref="ShareUnit.Proportion"/> (the default) the signal is the Core share in 0..1 and is multiplied by 100.
/// </summary>
/// <param name="Unit">Unit of the incoming signal.</param>
public sealed record CsatPercentNormaliser(ShareUnit Unit = ShareUnit.Proportion) : HealthNormaliser
{
    private protected override double Score(double value) => Unit == ShareUnit.Proportion ? value * 100.0 : value;
}
