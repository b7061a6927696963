using Loopwise.Core.Drivers;

namespace Loopwise.Core.Tests.Drivers;

public class JacobiEigenTests
{
    // [[1, .5], [.5, 1]]: det(A − λI) = (1 − λ)² − .25 = 0 → λ = 1.5 and 0.5,
    // with eigenvectors (1, 1)/√2 and (1, −1)/√2 (the sign makes the largest component positive, the first on a tie).
    [Fact]
    public void Two_by_two_correlation_matrix_by_hand()
    {
        var eigen = JacobiEigen.Decompose(new[,] { { 1.0, 0.5 }, { 0.5, 1.0 } });

        Assert.Equal([1.5, 0.5], eigen.Values, new Tolerance(1e-15));
        var h = Math.Sqrt(0.5);
        Assert.Equal(h, eigen.Vectors[0, 0], 1e-15);
        Assert.Equal(h, eigen.Vectors[1, 0], 1e-15);
        Assert.Equal(h, eigen.Vectors[0, 1], 1e-15);
        Assert.Equal(-h, eigen.Vectors[1, 1], 1e-15);
    }

    // The all-ones 3×3 matrix J has rank 1: eigenvalues 3 (vector (1, 1, 1)/√3) and 0 twice.
    [Fact]
    public void Rank_one_matrix_has_a_repeated_zero_eigenvalue()
    {
        var eigen = JacobiEigen.Decompose(new[,] { { 1.0, 1.0, 1.0 }, { 1.0, 1.0, 1.0 }, { 1.0, 1.0, 1.0 } });

        Assert.Equal([3.0, 0.0, 0.0], eigen.Values, new Tolerance(1e-14));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(1.0 / Math.Sqrt(3.0), eigen.Vectors[i, 0], 1e-14);
        }

        AssertDecomposes(new[,] { { 1.0, 1.0, 1.0 }, { 1.0, 1.0, 1.0 }, { 1.0, 1.0, 1.0 } }, eigen);
    }

    [Fact]
    public void Diagonal_matrix_needs_no_rotation_and_is_sorted_descending()
    {
        var eigen = JacobiEigen.Decompose(new[,] { { 2.0, 0.0, 0.0 }, { 0.0, 5.0, 0.0 }, { 0.0, 0.0, -1.0 } });

        Assert.Equal([5.0, 2.0, -1.0], eigen.Values);
        Assert.Equal(0, eigen.Sweeps);
        Assert.Equal(1.0, eigen.Vectors[1, 0]);
        Assert.Equal(1.0, eigen.Vectors[0, 1]);
        Assert.Equal(1.0, eigen.Vectors[2, 2]);
    }

    // Random symmetric matrices (entries uniform in [−1, 1], fixed seeds) and random correlation matrices (XᵀX of
    // random data, scaled to a unit diagonal): V·diag(λ)·Vᵀ must give back A, VᵀV = I, Σλ = trace(A), λ descending.
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(5, 8)]
    [InlineData(7, 12)]
    [InlineData(11, 20)]
    public void Random_symmetric_matrices_are_reconstructed_with_orthonormal_vectors(int seed, int p)
    {
        var random = new Random(seed);
        var a = new double[p, p];
        for (var i = 0; i < p; i++)
        {
            for (var j = i; j < p; j++)
            {
                a[i, j] = a[j, i] = (2.0 * random.NextDouble()) - 1.0;
            }
        }

        var eigen = JacobiEigen.Decompose(a);

        AssertDecomposes(a, eigen);
        Assert.InRange(eigen.Sweeps, 0, 15);
    }

    [Theory]
    [InlineData(3, 4)]
    [InlineData(4, 12)]
    public void Random_correlation_matrices_are_positive_definite_and_reconstructed(int seed, int p)
    {
        var random = new Random(seed);
        var r = DriverData.CorrelationOf(DriverData.RandomColumns(random, 200, p));

        var eigen = JacobiEigen.Decompose(r);

        AssertDecomposes(r, eigen);
        Assert.True(eigen.Smallest > 0.0);
        Assert.Equal(p, eigen.Values.Sum(), 1e-12);
    }

    [Fact]
    public void Decompose_leaves_its_input_untouched()
    {
        var a = new[,] { { 2.0, 1.0 }, { 1.0, 3.0 } };

        JacobiEigen.Decompose(a);

        Assert.Equal(new[,] { { 2.0, 1.0 }, { 1.0, 3.0 } }, a);
    }

    [Fact]
    public void Non_symmetric_non_square_and_non_finite_matrices_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => JacobiEigen.Decompose(new[,] { { 1.0, 0.2 }, { 0.3, 1.0 } }));
        Assert.Throws<ArgumentException>(() => JacobiEigen.Decompose(new double[2, 3]));
        Assert.Throws<ArgumentException>(() => JacobiEigen.Decompose(new double[0, 0]));
        Assert.Throws<ArgumentException>(() => JacobiEigen.Decompose(new[,] { { double.NaN, 0.0 }, { 0.0, 1.0 } }));
    }

    // Compose with √λ gives the symmetric square root: Λ·Λ = A and Λ = Λᵀ. For [[1, .5], [.5, 1]]:
    // Λ = V·diag(√1.5, √.5)·Vᵀ → Λ₁₁ = (√1.5 + √.5)/2 = cos 15° = 0.965926, Λ₁₂ = (√1.5 − √.5)/2 = sin 15° = 0.258819.
    [Fact]
    public void Compose_gives_the_symmetric_square_root()
    {
        var eigen = JacobiEigen.Decompose(new[,] { { 1.0, 0.5 }, { 0.5, 1.0 } });

        var root = eigen.Compose(Math.Sqrt);

        Assert.Equal(Math.Cos(Math.PI / 12.0), root[0, 0], 1e-15);
        Assert.Equal(Math.Sin(Math.PI / 12.0), root[0, 1], 1e-15);
        Assert.Equal(root[0, 1], root[1, 0]);
        Assert.Equal(1.0, (root[0, 0] * root[0, 0]) + (root[0, 1] * root[1, 0]), 1e-15);
        Assert.Equal(0.5, (root[0, 0] * root[0, 1]) + (root[0, 1] * root[1, 1]), 1e-15);
    }

    private static void AssertDecomposes(double[,] a, EigenDecomposition eigen)
    {
        var p = a.GetLength(0);
        var scale = Math.Max(1.0, eigen.Values.Max(Math.Abs));
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < p; j++)
            {
                var reconstructed = 0.0;
                var gram = 0.0;
                for (var k = 0; k < p; k++)
                {
                    reconstructed += eigen.Vectors[i, k] * eigen.Values[k] * eigen.Vectors[j, k];
                    gram += eigen.Vectors[k, i] * eigen.Vectors[k, j];
                }

                Assert.Equal(a[i, j], reconstructed, 1e-13 * scale * p);
                Assert.Equal(i == j ? 1.0 : 0.0, gram, 1e-13 * p);
            }
        }

        for (var k = 1; k < p; k++)
        {
            Assert.True(eigen.Values[k - 1] >= eigen.Values[k]);
        }

        var trace = Enumerable.Range(0, p).Sum(i => a[i, i]);
        Assert.Equal(trace, eigen.Values.Sum(), 1e-13 * scale * p);
    }
}
