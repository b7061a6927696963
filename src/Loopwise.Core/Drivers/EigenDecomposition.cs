namespace Loopwise.Core.Drivers;

/// <summary>
/// The eigen-decomposition A = V·diag(λ)·Vᵀ of a real symmetric matrix, eigenvalues in descending order.
/// Column j of <see cref="Vectors"/> is the unit eigenvector of <see cref="Values"/>[j]; the columns are orthonormal.
/// </summary>
/// <param name="Values">Eigenvalues λ₁ ≥ λ₂ ≥ … ≥ λₚ.</param>
/// <param name="Vectors">The p×p matrix V whose columns are the eigenvectors.</param>
/// <param name="Sweeps">Jacobi sweeps used (a convergence diagnostic).</param>
public sealed record EigenDecomposition(double[] Values, double[,] Vectors, int Sweeps)
{
    /// <summary>The dimension p.</summary>
    public int Size => Values.Length;

    /// <summary>The largest eigenvalue.</summary>
    public double Largest => Values[0];

    /// <summary>The smallest eigenvalue.</summary>
    public double Smallest => Values[^1];

    /// <summary>
    /// V·diag(f(λ))·Vᵀ: the matrix function f applied through the eigenvalues, e.g. √λ for the symmetric square root
    /// or 1/λ for the inverse.
    /// </summary>
    public double[,] Compose(Func<double, double> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var p = Size;
        var f = new double[p];
        for (var k = 0; k < p; k++)
        {
            f[k] = function(Values[k]);
        }

        var result = new double[p, p];
        for (var i = 0; i < p; i++)
        {
            for (var j = i; j < p; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < p; k++)
                {
                    sum += Vectors[i, k] * f[k] * Vectors[j, k];
                }

                result[i, j] = sum;
                result[j, i] = sum;
            }
        }

        return result;
    }
}
