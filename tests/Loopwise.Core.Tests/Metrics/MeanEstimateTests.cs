using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Metrics;

public class MeanEstimateTests
{
    // Same CSAT vector as sums: n = 200, Σx = 810, Σx² = 3510 (cx-reference.md §2).
    [Fact]
    public void FromMoments_matches_FromCounts()
    {
        var fromCounts = MeanEstimate.FromCounts(ScaleCounts.FromCounts(Scales.Csat, 10, 10, 20, 80, 80));

        var fromMoments = MeanEstimate.FromMoments(200, 810, 3510);

        Assert.Equal(fromCounts.Mean!.Value, fromMoments.Mean!.Value, 1e-12);
        Assert.Equal(fromCounts.Interval!.Value.Lower, fromMoments.Interval!.Value.Lower, 1e-12);
        Assert.Equal(fromCounts.Interval!.Value.Upper, fromMoments.Interval!.Value.Upper, 1e-12);
    }

    // n = 2, answers 1 and 3: mean 2, s = √2, SE = 1, t(1, .975) = 12.7062 → [−10.7062, 14.7062].
    [Fact]
    public void Two_answers_use_the_one_df_t_quantile()
    {
        var estimate = MeanEstimate.FromMoments(2, 4, 10);

        Assert.Equal(Math.Sqrt(2), estimate.StandardDeviation!.Value, 1e-12);
        Assert.Equal(1.0, estimate.StandardError!.Value, 1e-12);
        Assert.Equal(12.706204736, estimate.Interval!.Value.HalfWidth, 1e-8);
    }

    [Fact]
    public void A_confidence_outside_0_and_1_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanEstimate.FromMoments(10, 30, 100, 1.0));
    }
}
