using Loopwise.Core.Drivers;

namespace Loopwise.Core.Tests.Drivers;

public class RelativeWeightsTests
{
    private static readonly double[,] Section5Rxx = { { 1.0, 0.5 }, { 0.5, 1.0 } };

    // cx-reference.md §5 test vector: r₁₂ = .5, r₁y = .6, r₂y = .4.
    // R_xx: λ = 1.5, .5; V = [(1, 1), (1, −1)]/√2. Λ = V·diag(√1.5, √.5)·Vᵀ: Λ₁₁ = Λ₂₂ = (√1.5 + √.5)/2 = .965926,
    // Λ₁₂ = (√1.5 − √.5)/2 = .258819 (cos 15°, sin 15°). Λ⁻¹ = V·diag(1/√1.5, 1/√.5)·Vᵀ: diagonal (.816497 + 1.414214)/2
    // = 1.115355, off-diagonal (.816497 − 1.414214)/2 = −.298858.
    // β = Λ⁻¹·r = (1.115355·.6 − .298858·.4, −.298858·.6 + 1.115355·.4) = (.549670, .266827).
    // R² = .302137 + .071197 = .373333 (= r'R⁻¹r = (.36 + .16 − 2·.5·.6·.4)/.75 = .28/.75 = 28/75).
    // ε₁ = Λ₁₁²β₁² + Λ₁₂²β₂² = .933013·.302137 + .066987·.071197 = .286667 (= 43/150),
    // ε₂ = .066987·.302137 + .933013·.071197 = .086667 (= 13/150); rescaled 43/56 = 76.786%, 13/56 = 23.214%.
    [Fact]
    public void Section_5_test_vector()
    {
        var result = RelativeWeights.Compute(Section5Rxx, [0.6, 0.4]);

        Assert.Equal(28.0 / 75.0, result.RSquared, 1e-14);
        Assert.Equal(43.0 / 150.0, result.RawWeights[0], 1e-14);
        Assert.Equal(13.0 / 150.0, result.RawWeights[1], 1e-14);
        Assert.Equal(100.0 * 43.0 / 56.0, result.RescaledWeights[0], 1e-12);
        Assert.Equal(100.0 * 13.0 / 56.0, result.RescaledWeights[1], 1e-12);
        Assert.Equal(0.549670, result.OrthogonalBetas[0], 1e-6);
        Assert.Equal(0.266827, result.OrthogonalBetas[1], 1e-6);
    }

    // Three predictors, r₁₂ = .3, r₁₃ = .2, r₂₃ = .4; r_xy = (.5, .4, .3).
    // det R = 1 + 2·.3·.2·.4 − .09 − .04 − .16 = .758; adjugate diagonal (.84, .96, .91), off-diagonal
    // C₁₂ = −(.3 − .08) = −.22, C₁₃ = .12 − .2 = −.08, C₂₃ = −(.4 − .06) = −.34.
    // R² = r'·adj·r/det = (.84·.25 + .96·.16 + .91·.09 − 2(.22·.2 + .08·.15 + .34·.12))/.758 = .2519/.758 = .332322.
    // Λ by the Denman–Beavers iteration (Y ← (Y + Z⁻¹)/2, Z ← (Z + Y⁻¹)/2 from Y = R, Z = I; Y → R^½, Z → R^−½),
    // which shares nothing with the Jacobi solver:
    // Λ = [[.985638, .144571, .087276], [.144571, .969249, .199135], [.087276, .199135, .976078]];
    // β = Λ⁻¹·r = (.444470, .304162, .205556); ε = (.194176, .092717, .045429), Σε = .332322;
    // rescaled (58.4299, 27.8997, 13.6703).
    [Fact]
    public void Three_predictors_against_an_independent_square_root()
    {
        var rxx = new[,] { { 1.0, 0.3, 0.2 }, { 0.3, 1.0, 0.4 }, { 0.2, 0.4, 1.0 } };
        double[] rxy = [0.5, 0.4, 0.3];

        var result = RelativeWeights.Compute(rxx, rxy);
        var (expectedRaw, expectedR2) = DenmanBeaversWeights(rxx, rxy);

        Assert.Equal(0.2519 / 0.758, result.RSquared, 1e-14);
        Assert.Equal(expectedR2, result.RSquared, 1e-12);
        Assert.Equal(expectedRaw, result.RawWeights, new Tolerance(1e-12));
        Assert.Equal([0.1941755027, 0.0927169178, 0.0454294792], result.RawWeights, new Tolerance(1e-9));
        Assert.Equal([58.4299448381, 27.8997315170, 13.6703236449], result.RescaledWeights, new Tolerance(1e-8));
        Assert.Equal(result.RSquared, result.RawWeights.Sum(), 1e-14);
    }

