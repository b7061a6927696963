using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Metrics;

public class ScaleCountsTests
{
    // cx-reference.md §2 CSAT vector: counts (10, 10, 20, 80, 80) on 1–5.
    private static ScaleCounts CsatVector() => ScaleCounts.FromCounts(Scales.Csat, 10, 10, 20, 80, 80);

    // Σx = 10 + 20 + 60 + 320 + 400 = 810; Σx² = 10 + 40 + 180 + 1280 + 2000 = 3510;
    // s² = (3510 − 810²/200)/199 = 229.5/199 = 1.153266.
    [Fact]
    public void Sufficient_statistics_of_the_csat_vector()
    {
        var counts = CsatVector();

        Assert.Equal(200, counts.N);
        Assert.Equal(810, counts.Sum);
        Assert.Equal(3510, counts.SumOfSquares);
        Assert.Equal(4.05, counts.Mean!.Value, 1e-12);
        Assert.Equal(229.5 / 199.0, counts.SampleVariance!.Value, 1e-12);
        Assert.Equal(1.074, Math.Round(counts.SampleStandardDeviation!.Value, 3));
        Assert.Equal(160, counts.FavourableCount);
    }

    [Fact]
    public void Add_counts_answers_by_value()
    {
        var counts = new ScaleCounts(Scales.CesAgree);

        counts.Add(7);
        counts.Add(7, 4);
        counts.Add(1, 2);

        Assert.Equal(5, counts[7]);
        Assert.Equal(2, counts[1]);
        Assert.Equal(new long[] { 2, 0, 0, 0, 0, 0, 5 }, counts.Counts);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void Values_outside_the_scale_are_rejected(int value)
    {
        var counts = new ScaleCounts(Scales.Csat);

        Assert.Throws<ArgumentOutOfRangeException>(() => counts.Add(value));
    }

    [Fact]
    public void Negative_counts_are_rejected()
    {
        var counts = new ScaleCounts(Scales.Csat);

        Assert.Throws<ArgumentOutOfRangeException>(() => counts.Add(3, -1));
    }

    [Fact]
    public void Remove_undoes_add_and_cannot_go_below_zero()
    {
        var counts = CsatVector();

        counts.Remove(5, 80);

        Assert.Equal(0, counts[5]);
        Assert.Throws<ArgumentOutOfRangeException>(() => counts.Remove(5));
    }

    [Fact]
    public void Empty_counts_have_null_mean_and_variance()
    {
        var counts = new ScaleCounts(Scales.Csat);

        Assert.Equal(0, counts.N);
        Assert.Null(counts.Mean);
        Assert.Null(counts.SampleVariance);
    }

    [Fact]
    public void A_single_answer_has_a_mean_but_no_variance()
    {
        var counts = ScaleCounts.FromValues(Scales.Csat, [4]);

        Assert.Equal(4.0, counts.Mean);
        Assert.Null(counts.SampleVariance);
    }

    [Fact]
    public void Merging_equals_counting_the_union()
    {
        var a = ScaleCounts.FromValues(Scales.Nps, [0, 6, 9, 10, 10]);
        var b = ScaleCounts.FromValues(Scales.Nps, [7, 8, 10]);

        var merged = ScaleCounts.Merge(a, b);

        var union = ScaleCounts.FromValues(Scales.Nps, [0, 6, 9, 10, 10, 7, 8, 10]);
        Assert.True(merged.HasSameCounts(union));
        Assert.Equal(5, a.N);
    }

    [Fact]
    public void Adding_counts_of_another_scale_is_refused()
    {
        var effort = new ScaleCounts(Scales.CesEffort);
        var csat = new ScaleCounts(Scales.Csat);

        Assert.Throws<ArgumentException>(() => effort.Add(csat));
        Assert.Throws<ArgumentException>(() => ScaleCounts.Merge(effort, csat));
    }

    [Fact]
    public void Scales_with_equal_content_are_the_same_scale()
    {
        var copy = Scales.Csat with { Favourable = [5, 4] };

        Assert.True(ScaleCounts.IsSameScale(Scales.Csat, copy));
        Assert.False(ScaleCounts.IsSameScale(Scales.Csat, Scales.Rating5));
    }

    [Fact]
    public void FromCounts_needs_one_count_per_scale_point()
    {
        Assert.Throws<ArgumentException>(() => ScaleCounts.FromCounts(Scales.Csat, 1, 2, 3));
    }

    [Fact]
    public void Clone_is_independent()
    {
        var original = CsatVector();

        var clone = original.Clone();
        clone.Add(1);

        Assert.Equal(200, original.N);
        Assert.Equal(201, clone.N);
    }

    [Fact]
    public void CountBetween_clips_to_the_scale()
    {
        var counts = CsatVector();

        Assert.Equal(40, counts.CountBetween(-5, 3));
        Assert.Equal(0, counts.CountBetween(6, 9));
    }
}
