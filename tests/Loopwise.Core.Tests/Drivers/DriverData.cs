using System.Numerics;

namespace Loopwise.Core.Tests.Drivers;

/// <summary>Data sets with exactly known correlations, built from Walsh–Hadamard columns.</summary>
internal static class DriverData
{
    /// <summary>
    /// Walsh column k of length n = 2^m: h(i) = (−1)^popcount(i AND k). For k ≠ 0 the columns have mean 0, are mutually
    /// orthogonal and have Σh² = n, so a combination a·e₁ + b·e₂ + … with a² + b² + … = 1 has known correlations.
    /// </summary>
    public static double[] Walsh(int n, int k) =>
        Enumerable.Range(0, n).Select(i => BitOperations.PopCount((uint)(i & k)) % 2 == 0 ? 1.0 : -1.0).ToArray();

    /// <summary>a·u + b·v + c (element-wise).</summary>
    public static double[] Combine(double a, double[] u, double b, double[] v, double shift = 0.0) =>
        u.Select((x, i) => (a * x) + (b * v[i]) + shift).ToArray();

    /// <summary>s·u + shift.</summary>
    public static double[] Affine(double scale, double[] u, double shift) => u.Select(x => (scale * x) + shift).ToArray();

    /// <summary>
    /// The cx-reference.md §5 test vector as data (n = 32): r₁₂ = .5, r₁y = .6, r₂y = .4 exactly.
    /// x₁ = e₁; x₂ = .5e₁ + √.75·e₂; y = .6e₁ + b·e₂ + c·e₃ with b = .1/√.75 (so r₂y = .5·.6 + √.75·b = .4) and
    /// c = √(1 − .36 − b²). Shifts and scales (ratings around 3–7) leave the correlations unchanged.
    /// </summary>
    public static (double[] Y, double[] X1, double[] X2) Section5(int n = 32)
    {
        var e1 = Walsh(n, 1);
        var e2 = Walsh(n, 2);
        var e3 = Walsh(n, 4);
        var b = 0.1 / Math.Sqrt(0.75);
        var c = Math.Sqrt(1.0 - 0.36 - (b * b));
        var x1 = Affine(1.2, e1, 3.0);
        var x2 = Affine(0.7, Combine(0.5, e1, Math.Sqrt(0.75), e2), 5.0);
        var y = Affine(2.0, Combine(1.0, Combine(0.6, e1, b, e2), c, e3), 7.0);
        return (y, x1, x2);
    }

    /// <summary>p correlated columns of n rows: xⱼ = zⱼ + 0.6·z₀ with standard normal z (Box–Muller).</summary>
    public static double[][] RandomColumns(Random random, int n, int p)
    {
        var common = Normals(random, n);
        return Enumerable.Range(0, p).Select(_ => Normals(random, n).Select((z, i) => z + (0.6 * common[i])).ToArray()).ToArray();
    }

    /// <summary>n standard normal draws.</summary>
    public static double[] Normals(Random random, int n) =>
        Enumerable.Range(0, n)
            .Select(_ => Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble()))
            .ToArray();

    /// <summary>The Pearson correlation matrix by the textbook formula (independent of the product code).</summary>
    public static double[,] CorrelationOf(double[][] columns)
    {
        var m = columns.Length;
        var r = new double[m, m];
        for (var a = 0; a < m; a++)
        {
            for (var b = 0; b < m; b++)
            {
                r[a, b] = Pearson(columns[a], columns[b]);
            }
        }

        return r;
    }

    /// <summary>Pearson r of two columns.</summary>
    public static double Pearson(double[] u, double[] v)
    {
        var mu = u.Average();
        var mv = v.Average();
        var suv = u.Select((x, i) => (x - mu) * (v[i] - mv)).Sum();
        var suu = u.Sum(x => (x - mu) * (x - mu));
        var svv = v.Sum(x => (x - mv) * (x - mv));
        return suv / Math.Sqrt(suu * svv);
    }
}
