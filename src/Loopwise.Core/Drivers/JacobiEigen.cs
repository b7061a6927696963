namespace Loopwise.Core.Drivers;

/// <summary>
/// The cyclic Jacobi eigenvalue method for real symmetric matrices (O(p³) per sweep, a handful of sweeps):
/// plane rotations zero each off-diagonal element in turn until the off-diagonal mass is negligible. It is exact
/// to rounding for the small, well-scaled correlation matrices of key driver analysis (cx-reference.md §5).
/// </summary>
public static class JacobiEigen
{
    private const int MaxSweeps = 100;

    /// <summary>Decomposes the symmetric matrix <paramref name="matrix"/>; the input is not modified.</summary>
    /// <exception cref="ArgumentException">The matrix is not square, is empty, is not symmetric or holds a non-finite value.</exception>
    public static EigenDecomposition Decompose(double[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var p = matrix.GetLength(0);
        if (p == 0 || matrix.GetLength(1) != p)
        {
            throw new ArgumentException("The matrix must be square and non-empty.", nameof(matrix));
        }

        var a = new double[p, p];
        var scale = 0.0;
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < p; j++)
            {
                var value = matrix[i, j];
                if (!double.IsFinite(value))
                {
                    throw new ArgumentException("The matrix holds a non-finite value.", nameof(matrix));
                }

                scale = Math.Max(scale, Math.Abs(value));
                a[i, j] = value;
            }
        }

        for (var i = 0; i < p; i++)
        {
            for (var j = i + 1; j < p; j++)
            {
                if (Math.Abs(a[i, j] - a[j, i]) > 1e-12 * Math.Max(1.0, scale))
                {
                    throw new ArgumentException("The matrix is not symmetric.", nameof(matrix));
                }

                // Work on the average of the two triangles so rounding asymmetry cannot leak in.
                var mean = 0.5 * (a[i, j] + a[j, i]);
                a[i, j] = mean;
                a[j, i] = mean;
            }
        }

        var v = new double[p, p];
        for (var i = 0; i < p; i++)
        {
            v[i, i] = 1.0;
        }

        var sweeps = 0;
        while (sweeps < MaxSweeps && OffDiagonalSquares(a) > Square(1e-15 * Math.Max(scale, double.Epsilon)) * p * p)
        {
            sweeps++;
            for (var k = 0; k < p - 1; k++)
            {
                for (var l = k + 1; l < p; l++)
                {
                    Rotate(a, v, k, l);
                }
            }
        }

        return Sorted(a, v, sweeps);
    }

    // Zeroes a[k, l] with the rotation of Rutishauser's formulation: θ = (a_ll − a_kk)/(2·a_kl),
    // t = sgn(θ)/(|θ| + √(θ² + 1)) (the smaller root of t² + 2tθ − 1 = 0), c = 1/√(t² + 1), s = t·c.
    private static void Rotate(double[,] a, double[,] v, int k, int l)
    {
        var akl = a[k, l];
        if (akl == 0.0)
        {
            return;
        }

        var theta = (a[l, l] - a[k, k]) / (2.0 * akl);
        var t = (theta >= 0.0 ? 1.0 : -1.0) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1.0));
        if (double.IsInfinity(theta * theta))
        {
            // θ² overflows when a_kl is tiny beside the diagonal gap: t ≈ 1/(2θ).
            t = 1.0 / (2.0 * theta);
        }

        var c = 1.0 / Math.Sqrt((t * t) + 1.0);
        var s = t * c;
        var p = a.GetLength(0);

        a[k, k] -= t * akl;
        a[l, l] += t * akl;
        a[k, l] = 0.0;
        a[l, k] = 0.0;
        for (var r = 0; r < p; r++)
        {
            if (r != k && r != l)
            {
                var ark = a[r, k];
                var arl = a[r, l];
                var newRk = (c * ark) - (s * arl);
                var newRl = (s * ark) + (c * arl);
                a[r, k] = newRk;
                a[k, r] = newRk;
                a[r, l] = newRl;
                a[l, r] = newRl;
            }

            var vrk = v[r, k];
            var vrl = v[r, l];
            v[r, k] = (c * vrk) - (s * vrl);
            v[r, l] = (s * vrk) + (c * vrl);
        }
    }

    private static double OffDiagonalSquares(double[,] a)
    {
        var p = a.GetLength(0);
        var sum = 0.0;
        for (var i = 0; i < p; i++)
        {
            for (var j = i + 1; j < p; j++)
            {
                sum += 2.0 * a[i, j] * a[i, j];
            }
        }

        return sum;
    }

    private static EigenDecomposition Sorted(double[,] a, double[,] v, int sweeps)
    {
        var p = a.GetLength(0);
        var order = Enumerable.Range(0, p).OrderByDescending(i => a[i, i]).ThenBy(i => i).ToArray();
        var values = new double[p];
        var vectors = new double[p, p];
        for (var j = 0; j < p; j++)
        {
            var source = order[j];
            values[j] = a[source, source];

            // Fix the sign of each eigenvector (largest component positive) so results are reproducible.
            var pivot = 0;
            for (var i = 1; i < p; i++)
            {
                if (Math.Abs(v[i, source]) > Math.Abs(v[pivot, source]))
                {
                    pivot = i;
                }
            }

            var sign = v[pivot, source] < 0.0 ? -1.0 : 1.0;
            for (var i = 0; i < p; i++)
            {
                vectors[i, j] = sign * v[i, source];
            }
        }

        return new EigenDecomposition(values, vectors, sweeps);
    }

    private static double Square(double x) => x * x;
}
