using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Metrics;

public class NpsSampleSizeTests
{
    // cx-reference.md §1 sample-size table, n = z²·V/E² − 3 rounded up.
    [Theory]
    [InlineData(0.4, 15, 66)]
    [InlineData(0.4, 10, 151)]
    [InlineData(0.4, 5, 612)]
    [InlineData(0.4, 3, 1705)]
    [InlineData(0.6, 15, 100)]
    [InlineData(0.6, 10, 228)]
    [InlineData(0.6, 5, 919)]
    [InlineData(0.6, 3, 2559)]
    [InlineData(1.0, 15, 168)]
    [InlineData(1.0, 10, 382)]
    [InlineData(1.0, 5, 1534)]
    [InlineData(1.0, 3, 4266)]
    public void Sample_size_for_a_margin_matches_the_reference_table(double variance, int marginPoints, long expected)
    {
        Assert.Equal(expected, Nps.SampleSizeForMargin(variance, marginPoints / 100.0));
    }

    // cx-reference.md §1: a 10-point change needs ≈ 939 per group, a 15-point change ≈ 416 (V = 0.6 each).
    [Theory]
    [InlineData(0.10, 939)]
    [InlineData(0.15, 416)]
    public void Sample_size_per_group_matches_the_reference(double delta, long expected)
    {
        Assert.Equal(expected, Nps.SampleSizePerGroup(0.6, 0.6, delta));
    }

    // cx-reference.md §1 margin-of-error list at V = 0.6.
    [Theory]
    [InlineData(30, 27.7)]
    [InlineData(50, 21.5)]
    [InlineData(100, 15.2)]
    [InlineData(200, 10.7)]
    [InlineData(400, 7.6)]
    [InlineData(1000, 4.8)]
    public void Margin_of_error_at_variance_0_6_matches_the_reference_list(long n, double expectedPoints)
    {
        Assert.Equal(expectedPoints, Math.Round(Nps.MarginOfError(0.6, n) * 100, 1));
    }

    // p = d = 0.5 is the worst case V = 1.0; p = 0.5, d = 0.3 gives the §1 vector's 0.76.
    [Theory]
    [InlineData(0.5, 0.5, 1.0)]
    [InlineData(0.5, 0.3, 0.76)]
    [InlineData(0.0, 0.0, 0.0)]
    public void Expected_variance_is_p_plus_d_minus_nps_squared(double p, double d, double expected)
    {
        Assert.Equal(expected, Nps.ExpectedVariance(p, d), 1e-12);
    }

    [Fact]
    public void Sample_size_rejects_a_zero_margin()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Nps.SampleSizeForMargin(0.6, 0.0));
    }
}
