using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Metrics;

public class KishTests
{
    [Fact]
    public void Equal_weights_give_the_actual_n()
    {
        Assert.Equal(4.0, Kish.EffectiveSampleSize([2.0, 2.0, 2.0, 2.0]), 1e-12);
    }

    // (1 + 1 + 4)² / (1 + 1 + 16) = 36/18 = 2.
    [Fact]
    public void Unequal_weights_shrink_the_effective_n()
    {
        Assert.Equal(2.0, Kish.EffectiveSampleSize([1.0, 1.0, 4.0]), 1e-12);
        Assert.Equal(2.0, Kish.EffectiveSampleSize(6.0, 18.0), 1e-12);
    }

    [Fact]
    public void No_weights_give_0()
    {
        Assert.Equal(0.0, Kish.EffectiveSampleSize([]));
    }

    [Fact]
    public void Negative_weights_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Kish.EffectiveSampleSize([1.0, -1.0]));
    }
}
