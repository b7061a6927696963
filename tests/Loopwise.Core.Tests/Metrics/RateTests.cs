using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Metrics;

public class RateTests
{
    [Fact]
    public void Completion_rate_is_completed_over_started_with_a_wilson_interval()
    {
        var rate = Rate.Completion(completed: 160, started: 200);

        Assert.Equal(0.8, rate.Value);
        Assert.Equal(Proportion.Wilson(160, 200), rate.Wilson());
        Assert.Equal(160, rate.Estimate().Successes);
    }

    [Fact]
    public void Abandonment_rate_is_started_minus_completed_over_started()
    {
        var rate = Rate.Abandonment(started: 200, completed: 160);

        Assert.Equal(40, rate.Numerator);
        Assert.Equal(200, rate.Denominator);
        Assert.Equal(0.2, rate.Value);
    }

    [Fact]
    public void Rate_with_denominator_0_is_null()
    {
        var rate = Rate.Completion(0, 0);

        Assert.Null(rate.Value);
        Assert.Null(rate.Wilson());
        Assert.Null(default(Rate).Value);
    }

    [Fact]
    public void Rates_combine_by_adding_counts_not_averaging_ratios()
    {
        var combined = new Rate(1, 2) + new Rate(90, 100);

        Assert.Equal(new Rate(91, 102), combined);
        Assert.Equal(91.0 / 102.0, combined.Value);
    }

    [Fact]
    public void Numerator_above_denominator_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rate(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rate.Abandonment(started: 2, completed: 3));
    }
}
