using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Metrics;

public class ProportionTests
{
    // cx-reference.md §2 vector: 160/200 → 80%, Wilson CI [73.9%, 85.0%].
    [Fact]
    public void Wilson_of_160_out_of_200_is_73_9_to_85_0_percent()
    {
        var interval = Proportion.Wilson(160, 200);

        Assert.NotNull(interval);
        Assert.Equal(73.9, Math.Round(interval.Value.Lower * 100, 1));
        Assert.Equal(85.0, Math.Round(interval.Value.Upper * 100, 1));
        Assert.Equal(0.7391436039, interval.Value.Lower, 1e-9);
        Assert.Equal(0.8495487926, interval.Value.Upper, 1e-9);
    }

    [Fact]
    public void Wilson_of_n_0_is_null()
    {
        Assert.Null(Proportion.Wilson(0, 0));
    }

    // Wilson with x = 0 has lower bound exactly 0 and upper z²/(n + z²) = 3.8416/13.8416 = 0.27754.
    [Fact]
    public void Wilson_of_0_out_of_10_starts_at_0()
    {
        var interval = Proportion.Wilson(0, 10)!.Value;

        Assert.Equal(0.0, interval.Lower);
        Assert.Equal(3.8416 / 13.8416, interval.Upper, 1e-12);
    }

    [Fact]
    public void Successes_above_n_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportion.Wilson(11, 10));
    }

    [Fact]
    public void Estimate_carries_counts_value_and_interval()
    {
        var estimate = Proportion.Estimate(160, 200);

        Assert.Equal(160, estimate.Successes);
        Assert.Equal(200, estimate.N);
        Assert.Equal(0.8, estimate.Value);
        Assert.Equal(Proportion.Wilson(160, 200), estimate.Interval);
    }

    [Fact]
    public void WilsonFromShare_with_a_whole_effective_n_equals_the_count_version()
    {
        Assert.Equal(Proportion.Wilson(160, 200), Proportion.WilsonFromShare(0.8, 200));
    }

    // 160/200 vs 140/200: P = 0.75, z = 0.1/√(0.75·0.25·0.01)·√(399/400) = 2.309401·0.998749 = 2.306513;
    // p = 0.021082 (mpmath).
    [Fact]
    public void N_minus_1_two_proportion_test_of_80_vs_70_percent()
    {
        var comparison = Proportion.Compare(160, 200, 140, 200);

        Assert.NotNull(comparison);
        Assert.Equal(0.1, comparison.Difference, 1e-12);
        Assert.Equal(2.3065125189, comparison.Z, 1e-9);
        Assert.Equal(0.0210820114, comparison.PValue, 1e-9);
        Assert.True(comparison.Significant);
    }

    [Fact]
    public void Two_proportion_test_of_identical_all_success_groups_is_z_0()
    {
        var comparison = Proportion.Compare(50, 50, 40, 40);

        Assert.NotNull(comparison);
        Assert.Equal(0.0, comparison.Z);
        Assert.Equal(1.0, comparison.PValue, 1e-15);
        Assert.False(comparison.Significant);
    }

    [Fact]
    public void Two_proportion_test_with_an_empty_group_is_null()
    {
        Assert.Null(Proportion.Compare(1, 2, 0, 0));
    }

    [Fact]
    public void Two_proportion_test_is_not_significant_below_30_per_group()
    {
        var comparison = Proportion.Compare(20, 20, 0, 20);

        Assert.NotNull(comparison);
        Assert.True(comparison.Z > 1.96);
        Assert.False(comparison.Significant);
    }
}
