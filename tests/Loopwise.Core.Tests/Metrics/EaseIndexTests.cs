using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Metrics;

public class EaseIndexTests
{
    // cx-reference.md §2 rule 3: the seed's 2.0 on ces_effort_1_5 is 75 on the ease index,
    // which corresponds to 5.5 on ces_agree_1_7.
    [Fact]
    public void Effort_2_0_is_ease_75()
    {
        Assert.Equal(75.0, EaseIndex.FromMean(2.0, Scales.CesEffort), 1e-12);
    }

    [Fact]
    public void Ease_75_is_5_5_on_the_agreement_scale()
    {
        Assert.Equal(5.5, EaseIndex.ToMean(75.0, Scales.CesAgree), 1e-12);
        Assert.Equal(75.0, EaseIndex.FromMean(5.5, Scales.CesAgree), 1e-12);
    }

    [Theory]
    [InlineData(1.0, 100.0)]
    [InlineData(5.0, 0.0)]
    [InlineData(3.0, 50.0)]
    public void Effort_scale_is_reversed(double mean, double expected)
    {
        Assert.Equal(expected, EaseIndex.FromMean(mean, Scales.CesEffort), 1e-12);
    }

    [Fact]
    public void Ease_round_trips_on_the_effort_scale()
    {
        Assert.Equal(2.0, EaseIndex.ToMean(75.0, Scales.CesEffort), 1e-12);
    }

    [Fact]
    public void A_mean_outside_the_scale_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EaseIndex.FromMean(0.5, Scales.CesEffort));
    }
}
