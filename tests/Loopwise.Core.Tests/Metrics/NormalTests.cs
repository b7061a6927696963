using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Metrics;

public class NormalTests
{
    // Reference values: mpmath at 30 digits, erfc(-x/√2)/2 and √2·erfinv(2p − 1).
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.84134474606854295)]
    [InlineData(1.96, 0.97500210485177956)]
    [InlineData(-1.96, 0.024997895148220436)]
    [InlineData(3.0, 0.99865010196836991)]
    public void Cdf_matches_reference_values(double x, double expected)
    {
        Assert.Equal(expected, Normal.Cdf(x), 1e-15);
    }

    [Theory]
    [InlineData(-5.0, 2.8665157187919391e-7)]
    [InlineData(-10.0, 7.6198530241605261e-24)]
    public void Cdf_keeps_relative_precision_in_the_far_lower_tail(double x, double expected)
    {
        Assert.Equal(1.0, Normal.Cdf(x) / expected, 1e-12);
    }

    [Theory]
    [InlineData(0.975, 1.9599639845400539)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.8, 0.84162123357291436)]
    [InlineData(0.02, -2.053748910631823)]
    [InlineData(1e-10, -6.3613409024040562)]
    [InlineData(0.999999, 4.7534243088170878)]
    public void InverseCdf_matches_reference_values(double p, double expected)
    {
        Assert.Equal(expected, Normal.InverseCdf(p), 1e-9);
    }

    [Fact]
    public void InverseCdf_is_the_inverse_of_Cdf_across_the_range()
    {
        // Above x = 5, Φ(x) rounds to within 1e-16 of 1 and the upper tail loses its digits.
        for (var x = -8.0; x <= 5.0; x += 0.25)
        {
            Assert.Equal(x, Normal.InverseCdf(Normal.Cdf(x)), 1e-7);
        }
    }

    [Fact]
    public void InverseCdf_is_antisymmetric()
    {
        Assert.Equal(-Normal.InverseCdf(1e-12), Normal.InverseCdf(1.0 - 1e-12), 1e-4);
        Assert.Equal(-Normal.InverseCdf(0.3), Normal.InverseCdf(0.7), 1e-15);
    }

    [Fact]
    public void InverseCdf_of_0_and_1_is_infinite()
    {
        Assert.Equal(double.NegativeInfinity, Normal.InverseCdf(0.0));
        Assert.Equal(double.PositiveInfinity, Normal.InverseCdf(1.0));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void InverseCdf_rejects_values_that_are_not_probabilities(double p)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Normal.InverseCdf(p));
    }
}
