using Loopwise.Core.Drivers;

namespace Loopwise.Core.Tests.Drivers;

public class ShapleyTests
{
    // §5 vector: R²({1}) = .36, R²({2}) = .16, R²({1, 2}) = 28/75 = .373333.
    // I₁ = ½·.36 + ½·(.373333 − .16) = .18 + .106667 = .286667 (43/150);
    // I₂ = ½·.16 + ½·(.373333 − .36) = .08 + .006667 = .086667 (13/150): the same split as the relative weights.
    [Fact]
    public void Section_5_test_vector_matches_the_relative_weights()
    {
        var rxx = new[,] { { 1.0, 0.5 }, { 0.5, 1.0 } };

        var shares = Shapley.Decompose(rxx, [0.6, 0.4]);
        var weights = RelativeWeights.Compute(rxx, [0.6, 0.4]);

        Assert.Equal([43.0 / 150.0, 13.0 / 150.0], shares, new Tolerance(1e-14));
        Assert.Equal(weights.RawWeights, shares, new Tolerance(1e-14));
    }

    // r₁₂ = .3, r₁₃ = .2, r₂₃ = .4; r_xy = (.5, .4, .3). Two-predictor R² = (rᵢ² + rⱼ² − 2rᵢrⱼrᵢⱼ)/(1 − rᵢⱼ²):
    // R²(12) = (.25 + .16 − .12)/.91 = 29/91; R²(13) = (.25 + .09 − .06)/.96 = 7/24; R²(23) = (.16 + .09 − .096)/.84 = 11/60;
    // R²(123) = .2519/.758 = 2519/7580. With p = 3 the order weights are 1/3 (|S| = 0 or 2) and 1/6 (|S| = 1):
    // I₁ = .25/3 + (29/91 − .16)/6 + (7/24 − .09)/6 + (2519/7580 − 11/60)/3 = 1597979/8277360 = .1930542
    // I₂ = .16/3 + (29/91 − .25)/6 + (11/60 − .09)/6 + (2519/7580 − 7/24)/3 = 485713/5173350 = .0938875
    // I₃ = .09/3 + (7/24 − .25)/6 + (11/60 − .16)/6 + (2519/7580 − 29/91)/3 = 626047/13795600 = .0453802
    // Relative weights (.194176, .092717, .045429) track these to within .0012, as §5 says they should.
    [Fact]
    public void Three_predictors_by_hand_and_close_to_the_relative_weights()
    {
        var rxx = new[,] { { 1.0, 0.3, 0.2 }, { 0.3, 1.0, 0.4 }, { 0.2, 0.4, 1.0 } };
        double[] rxy = [0.5, 0.4, 0.3];

        var shares = Shapley.Decompose(rxx, rxy);
        var weights = RelativeWeights.Compute(rxx, rxy);

        Assert.Equal([1597979.0 / 8277360.0, 485713.0 / 5173350.0, 626047.0 / 13795600.0], shares, new Tolerance(1e-14));
        Assert.Equal(2519.0 / 7580.0, shares.Sum(), 1e-14);
        Assert.Equal(shares, weights.RawWeights, new Tolerance(0.0015));
    }

    // Σ Iⱼ = R² (the efficiency of the Shapley value) for p from 1 to the maximum, on random correlated data.
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(12)]
    public void Shares_sum_to_the_full_r_squared(int p)
    {
        var (rxx, rxy) = RandomCorrelations(new Random(100 + p), 400, p);

        var shares = Shapley.Decompose(rxx, rxy);
        var rSquared = Shapley.SubsetRSquared(rxx, rxy, (1 << p) - 1)!.Value;

        Assert.Equal(rSquared, shares.Sum(), 1e-12);
        Assert.Equal(RelativeWeights.Compute(rxx, rxy).RSquared, rSquared, 1e-12);
    }

    [Fact]
    public void More_than_twelve_predictors_are_refused()
    {
        var (rxx, rxy) = RandomCorrelations(new Random(3), 100, 13);

        Assert.Throws<ArgumentException>(() => Shapley.Decompose(rxx, rxy));
    }

    private static (double[,] Rxx, double[] Rxy) RandomCorrelations(Random random, int n, int p)
    {
        var r = DriverData.CorrelationOf(DriverData.RandomColumns(random, n, p + 1));
        var rxx = new double[p, p];
        var rxy = new double[p];
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < p; j++)
            {
                rxx[i, j] = r[i, j];
            }

            rxy[i] = r[i, p];
        }

        return (rxx, rxy);
    }
}
