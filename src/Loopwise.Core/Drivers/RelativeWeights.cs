using System.Globalization;

namespace Loopwise.Core.Drivers;

/// <summary>
/// Johnson's relative weights [22] (cx-reference.md §5): with R_xx = V·diag(λ)·Vᵀ and its symmetric square root
/// Λ = V·diag(√λ)·Vᵀ, β = Λ⁻¹·r_xy, R² = Σβ², εⱼ = Σₖ Λⱼₖ²·βₖ² and rescaled weight 100·εⱼ/R².
/// The weights are unsigned; <see cref="DriverAnalysis"/> attaches the sign of r_xy.
/// </summary>
public static class RelativeWeights
{
    /// <summary>R_xx is treated as singular when its smallest eigenvalue is ≤ this times its largest.</summary>
    public const double DefaultSingularityTolerance = 1e-10;

    /// <summary>
    /// Relative weights from a predictor correlation matrix <paramref name="predictorCorrelations"/> (R_xx) and the
    /// predictor–outcome correlations <paramref name="outcomeCorrelations"/> (r_xy), both on a common complete-case set.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The shapes do not match, R_xx is not symmetric, or R_xx is singular or not positive definite
    /// (smallest eigenvalue ≤ <paramref name="singularityTolerance"/> × largest).
    /// </exception>
    public static RelativeWeightsResult Compute(
        double[,] predictorCorrelations, IReadOnlyList<double> outcomeCorrelations, double singularityTolerance = DefaultSingularityTolerance)
    {
        ArgumentNullException.ThrowIfNull(predictorCorrelations);
        ArgumentNullException.ThrowIfNull(outcomeCorrelations);
        var p = predictorCorrelations.GetLength(0);
        if (outcomeCorrelations.Count != p)
        {
            throw new ArgumentException("r_xy needs one correlation per predictor.", nameof(outcomeCorrelations));
        }

        var eigen = JacobiEigen.Decompose(predictorCorrelations);
        if (IsSingular(eigen, singularityTolerance))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"R_xx is singular or not positive definite (smallest eigenvalue {eigen.Smallest:G3}, largest {eigen.Largest:G3})."),
                nameof(predictorCorrelations));
        }

        return Compute(eigen, outcomeCorrelations);
    }

    /// <summary>True when the smallest eigenvalue is ≤ tolerance × the largest (or the largest is not positive).</summary>
    internal static bool IsSingular(EigenDecomposition eigen, double tolerance) =>
        !(eigen.Largest > 0.0) || eigen.Smallest <= tolerance * eigen.Largest;

    /// <summary>Relative weights from an already decomposed, positive definite R_xx.</summary>
    internal static RelativeWeightsResult Compute(EigenDecomposition eigen, IReadOnlyList<double> rxy)
    {
        var p = eigen.Size;
        var lambda = eigen.Compose(Math.Sqrt);
        var lambdaInverse = eigen.Compose(value => 1.0 / Math.Sqrt(value));

        var beta = new double[p];
        var rSquared = 0.0;
        for (var i = 0; i < p; i++)
        {
            var sum = 0.0;
            for (var k = 0; k < p; k++)
            {
                sum += lambdaInverse[i, k] * rxy[k];
            }

            beta[i] = sum;
            rSquared += sum * sum;
        }

        var raw = new double[p];
        for (var j = 0; j < p; j++)
        {
            var sum = 0.0;
            for (var k = 0; k < p; k++)
            {
                sum += lambda[j, k] * lambda[j, k] * beta[k] * beta[k];
            }

            raw[j] = sum;
        }

        var rescaled = new double[p];
        if (rSquared > 0.0)
        {
            for (var j = 0; j < p; j++)
            {
                rescaled[j] = 100.0 * raw[j] / rSquared;
            }
        }

        return new RelativeWeightsResult(rSquared, raw, rescaled, beta);
    }
}