    // Block-diagonal case: predictors 1–2 as in §5 and an orthogonal third with r₃y = .3. The weights of an
    // uncorrelated predictor are r²: ε₃ = .09, and the first block is unchanged (.286667, .086667);
    // R² = .373333 + .09 = .463333; rescaled 100·(.286667, .086667, .09)/.463333 = (61.871, 18.705, 19.424).
    [Fact]
    public void An_uncorrelated_predictor_gets_its_squared_correlation()
    {
        var rxx = new[,] { { 1.0, 0.5, 0.0 }, { 0.5, 1.0, 0.0 }, { 0.0, 0.0, 1.0 } };

        var result = RelativeWeights.Compute(rxx, [0.6, 0.4, 0.3]);

        Assert.Equal([43.0 / 150.0, 13.0 / 150.0, 0.09], result.RawWeights, new Tolerance(1e-14));
        Assert.Equal(28.0 / 75.0 + 0.09, result.RSquared, 1e-14);
        Assert.Equal([100.0 * 43.0 / 69.5, 100.0 * 13.0 / 69.5, 100.0 * 13.5 / 69.5], result.RescaledWeights, new Tolerance(1e-11));
    }

    // R² = Σβ² must equal r'·R⁻¹·r, and Σε = R², on random 10-predictor data.
    [Fact]
    public void Weights_sum_to_r_squared_on_random_data()
    {
        var random = new Random(17);
        var columns = DriverData.RandomColumns(random, 300, 11);
        var r = DriverData.CorrelationOf(columns);
        var rxx = new double[10, 10];
        var rxy = new double[10];
        for (var i = 0; i < 10; i++)
        {
            for (var j = 0; j < 10; j++)
            {
                rxx[i, j] = r[i, j];
            }

            rxy[i] = r[i, 10];
        }

        var result = RelativeWeights.Compute(rxx, rxy);

        Assert.Equal(result.RSquared, result.RawWeights.Sum(), 1e-13);
        Assert.Equal(100.0, result.RescaledWeights.Sum(), 1e-10);
        Assert.All(result.RawWeights, w => Assert.True(w >= 0.0));
        Assert.Equal(Shapley.SubsetRSquared(rxx, rxy, (1 << 10) - 1)!.Value, result.RSquared, 1e-13);
    }

    // x₃ = x₁ + x₂ makes R_xx singular: with r₁₂ = 0, r₁₃ = r₂₃ = 1/√2, det = 1 − ½ − ½ = 0.
    [Fact]
    public void A_singular_matrix_is_refused()
    {
        var h = Math.Sqrt(0.5);
        var rxx = new[,] { { 1.0, 0.0, h }, { 0.0, 1.0, h }, { h, h, 1.0 } };

        var error = Assert.Throws<ArgumentException>(() => RelativeWeights.Compute(rxx, [0.3, 0.2, 0.35]));
        Assert.Contains("singular", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mismatched_shapes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => RelativeWeights.Compute(Section5Rxx, [0.6]));
    }

    // No predictor correlates with y: R² = 0 and the rescaled weights are all 0 rather than 0/0.
    [Fact]
    public void Zero_r_squared_gives_zero_rescaled_weights()
    {
        var result = RelativeWeights.Compute(Section5Rxx, [0.0, 0.0]);

        Assert.Equal(0.0, result.RSquared);
        Assert.Equal([0.0, 0.0], result.RescaledWeights);
    }

    private static (double[] Raw, double RSquared) DenmanBeaversWeights(double[,] r, double[] rxy)
    {
        var y = (double[,])r.Clone();
        var z = new[,] { { 1.0, 0.0, 0.0 }, { 0.0, 1.0, 0.0 }, { 0.0, 0.0, 1.0 } };
        for (var k = 0; k < 60; k++)
        {
            var yInverse = Inverse3(y);
            var zInverse = Inverse3(z);
            for (var i = 0; i < 3; i++)
            {
                for (var j = 0; j < 3; j++)
                {
                    (y[i, j], z[i, j]) = (0.5 * (y[i, j] + zInverse[i, j]), 0.5 * (z[i, j] + yInverse[i, j]));
                }
            }
        }

        var beta = new double[3];
        for (var i = 0; i < 3; i++)
        {
            beta[i] = (z[i, 0] * rxy[0]) + (z[i, 1] * rxy[1]) + (z[i, 2] * rxy[2]);
        }

        var raw = new double[3];
        for (var j = 0; j < 3; j++)
        {
            raw[j] = Enumerable.Range(0, 3).Sum(k => y[j, k] * y[j, k] * beta[k] * beta[k]);
        }

        return (raw, beta.Sum(b => b * b));
    }

    // The 3×3 inverse by cofactors.
    private static double[,] Inverse3(double[,] m)
    {
        var inverse = new double[3, 3];
        var det = (m[0, 0] * ((m[1, 1] * m[2, 2]) - (m[1, 2] * m[2, 1])))
            - (m[0, 1] * ((m[1, 0] * m[2, 2]) - (m[1, 2] * m[2, 0])))
            + (m[0, 2] * ((m[1, 0] * m[2, 1]) - (m[1, 1] * m[2, 0])));
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                int r0 = (j + 1) % 3, r1 = (j + 2) % 3, c0 = (i + 1) % 3, c1 = (i + 2) % 3;
                inverse[i, j] = ((m[r0, c0] * m[r1, c1]) - (m[r0, c1] * m[r1, c0])) / det;
            }
        }

        return inverse;
    }
}
