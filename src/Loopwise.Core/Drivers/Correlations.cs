namespace Loopwise.Core.Drivers;

/// <summary>Pearson correlations of complete-case columns (listwise deletion has already happened).</summary>
internal static class Correlations
{
    /// <summary>
    /// The correlation matrix of <paramref name="columns"/> over the rows <paramref name="rows"/> (indexes may repeat,
    /// as in a bootstrap resample), by the two-pass centred formula. Null when a column is constant on those rows.
    /// </summary>
    public static double[,]? Compute(double[][] columns, int[] rows)
    {
        var m = columns.Length;
        var n = rows.Length;
        if (n < 2)
        {
            return null;
        }

        var means = new double[m];
        for (var c = 0; c < m; c++)
        {
            var column = columns[c];
            var first = column[rows[0]];
            var constant = true;
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                var value = column[rows[i]];
                sum += value;
                constant &= value == first;
            }

            if (constant)
            {
                return null;
            }

            means[c] = sum / n;
        }

        // Upper triangle of the centred cross-product matrix, in flat storage.
        var flat = new double[m * m];
        Span<double> centred = m <= 256 ? stackalloc double[m] : new double[m];
        for (var i = 0; i < n; i++)
        {
            var row = rows[i];
            for (var c = 0; c < m; c++)
            {
                centred[c] = columns[c][row] - means[c];
            }

            for (var a = 0; a < m; a++)
            {
                var da = centred[a];
                var offset = a * m;
                for (var b = a; b < m; b++)
                {
                    flat[offset + b] += da * centred[b];
                }
            }
        }

        var cross = new double[m, m];
        for (var a = 0; a < m; a++)
        {
            for (var b = a; b < m; b++)
            {
                cross[a, b] = flat[(a * m) + b];
            }
        }

        var sd = new double[m];
        for (var c = 0; c < m; c++)
        {
            sd[c] = Math.Sqrt(cross[c, c]);
        }

        var r = new double[m, m];
        for (var a = 0; a < m; a++)
        {
            r[a, a] = 1.0;
            for (var b = a + 1; b < m; b++)
            {
                var value = Math.Clamp(cross[a, b] / (sd[a] * sd[b]), -1.0, 1.0);
                r[a, b] = value;
                r[b, a] = value;
            }
        }

        return r;
    }

    /// <summary>Splits the (p + 1)×(p + 1) matrix of predictors then outcome into R_xx and r_xy.</summary>
    public static (double[,] Rxx, double[] Rxy) Split(double[,] full)
    {
        var p = full.GetLength(0) - 1;
        var rxx = new double[p, p];
        var rxy = new double[p];
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < p; j++)
            {
                rxx[i, j] = full[i, j];
            }

            rxy[i] = full[i, p];
        }

        return (rxx, rxy);
    }
}
