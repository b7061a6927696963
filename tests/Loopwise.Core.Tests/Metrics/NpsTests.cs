using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Metrics;

public class NpsTests
{
    private static readonly NpsCounts Vector = new(100, 40, 60);

    // cx-reference.md §1 test vector: P=100, A=40, D=60 → NPS 20, Var 0.76, SE 6.16 pts,
    // Wald [7.9, 32.1], adjusted-Wald [7.7, 31.7].
    [Fact]
    public void Nps_of_100_40_60_is_20_with_reference_variance_and_intervals()
    {
        var result = Nps.Compute(Vector);

        Assert.Equal(200, result.N);
        Assert.Equal(0.20, result.Score!.Value, 1e-12);
        Assert.Equal(0.76, result.Variance!.Value, 1e-12);
        Assert.Equal(6.16, Math.Round(result.StandardError!.Value * 100, 2));
        Assert.Equal(7.9, Math.Round(result.WaldInterval!.Value.Lower * 100, 1));
        Assert.Equal(32.1, Math.Round(result.WaldInterval!.Value.Upper * 100, 1));
        Assert.Equal(7.7, Math.Round(result.AdjustedWaldInterval!.Value.Lower * 100, 1));
        Assert.Equal(31.7, Math.Round(result.AdjustedWaldInterval!.Value.Upper * 100, 1));
        Assert.Equal(SampleBase.Ok, result.SampleBase);
    }

    [Fact]
    public void Default_interval_is_the_adjusted_wald_interval()
    {
        var result = Nps.Compute(Vector);

        Assert.Equal(result.AdjustedWaldInterval, result.Interval);
    }

    // n' = 203, p' = 100.75/203, d' = 60.75/203, NPS' = 40/203 = 0.197044.
    [Fact]
    public void Adjusted_score_of_100_40_60_is_40_over_203()
    {
        var result = Nps.Compute(Vector);

        Assert.Equal(40.0 / 203.0, result.AdjustedScore!.Value, 1e-12);
    }

    // cx-reference.md §1 edge vector: P=10 → Wald SE 0; NPS' 76.9, interval clamps to [47.5, 100].
    [Fact]
    public void Nps_of_ten_promoters_and_no_detractors_is_100_with_a_clamped_adjusted_interval()
    {
        var result = Nps.Compute(new NpsCounts(10, 0, 0));

        Assert.Equal(1.0, result.Score);
        Assert.Equal(0.0, result.StandardError);
        Assert.Equal(76.9, Math.Round(result.AdjustedScore!.Value * 100, 1));
        Assert.Equal(47.5, Math.Round(result.Interval!.Value.Lower * 100, 1));
        Assert.Equal(1.0, result.Interval!.Value.Upper);
        Assert.Equal(SampleBase.Low, result.SampleBase);
    }

    [Fact]
    public void Nps_of_only_passives_is_0_not_null()
    {
        var result = Nps.Compute(new NpsCounts(0, 25, 0));

        Assert.Equal(0.0, result.Score);
        Assert.Equal(0.0, result.Variance);
    }

    [Fact]
    public void Nps_of_no_answers_is_null()
    {
        var result = Nps.Compute(new NpsCounts(0, 0, 0));

        Assert.Equal(0, result.N);
        Assert.Null(result.Score);
        Assert.Null(result.Variance);
        Assert.Null(result.StandardError);
        Assert.Null(result.WaldInterval);
        Assert.Null(result.AdjustedScore);
        Assert.Null(result.Interval);
        Assert.Equal(SampleBase.None, result.SampleBase);
    }

    [Fact]
    public void Nps_of_all_detractors_is_minus_1_and_interval_clamps_at_minus_1()
    {
        var result = Nps.Compute(new NpsCounts(0, 0, 10));

        Assert.Equal(-1.0, result.Score);
        Assert.Equal(-1.0, result.Interval!.Value.Lower);
    }

    // SE = √(0.76/200)·√((1000 − 200)/(1000 − 1)) = 0.061644·0.894875 = 0.055164.
    [Fact]
    public void Finite_population_correction_shrinks_the_standard_error()
    {
        var result = Nps.Compute(Vector, populationSize: 1000);

        Assert.Equal(0.0551637838, result.StandardError!.Value, 1e-9);
    }

    [Fact]
    public void Finite_population_correction_of_a_census_is_zero_width()
    {
        var result = Nps.Compute(Vector, populationSize: 200);

        Assert.Equal(0.0, result.StandardError);
        Assert.Equal(0.0, result.Interval!.Value.Width);
    }

    [Fact]
    public void Finite_population_smaller_than_n_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Nps.Compute(Vector, populationSize: 199));
    }

    // cx-reference.md §1 comparison vector: (100, 40, 60) vs (60, 70, 70), +20 vs −5 → z ≈ 2.96, significant.
    [Fact]
    public void Comparison_of_plus_20_and_minus_5_gives_z_2_96_and_is_significant()
    {
        var comparison = Nps.Compare(Vector, new NpsCounts(60, 70, 70));

        Assert.NotNull(comparison);
        Assert.Equal(2.96, Math.Round(comparison.Z, 2));
        Assert.Equal(0.00304, comparison.PValue, 1e-5);
        Assert.True(comparison.Significant);
    }

    [Fact]
    public void Comparison_is_not_significant_when_a_group_has_fewer_than_30_answers()
    {
        // +20 against -100: a huge z, but the second group has a low base (n = 20).
        var comparison = Nps.Compare(new NpsCounts(1000, 400, 600), new NpsCounts(0, 0, 20));

        Assert.NotNull(comparison);
        Assert.True(comparison.Z > 1.96);
        Assert.False(comparison.Significant);
    }

    [Fact]
    public void Comparison_with_an_empty_group_is_null()
    {
        Assert.Null(Nps.Compare(Vector, default));
    }

    [Fact]
    public void Counts_come_from_a_0_to_10_scale()
    {
        var scale = ScaleCounts.FromCounts(Scales.Nps, 1, 0, 0, 0, 0, 2, 3, 4, 5, 6, 7);

        var counts = NpsCounts.FromScale(scale);

        Assert.Equal(new NpsCounts(13, 9, 6), counts);
    }

    [Fact]
    public void Counts_from_a_1_to_10_scale_are_not_nps()
    {
        var scale = new ScaleCounts(Scales.Rating10);

        Assert.Throws<ArgumentException>(() => NpsCounts.FromScale(scale));
    }

    [Fact]
    public void Negative_counts_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NpsCounts(1, -1, 0));
    }

    [Fact]
    public void Counts_of_two_segments_add_up()
    {
        Assert.Equal(new NpsCounts(160, 110, 130), Vector + new NpsCounts(60, 70, 70));
    }
}
