using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Metrics;

public class IntervalTests
{
    [Fact]
    public void Around_builds_a_symmetric_interval()
    {
        var interval = Interval.Around(0.2, 0.1);

        Assert.Equal(0.1, interval.Lower, 1e-15);
        Assert.Equal(0.3, interval.Upper, 1e-15);
        Assert.Equal(0.1, interval.HalfWidth, 1e-15);
        Assert.Equal(0.2, interval.Midpoint, 1e-15);
    }

    [Fact]
    public void Clamp_limits_both_bounds()
    {
        Assert.Equal(new Interval(0.5, 1.0), new Interval(0.5, 1.2).Clamp(-1.0, 1.0));
    }

    [Fact]
    public void Lower_above_upper_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new Interval(2.0, 1.0));
    }
}
