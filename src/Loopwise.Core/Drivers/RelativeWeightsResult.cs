namespace Loopwise.Core.Drivers;

/// <summary>
/// Johnson's relative weights of p predictors (cx-reference.md §5), in predictor order.
/// </summary>
/// <param name="RSquared">R² = Σβ², the variance of the outcome explained by all predictors together.</param>
/// <param name="RawWeights">εⱼ = Σₖ Λⱼₖ²·βₖ² (non-negative; they sum to R²).</param>
/// <param name="RescaledWeights">100·εⱼ/R², in percent of R² (they sum to 100); all 0 when R² = 0.</param>
/// <param name="OrthogonalBetas">β = Λ⁻¹·r_xy, the regression of the outcome on the orthogonal counterparts Z = X·Λ⁻¹.</param>
public sealed record RelativeWeightsResult(
    double RSquared,
    double[] RawWeights,
    double[] RescaledWeights,
    double[] OrthogonalBetas);
