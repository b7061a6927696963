namespace Loopwise.Core.Metrics;

/// <summary>
/// Gamma-family special functions used by <see cref="Normal"/> and <see cref="StudentT"/>.
/// Written from the textbook definitions (Lanczos series, Lentz continued fractions).
/// </summary>
internal static class SpecialFunctions
{
    private const double Epsilon = 1e-16;
    private const double Tiny = 1e-300;
    private const int MaxIterations = 20_000;

    // Lanczos approximation, g = 7, nine terms; relative error about 1e-15 for x > 0.
    private static readonly double[] Lanczos =
    [
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            // Reflection: Γ(x)Γ(1 − x) = π / sin(πx); only reached for 0 < x < 0.5 here.
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1.0 - x);
        }

        x -= 1.0;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2.0 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>ln B(a, b).</summary>
    public static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>ln(1 + x) without losing digits for small x.</summary>
    public static double Log1P(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>
    /// Regularized incomplete beta I_x(a, b). The caller passes both x and y = 1 − x so that
    /// values of x close to 1 keep their precision.
    /// </summary>
    public static double RegularizedIncompleteBeta(double a, double b, double x, double y)
    {
        if (x <= 0.0)
        {
            return 0.0;
        }

        if (y <= 0.0)
        {
            return 1.0;
        }

        var logFront = (a * Math.Log(x)) + (b * Math.Log(y)) - LogBeta(a, b);
        if (x < (a + 1.0) / (a + b + 2.0))
        {
            return Math.Exp(logFront) * BetaContinuedFraction(a, b, x) / a;
        }

        return 1.0 - (Math.Exp(logFront) * BetaContinuedFraction(b, a, y) / b);
    }

    /// <summary>
    /// Regularized upper incomplete gamma Q(a, x) for x ≥ 0, with Γ(a) passed in as its logarithm
    /// (callers with a fixed a, such as a = 1/2 for erfc, pass a constant).
    /// </summary>
    public static double RegularizedUpperGamma(double a, double x, double logGammaA)
    {
        if (x <= 0.0)
        {
            return 1.0;
        }

        var logFront = (a * Math.Log(x)) - x - logGammaA;
        if (x < a + 1.0)
        {
            // Series for P(a, x) = e^-x x^a Σ x^n / (a (a+1) ... (a+n)) / Γ(a).
            var term = 1.0 / a;
            var sum = term;
            for (var n = 1; n < MaxIterations; n++)
            {
                term *= x / (a + n);
                sum += term;
                if (Math.Abs(term) < Math.Abs(sum) * Epsilon)
                {
                    break;
                }
            }

            return 1.0 - (sum * Math.Exp(logFront));
        }

        // Continued fraction for Q(a, x), modified Lentz.
        var bb = x + 1.0 - a;
        var c = 1.0 / Tiny;
        var d = 1.0 / bb;
        var h = d;
        for (var i = 1; i < MaxIterations; i++)
        {
            var an = -i * (i - a);
            bb += 2.0;
            d = (an * d) + bb;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = bb + (an / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1.0 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1.0) < Epsilon)
            {
                break;
            }
        }

        return Math.Exp(logFront) * h;
    }

    // Continued fraction of the incomplete beta function, modified Lentz.
    private static double BetaContinuedFraction(double a, double b, double x)
    {
        var qab = a + b;
        var qap = a + 1.0;
        var qam = a - 1.0;
        var c = 1.0;
        var d = 1.0 - (qab * x / qap);
        d = Math.Abs(d) < Tiny ? Tiny : d;
        d = 1.0 / d;
        var h = d;
        for (var m = 1; m < MaxIterations; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1.0 + (aa * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1.0 + (aa / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1.0 / d;
            h *= d * c;

            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1.0 + (aa * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1.0 + (aa / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1.0 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1.0) < Epsilon)
            {
                break;
            }
        }

        return h;
    }
}
