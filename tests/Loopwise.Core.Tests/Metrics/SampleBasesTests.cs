using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Metrics;

public class SampleBasesTests
{
    // cx-reference.md §1 minimum-n product defaults.
    [Theory]
    [InlineData(0, SampleBase.None)]
    [InlineData(1, SampleBase.Hidden)]
    [InlineData(9, SampleBase.Hidden)]
    [InlineData(10, SampleBase.Low)]
    [InlineData(29, SampleBase.Low)]
    [InlineData(30, SampleBase.Ok)]
    [InlineData(100_000, SampleBase.Ok)]
    public void Classify_follows_the_minimum_n_defaults(long n, SampleBase expected)
    {
        Assert.Equal(expected, SampleBases.Classify(n));
    }

    [Theory]
    [InlineData(SampleBase.None, false)]
    [InlineData(SampleBase.Hidden, false)]
    [InlineData(SampleBase.Low, true)]
    [InlineData(SampleBase.Ok, true)]
    public void Score_is_shown_from_n_10(SampleBase sampleBase, bool expected)
    {
        Assert.Equal(expected, sampleBase.ShowsScore());
    }

    [Theory]
    [InlineData(30, 30, true)]
    [InlineData(29, 500, false)]
    [InlineData(500, 29, false)]
    public void Significance_needs_30_in_both_groups(long n1, long n2, bool expected)
    {
        Assert.Equal(expected, SampleBases.AllowsSignificance(n1, n2));
    }

    [Fact]
    public void Low_base_warning_text()
    {
        Assert.Equal("low base: ±28 pts or worse", SampleBases.LowBaseWarning);
    }
}
