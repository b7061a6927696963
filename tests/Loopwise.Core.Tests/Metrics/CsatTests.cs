using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Metrics;

public class CsatTests
{
    // cx-reference.md §2 vectors: counts (10, 10, 20, 80, 80) → mean 4.05, s = 1.074, CI ±0.150;
    // favourable {4, 5} = 160/200 → 80%, Wilson CI [73.9%, 85.0%].
    [Fact]
    public void Csat_of_the_reference_counts()
    {
        var result = Csat.Compute(ScaleCounts.FromCounts(Scales.Csat, 10, 10, 20, 80, 80));

        Assert.Equal(200, result.N);
        Assert.Equal(0.8, result.Favourable.Value);
        Assert.Equal(73.9, Math.Round(result.Favourable.Interval!.Value.Lower * 100, 1));
        Assert.Equal(85.0, Math.Round(result.Favourable.Interval!.Value.Upper * 100, 1));
        Assert.Equal(4.05, result.Mean.Mean!.Value, 1e-12);
        Assert.Equal(1.074, Math.Round(result.Mean.StandardDeviation!.Value, 3));
        Assert.Equal(0.150, Math.Round(result.Mean.Interval!.Value.HalfWidth, 3));
        Assert.Equal(4.05, result.Mean.Interval!.Value.Midpoint, 1e-12);
        Assert.Equal(SampleBase.Ok, result.SampleBase);
    }

    // t(199, 0.975) = 1.971957 and s/√n = 1.073902/√200 = 0.075937 → ±0.149743 (mpmath).
    [Fact]
    public void Csat_mean_interval_uses_the_t_quantile()
    {
        var result = Csat.Compute(ScaleCounts.FromCounts(Scales.Csat, 10, 10, 20, 80, 80));

        Assert.Equal(0.1497432136, result.Mean.Interval!.Value.HalfWidth, 1e-9);
    }

    [Fact]
    public void Csat_of_no_answers_is_null()
    {
        var result = Csat.Compute(new ScaleCounts(Scales.Csat));

        Assert.Null(result.Favourable.Value);
        Assert.Null(result.Favourable.Interval);
        Assert.Null(result.Mean.Mean);
        Assert.Null(result.Mean.Interval);
        Assert.Equal(SampleBase.None, result.SampleBase);
    }

    [Fact]
    public void Csat_uses_the_favourable_set_of_the_scale()
    {
        // On 1–10 the favourable set is {9, 10}: 3 of 4 answers.
        var result = Csat.Compute(ScaleCounts.FromValues(Scales.Rating10, [9, 10, 10, 8]));

        Assert.Equal(0.75, result.Favourable.Value);
    }

    [Fact]
    public void Comparing_csat_across_scales_is_refused()
    {
        Assert.Throws<ArgumentException>(
            () => Csat.Compare(new ScaleCounts(Scales.Csat), new ScaleCounts(Scales.Rating10)));
    }
}
