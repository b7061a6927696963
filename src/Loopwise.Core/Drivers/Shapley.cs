namespace Loopwise.Core.Drivers;

/// <summary>
/// The exact Shapley value (LMG) decomposition of R² [23] (cx-reference.md §5):
/// Iⱼ = Σ_{S ⊆ F∖{j}} |S|!(p − |S| − 1)!/p! · [R²(S ∪ {j}) − R²(S)], with Σ Iⱼ = R². Each R²(S) = r_Sᵀ·R_SS⁻¹·r_S
/// comes from the correlation matrix (a Cholesky solve), so the 2^p sub-regressions never touch the raw data.
/// </summary>
public static class Shapley
{
    /// <summary>The largest p for the exact decomposition (2¹² = 4 096 sub-regressions).</summary>
    public const int MaxPredictors = 12;

    /// <summary>The Shapley share Iⱼ of R² for each predictor, in predictor order.</summary>
    /// <exception cref="ArgumentException">
    /// The shapes do not match, p is 0 or above <see cref="MaxPredictors"/>, or a sub-matrix of R_xx is not
    /// positive definite.
    /// </exception>
    public static double[] Decompose(double[,] predictorCorrelations, IReadOnlyList<double> outcomeCorrelations)
    {
        ArgumentNullException.ThrowIfNull(predictorCorrelations);
        ArgumentNullException.ThrowIfNull(outcomeCorrelations);
        var p = predictorCorrelations.GetLength(0);
        if (predictorCorrelations.GetLength(1) != p || outcomeCorrelations.Count != p)
        {
            throw new ArgumentException("R_xx must be p×p and r_xy must have p entries.", nameof(outcomeCorrelations));
        }

        if (p is 0 or > MaxPredictors)
        {
            throw new ArgumentException($"The exact decomposition needs 1 to {MaxPredictors} predictors; got {p}.", nameof(predictorCorrelations));
        }

        var subsets = 1 << p;
        var r2 = new double[subsets];
        for (var mask = 1; mask < subsets; mask++)
        {
            r2[mask] = SubsetRSquared(predictorCorrelations, outcomeCorrelations, mask)
                ?? throw new ArgumentException("A sub-matrix of R_xx is not positive definite.", nameof(predictorCorrelations));
        }

        // weight(s) = s!(p − s − 1)!/p!, for subsets S of size s not containing j.
        var weight = new double[p];
        for (var s = 0; s < p; s++)
        {
            weight[s] = Factorial(s) * Factorial(p - s - 1) / Factorial(p);
        }

        var shares = new double[p];
        for (var j = 0; j < p; j++)
        {
            var bit = 1 << j;
            var sum = 0.0;
            for (var mask = 0; mask < subsets; mask++)
            {
                if ((mask & bit) == 0)
                {
                    sum += weight[PopCount(mask)] * (r2[mask | bit] - r2[mask]);
                }
            }

            shares[j] = sum;
        }

        return shares;
    }

    /// <summary>R² of the regression of the outcome on the predictors in <paramref name="mask"/>; null when not positive definite.</summary>
    internal static double? SubsetRSquared(double[,] rxx, IReadOnlyList<double> rxy, int mask)
    {
        var p = rxx.GetLength(0);
        var index = new int[PopCount(mask)];
        var size = 0;
        for (var j = 0; j < p; j++)
        {
            if ((mask & (1 << j)) != 0)
            {
                index[size++] = j;
            }
        }

        // Cholesky R_SS = L·Lᵀ, then z = L⁻¹·r_S and R² = zᵀz.
        var l = new double[size, size];
        for (var i = 0; i < size; i++)
        {
            for (var k = 0; k <= i; k++)
            {
                var sum = rxx[index[i], index[k]];
                for (var m = 0; m < k; m++)
                {
                    sum -= l[i, m] * l[k, m];
                }

                if (i == k)
                {
                    if (!(sum > 0.0))
                    {
                        return null;
                    }

                    l[i, i] = Math.Sqrt(sum);
                }
                else
                {
                    l[i, k] = sum / l[k, k];
                }
            }
        }

        var rSquared = 0.0;
        var z = new double[size];
        for (var i = 0; i < size; i++)
        {
            var sum = rxy[index[i]];
            for (var m = 0; m < i; m++)
            {
                sum -= l[i, m] * z[m];
            }

            z[i] = sum / l[i, i];
            rSquared += z[i] * z[i];
        }

        return rSquared;
    }

    private static int PopCount(int mask) => System.Numerics.BitOperations.PopCount((uint)mask);

    // Exact in double for n ≤ 18, far beyond MaxPredictors.
    private static double Factorial(int n)
    {
        var product = 1.0;
        for (var k = 2; k <= n; k++)
        {
            product *= k;
        }

        return product;
    }
}
