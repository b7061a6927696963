namespace Loopwise.Core.Metrics;

/// <summary>
/// Kish effective sample size for weighted data, n_eff = (Σw)²/Σw² [43]: use it as n in every CI
/// (e.g. <see cref="Proportion.WilsonFromShare"/>) when answers carry survey weights.
/// </summary>
public static class Kish
{
    /// <summary>n_eff of the given weights; 0 when there are none (or all are zero).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative or not finite.</exception>
    public static double EffectiveSampleSize(ReadOnlySpan<double> weights)
    {
        double sum = 0.0;
        double sumOfSquares = 0.0;
        foreach (var w in weights)
        {
            if (!(w >= 0.0) || double.IsInfinity(w))
            {
                throw new ArgumentOutOfRangeException(nameof(weights), w, "Weights must be finite and non-negative.");
            }

            sum += w;
            sumOfSquares += w * w;
        }

        return EffectiveSampleSize(sum, sumOfSquares);
    }

    /// <summary>n_eff from rollup sums Σw and Σw²; 0 when Σw² = 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A sum is negative.</exception>
    public static double EffectiveSampleSize(double sumOfWeights, double sumOfSquaredWeights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sumOfWeights);
        ArgumentOutOfRangeException.ThrowIfNegative(sumOfSquaredWeights);
        return sumOfSquaredWeights == 0.0 ? 0.0 : sumOfWeights * sumOfWeights / sumOfSquaredWeights;
    }
}
