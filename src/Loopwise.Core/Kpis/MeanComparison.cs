using Loopwise.Core.Metrics;

namespace Loopwise.Core.Kpis;

/// <summary>
/// Welch's two-sample t-test for the difference between two independent means (CSAT mean, CES means, response
/// times): <c>t = (x̄₁ − x̄₂)/√(s₁²/n₁ + s₂²/n₂)</c> with the Welch–Satterthwaite degrees of freedom
/// <c>ν = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1))</c> and a two-sided p from Student's t.
/// Variances are the sample variances s² = (Σx² − (Σx)²/n)/(n − 1) of cx-reference.md §2.
/// </summary>
/// <param name="Difference">Mean of group 1 minus mean of group 2.</param>
/// <param name="StandardError">√(s₁²/n₁ + s₂²/n₂).</param>
/// <param name="T">The t statistic (±∞ when both variances are 0 and the means differ).</param>
/// <param name="DegreesOfFreedom">ν; n₁ + n₂ − 2 when both variances are 0.</param>
/// <param name="PValue">Two-sided p = 2·P(T_ν ≥ |t|).</param>
/// <param name="Significant">p ≤ α <b>and</b> both groups have n ≥ 30 (the product default for arrows, §1).</param>
public sealed record MeanComparison(
    double Difference, double StandardError, double T, double DegreesOfFreedom, double PValue, bool Significant)
{
    /// <summary>Welch's test from each group's n, mean and sample variance s². Null when either n &lt; 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count or variance is negative, a value is not finite, or alpha is not in (0, 1).</exception>
    public static MeanComparison? Welch(
        long n1, double mean1, double variance1, long n2, double mean2, double variance2, double alpha = 0.05)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n1);
        ArgumentOutOfRangeException.ThrowIfNegative(n2);
        CheckFinite(mean1, nameof(mean1));
        CheckFinite(mean2, nameof(mean2));
        CheckVariance(variance1, nameof(variance1));
        CheckVariance(variance2, nameof(variance2));
        CheckAlpha(alpha);
        if (n1 < 2 || n2 < 2)
        {
            return null;
        }

        var a = variance1 / n1;
        var b = variance2 / n2;
        var difference = mean1 - mean2;
        var se2 = a + b;
        double t;
        double df;
        double p;
        if (se2 > 0.0)
        {
            t = difference / Math.Sqrt(se2);
            df = se2 * se2 / ((a * a / (n1 - 1)) + (b * b / (n2 - 1)));
            p = 2.0 * StudentT.Cdf(-Math.Abs(t), df);
        }
        else
        {
            // Both groups are constant: equal means cannot differ, different means differ with certainty.
            t = difference == 0.0 ? 0.0 : Math.CopySign(double.PositiveInfinity, difference);
            df = n1 + n2 - 2.0;
            p = difference == 0.0 ? 1.0 : 0.0;
        }

        var significant = p <= alpha && SampleBases.AllowsSignificance(n1, n2);
        return new MeanComparison(difference, Math.Sqrt(se2), t, df, Math.Min(1.0, p), significant);
    }

    /// <summary>
    /// Welch's test from sufficient statistics n, Σx and Σx² of each group (e.g. summed rollup rows).
    /// Null when either n &lt; 2.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or alpha is not in (0, 1).</exception>
    public static MeanComparison? WelchFromMoments(
        long n1, double sum1, double sumOfSquares1, long n2, double sum2, double sumOfSquares2, double alpha = 0.05)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n1);
        ArgumentOutOfRangeException.ThrowIfNegative(n2);
        if (n1 < 2 || n2 < 2)
        {
            CheckAlpha(alpha);
            return null;
        }

        return Welch(n1, sum1 / n1, Variance(n1, sum1, sumOfSquares1), n2, sum2 / n2, Variance(n2, sum2, sumOfSquares2), alpha);
    }

    /// <summary>Welch's test from two <see cref="MeanEstimate"/>s. Null when either has n &lt; 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">alpha is not in (0, 1).</exception>
    public static MeanComparison? Welch(MeanEstimate group1, MeanEstimate group2, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(group1);
        ArgumentNullException.ThrowIfNull(group2);
        if (group1 is not { Mean: { } m1, StandardDeviation: { } s1 } || group2 is not { Mean: { } m2, StandardDeviation: { } s2 })
        {
            CheckAlpha(alpha);
            return null;
        }

        return Welch(group1.N, m1, s1 * s1, group2.N, m2, s2 * s2, alpha);
    }

    // s² = (Σx² − (Σx)²/n)/(n − 1), floored at 0 against rounding.
    private static double Variance(long n, double sum, double sumOfSquares) =>
        Math.Max(0.0, (sumOfSquares - (sum * sum / n)) / (n - 1));

    private static void CheckFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "A mean must be finite.");
        }
    }

    private static void CheckVariance(double value, string name)
    {
        if (!(value >= 0.0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "A variance must be finite and not negative.");
        }
    }

    internal static void CheckAlpha(double alpha)
    {
        if (!(alpha > 0.0 && alpha < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must lie in (0, 1).");
        }
    }
}
