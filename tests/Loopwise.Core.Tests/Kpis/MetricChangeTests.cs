using Loopwise.Core.Kpis;
using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Kpis;

public class MetricChangeTests
{
    // cx-reference.md §1 vector: (100, 40, 60) against (60, 70, 70), +20 against −5, gives z ≈ 2.96, significant.
    [Fact]
    public void Nps_rising_from_minus_5_to_plus_20_is_significant_with_an_up_arrow()
    {
        var change = MetricChange.ForNps(KpiCatalog.Get(KpiId.Nps), new NpsCounts(60, 70, 70), new NpsCounts(100, 40, 60));

        Assert.Equal(MetricChangeTest.NpsDifference, change.Test);
        Assert.Equal(-0.05, change.Previous!.Value, 1e-12);
        Assert.Equal(0.20, change.Current!.Value, 1e-12);
        Assert.Equal(0.25, change.Delta!.Value, 1e-12);
        Assert.Equal(2.96, Math.Round(change.Statistic!.Value, 2));
        Assert.Equal(2.9636916240, change.Statistic.Value, 1e-9);
        Assert.Equal(0.0030397274, change.PValue!.Value, 1e-9);
        Assert.True(change.Significant);
        Assert.Equal(MetricChangeArrow.Up, change.Arrow);
        Assert.Equal(MetricChangeVerdict.Better, change.Verdict);
    }

    [Fact]
    public void Nps_falling_the_same_amount_gets_a_down_arrow_and_is_worse()
    {
        var change = MetricChange.ForNps(KpiCatalog.Get(KpiId.Nps), new NpsCounts(100, 40, 60), new NpsCounts(60, 70, 70));

        Assert.Equal(-2.9636916240, change.Statistic!.Value, 1e-9);
        Assert.Equal(MetricChangeArrow.Down, change.Arrow);
        Assert.Equal(MetricChangeVerdict.Worse, change.Verdict);
    }

    // N − 1 chi-square, hand-computed on the 2×2 table current 120/150 vs previous 100/150:
    // ad − bc = 120·50 − 30·100 = 3000; rows 150, 150; columns 220 resolved, 80 not; N = 300;
    // χ² = (N − 1)(ad − bc)²/(m·n·r·s) = 299·9·10⁶/(150·150·220·80) = 6.7954545; z = √χ² = 2.6068093;
    // p = 2·(1 − Φ(2.6068093)) = 0.0091390 (mpmath).
    [Fact]
    public void Fcr_change_uses_the_n_minus_1_two_proportion_test()
    {
        var change = MetricChange.ForProportion(KpiCatalog.Get(KpiId.Fcr), 100, 150, 120, 150);

        Assert.Equal(MetricChangeTest.TwoProportion, change.Test);
        Assert.Equal(0.8 - (100.0 / 150.0), change.Delta!.Value, 1e-12);
        Assert.Equal(6.7954545455, change.Statistic!.Value * change.Statistic.Value, 1e-9);
        Assert.Equal(2.6068092653, change.Statistic.Value, 1e-9);
        Assert.Equal(0.0091390252, change.PValue!.Value, 1e-9);
        Assert.Equal(MetricChangeArrow.Up, change.Arrow);
        Assert.Equal(MetricChangeVerdict.Better, change.Verdict);
    }

    [Fact]
    public void Rising_abandonment_is_worse()
    {
        var change = MetricChange.ForRate(KpiCatalog.Get(KpiId.AbandonmentRate), new Rate(100, 1000), new Rate(160, 1000));

        Assert.Equal(MetricChangeArrow.Up, change.Arrow);
        Assert.Equal(MetricChangeVerdict.Worse, change.Verdict);
    }

    [Fact]
    public void Significant_change_with_a_base_below_30_gets_no_arrow()
    {
        var change = MetricChange.ForProportion(KpiCatalog.Get(KpiId.CsatPct), 2, 29, 28, 29);

        Assert.True(change.PValue < 1e-6);
        Assert.False(change.Significant);
        Assert.Equal(MetricChangeArrow.None, change.Arrow);
        Assert.Equal(MetricChangeVerdict.NotSignificant, change.Verdict);
    }

    // Welch, same numbers as MeanComparisonTests: t = 2.2541741, ν = 86.52, p = 0.0267.
    [Fact]
    public void Falling_first_response_time_is_better()
    {
        var change = MetricChange.ForMeanMoments(KpiCatalog.Get(KpiId.FirstResponseTime), 50, 225, 1071.79, 40, 160, 679);

        Assert.Equal(MetricChangeTest.Welch, change.Test);
        Assert.Equal(-0.5, change.Delta!.Value, 1e-12);
        Assert.Equal(-2.2541740867, change.Statistic!.Value, 1e-8);
        Assert.Equal(86.5210231150, change.DegreesOfFreedom!.Value, 1e-6);
        Assert.Equal(MetricChangeArrow.Down, change.Arrow);
        Assert.Equal(MetricChangeVerdict.Better, change.Verdict);
    }

    [Fact]
    public void Ces_mean_change_takes_mean_estimates_from_counts()
    {
        var before = MeanEstimate.FromCounts(ScaleCounts.FromCounts(Scales.CesEffort, 10, 10, 20, 80, 80));
        var after = MeanEstimate.FromCounts(ScaleCounts.FromCounts(Scales.CesEffort, 80, 80, 20, 10, 10));

        var change = MetricChange.ForMean(KpiCatalog.Get(KpiId.CesEffortMean), before, after);

        Assert.Equal(1.95 - 4.05, change.Delta!.Value, 1e-12);
        Assert.Equal(MetricChangeVerdict.Better, change.Verdict);
    }

    [Fact]
    public void Median_change_is_not_tested_and_never_gets_an_arrow()
    {
        var change = MetricChange.Untested(KpiCatalog.Get(KpiId.FirstResponseTimeMedian), 3.0, 500, 1.0, 500);

        Assert.Equal(-2.0, change.Delta);
        Assert.Equal(MetricChangeArrow.None, change.Arrow);
        Assert.Equal(MetricChangeVerdict.NotTested, change.Verdict);
    }

    [Fact]
    public void Empty_period_has_no_data()
    {
        var change = MetricChange.ForProportion(KpiCatalog.Get(KpiId.CsatPct), 0, 0, 40, 50);

        Assert.Null(change.Delta);
        Assert.Null(change.PValue);
        Assert.Equal(MetricChangeVerdict.NoData, change.Verdict);
    }

    [Fact]
    public void Wrong_test_for_the_kpi_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => MetricChange.ForProportion(KpiCatalog.Get(KpiId.Nps), 1, 2, 1, 2));
    }
}
