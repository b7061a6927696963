using Loopwise.Core.Kpis;
using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Kpis;

public class MeanComparisonTests
{
    // Hand-computed: s₁²/n₁ = 4/10 = 0.4, s₂²/n₂ = 9/12 = 0.75, SE = √1.15 = 1.0723805;
    // t = 1.5/1.0723805 = 1.3987572; ν = 1.15²/(0.4²/9 + 0.75²/11) = 1.3225/0.0689141 = 19.190546;
    // p = 2·P(T₁₉.₁₉ ≥ 1.3988) = 0.1778398 (mpmath incomplete beta).
    [Fact]
    public void Welch_of_10_at_5_var_4_against_12_at_3_5_var_9()
    {
        var result = MeanComparison.Welch(10, 5.0, 4.0, 12, 3.5, 9.0);

        Assert.NotNull(result);
        Assert.Equal(1.5, result.Difference, 1e-12);
        Assert.Equal(Math.Sqrt(1.15), result.StandardError, 1e-12);
        Assert.Equal(1.3987572124, result.T, 1e-9);
        Assert.Equal(19.1905459875, result.DegreesOfFreedom, 1e-9);
        Assert.Equal(0.1778398484, result.PValue, 1e-8);
        Assert.False(result.Significant);
    }

    // n = 50, mean 4.5, s² = 1.21 → Σx = 225, Σx² = 1.21·49 + 225²/50 = 1071.79;
    // n = 40, mean 4.0, s² = 1 → Σx = 160, Σx² = 39 + 640 = 679.
    // t = 0.5/√(0.0242 + 0.025) = 2.2541741, ν = 86.521023, p = 0.0267114 (mpmath).
    [Fact]
    public void Welch_from_sufficient_statistics_equals_welch_from_mean_and_variance()
    {
        var result = MeanComparison.WelchFromMoments(50, 225, 1071.79, 40, 160, 679);

        Assert.NotNull(result);
        Assert.Equal(2.2541740867, result.T, 1e-8);
        Assert.Equal(86.5210231150, result.DegreesOfFreedom, 1e-6);
        Assert.Equal(0.0267113678, result.PValue, 1e-8);
        Assert.True(result.Significant);
    }

    [Fact]
    public void Welch_needs_two_answers_per_group()
    {
        Assert.Null(MeanComparison.Welch(1, 3.0, 0.0, 40, 4.0, 1.0));
    }

    [Fact]
    public void Significant_needs_both_groups_at_30_or_more()
    {
        var result = MeanComparison.Welch(29, 5.0, 1.0, 100, 3.0, 1.0);

        Assert.NotNull(result);
        Assert.True(result.PValue < 1e-6);
        Assert.False(result.Significant);
    }

    [Fact]
    public void Constant_groups_with_equal_means_have_p_1()
    {
        var result = MeanComparison.Welch(40, 2.0, 0.0, 40, 2.0, 0.0);

        Assert.NotNull(result);
        Assert.Equal(0.0, result.T);
        Assert.Equal(1.0, result.PValue);
    }

    [Fact]
    public void Welch_from_estimates_uses_their_sample_variance()
    {
        var a = MeanEstimate.FromMoments(50, 225, 1071.79);
        var b = MeanEstimate.FromMoments(40, 160, 679);

        Assert.Equal(MeanComparison.WelchFromMoments(50, 225, 1071.79, 40, 160, 679)!.T, MeanComparison.Welch(a, b)!.T, 1e-12);
    }
}
