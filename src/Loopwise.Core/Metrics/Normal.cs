namespace Loopwise.Core.Metrics;

/// <summary>The standard normal distribution N(0, 1).</summary>
public static class Normal
{
    private static readonly double LogGammaHalf = 0.5 * Math.Log(Math.PI);
    private static readonly double InvSqrtTwoPi = 1.0 / Math.Sqrt(2.0 * Math.PI);

    // Acklam's rational approximation of the normal quantile (relative error below 1.15e-9),
    // refined below by one Halley step against Cdf.
    private static readonly double[] A =
    [
        -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00,
    ];

    private static readonly double[] B =
    [
        -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01,
    ];

    private static readonly double[] C =
    [
        -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00,
    ];

    private static readonly double[] D =
    [
        7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00,
    ];

    /// <summary>Density φ(x).</summary>
    public static double Pdf(double x) => InvSqrtTwoPi * Math.Exp(-0.5 * x * x);

    /// <summary>
    /// Cumulative distribution Φ(x) = P(Z ≤ x), with full double precision in both tails
    /// (computed as ½·erfc(−x/√2) via the incomplete gamma function Q(½, x²/2)).
    /// </summary>
    public static double Cdf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        // erfc(u) = Q(1/2, u²) for u ≥ 0, so the lower tail Φ(x) for x ≤ 0 is ½·Q(1/2, x²/2).
        var lowerTail = 0.5 * SpecialFunctions.RegularizedUpperGamma(0.5, 0.5 * x * x, LogGammaHalf);
        return x <= 0.0 ? lowerTail : 1.0 - lowerTail;
    }

    /// <summary>Upper tail 1 − Φ(x) without cancellation for large x.</summary>
    public static double Survival(double x) => Cdf(-x);

    /// <summary>
    /// Quantile Φ⁻¹(p). Returns −∞ for p = 0 and +∞ for p = 1.
    /// Accuracy is about 1e-15 after refinement (1e-9 for |result| &gt; 37, where no refinement is possible).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">p is outside [0, 1] or NaN.</exception>
    public static double InverseCdf(double p)
    {
        if (double.IsNaN(p) || p < 0.0 || p > 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability must lie in [0, 1].");
        }

        if (p == 0.0)
        {
            return double.NegativeInfinity;
        }

        if (p == 1.0)
        {
            return double.PositiveInfinity;
        }

        // Work in the lower tail, where Φ is computed with full relative precision.
        return p > 0.5 ? -LowerTailQuantile(1.0 - p) : LowerTailQuantile(p);
    }

    private static double LowerTailQuantile(double p)
    {
        const double pLow = 0.02425;
        double x;
        if (p < pLow)
        {
            var q = Math.Sqrt(-2.0 * Math.Log(p));
            x = Horner(C, q) / ((Horner(D, q) * q) + 1.0);
        }
        else
        {
            var q = p - 0.5;
            var r = q * q;
            x = Horner(A, r) * q / ((Horner(B, r) * r) + 1.0);
        }

        if (Math.Abs(x) > 37.0)
        {
            // φ(x) underflows: the rational approximation is as good as it gets.
            return x;
        }

        // One Halley step on Φ(x) − p.
        var e = Cdf(x) - p;
        var u = e / Pdf(x);
        return x - (u / (1.0 + (0.5 * x * u)));
    }

    // c[0]·xⁿ⁻¹ + c[1]·xⁿ⁻² + ... + c[n−1].
    private static double Horner(double[] coefficients, double x)
    {
        var sum = coefficients[0];
        for (var i = 1; i < coefficients.Length; i++)
        {
            sum = (sum * x) + coefficients[i];
        }

        return sum;
    }
}
