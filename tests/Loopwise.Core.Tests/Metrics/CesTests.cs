using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Metrics;

public class CesTests
{
    // ces_effort_1_5, counts (4, 3, 1, 1, 1), n = 10:
    // Σx = 4 + 6 + 3 + 4 + 5 = 22 → mean 2.2; Σx² = 4 + 12 + 9 + 16 + 25 = 66;
    // s² = (66 − 22²/10)/9 = 17.6/9 = 1.955556, s = 1.398412; t(9, .975) = 2.262157;
    // half-width = 2.262157·1.398412/√10 = 1.000364.
    // % low effort = {1, 2} = 7/10; Wilson (z = 1.959964) [0.396778, 0.892209].
    // Ease = 100 − (2.2 − 1)/4·100 = 70.
    [Fact]
    public void Ces_on_the_effort_scale()
    {
        var result = Ces.Compute(ScaleCounts.FromCounts(Scales.CesEffort, 4, 3, 1, 1, 1));

        Assert.Equal(ScalePolarity.LowerIsBetter, result.Polarity);
        Assert.Equal(10, result.N);
        Assert.Equal(2.2, result.Mean.Mean!.Value, 1e-12);
        Assert.Equal(1.3984117976, result.Mean.StandardDeviation!.Value, 1e-9);
        Assert.Equal(1.0003635368, result.Mean.Interval!.Value.HalfWidth, 1e-8);
        Assert.Equal(0.7, result.Favourable.Value);
        Assert.Equal(0.3967781475, result.Favourable.Interval!.Value.Lower, 1e-8);
        Assert.Equal(0.8922087326, result.Favourable.Interval!.Value.Upper, 1e-8);
        Assert.Equal(70.0, result.Ease!.Value, 1e-12);
        Assert.Equal(SampleBase.Low, result.SampleBase);
    }

    // ces_agree_1_7, counts (1, 0, 1, 2, 2, 3, 1), n = 10:
    // Σx = 1 + 0 + 3 + 8 + 10 + 18 + 7 = 47 → mean 4.7; Σx² = 1 + 0 + 9 + 32 + 50 + 108 + 49 = 249;
    // s² = (249 − 47²/10)/9 = 28.1/9 = 3.122222, s = 1.766981; half-width = 2.262157·1.766981/√10 = 1.264022.
    // % easy = {5, 6, 7} = 6/10; Wilson [0.312674, 0.831820]. Ease = (4.7 − 1)/6·100 = 61.667.
    [Fact]
    public void Ces_on_the_agreement_scale()
    {
        var result = Ces.Compute(ScaleCounts.FromCounts(Scales.CesAgree, 1, 0, 1, 2, 2, 3, 1));

        Assert.Equal(ScalePolarity.HigherIsBetter, result.Polarity);
        Assert.Equal(4.7, result.Mean.Mean!.Value, 1e-12);
        Assert.Equal(1.7669811041, result.Mean.StandardDeviation!.Value, 1e-9);
        Assert.Equal(1.2640221355, result.Mean.Interval!.Value.HalfWidth, 1e-8);
        Assert.Equal(0.6, result.Favourable.Value);
        Assert.Equal(0.3126737697, result.Favourable.Interval!.Value.Lower, 1e-8);
        Assert.Equal(0.8318196703, result.Favourable.Interval!.Value.Upper, 1e-8);
        Assert.Equal(370.0 / 6.0, result.Ease!.Value, 1e-12);
    }

    [Fact]
    public void Ces_of_no_answers_is_null()
    {
        var result = Ces.Compute(new ScaleCounts(Scales.CesEffort));

        Assert.Null(result.Mean.Mean);
        Assert.Null(result.Favourable.Value);
        Assert.Null(result.Ease);
    }

    [Fact]
    public void Comparing_the_two_ces_scales_is_refused()
    {
        var effort = ScaleCounts.FromCounts(Scales.CesEffort, 4, 3, 1, 1, 1);
        var agree = ScaleCounts.FromCounts(Scales.CesAgree, 1, 0, 1, 2, 2, 3, 1);

        Assert.Throws<ArgumentException>(() => Ces.Compare(effort, agree));
        Assert.Throws<ArgumentException>(() => ScaleCounts.Merge(effort, agree));
    }

    // 7/10 low effort against 3/10: P = 0.5, z = 0.4/√(0.25·0.2)·√(19/20) = 1.788854·0.974679 = 1.743560.
    [Fact]
    public void Comparing_two_groups_on_the_same_scale_tests_the_favourable_shares()
    {
        var a = ScaleCounts.FromCounts(Scales.CesEffort, 4, 3, 1, 1, 1);
        var b = ScaleCounts.FromCounts(Scales.CesEffort, 1, 2, 3, 2, 2);

        var comparison = Ces.Compare(a, b);

        Assert.NotNull(comparison);
        Assert.Equal(0.4, comparison.Difference, 1e-12);
        Assert.Equal(0.4 / Math.Sqrt(0.05) * Math.Sqrt(0.95), comparison.Z, 1e-12);
        Assert.False(comparison.Significant);
    }
}
