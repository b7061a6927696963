using Loopwise.Core.Kpis;

namespace Loopwise.Core.Tests.Kpis;

// cx-reference.md §10 status_rule, with the shipped defaults: values are passed in internal units.
public class KpiStatusRuleTests
{
    private static KpiStatus Status(KpiId id, double? value, long n = 100) =>
        KpiStatusRule.EvaluateDefault(KpiCatalog.Get(id), value, n).Status;

    [Theory]
    [InlineData(0.50, KpiStatus.OnTarget)] // exactly at ">= 50"
    [InlineData(0.62, KpiStatus.OnTarget)]
    [InlineData(0.49, KpiStatus.Watch)] // "below target": no action threshold for relationship metrics
    [InlineData(-0.80, KpiStatus.Watch)]
    public void Nps_meets_target_at_50_points_or_is_below_target(double nps, KpiStatus expected)
    {
        Assert.Equal(expected, Status(KpiId.Nps, nps));
    }

    [Theory]
    [InlineData(1.99, KpiStatus.OnTarget)]
    [InlineData(2.0, KpiStatus.Watch)] // exactly at "< 2.0" does not meet it
    [InlineData(4.5, KpiStatus.Watch)]
    public void Ces_effort_is_lower_is_better_with_a_strict_target(double mean, KpiStatus expected)
    {
        Assert.Equal(expected, Status(KpiId.CesEffortMean, mean));
    }

    [Theory]
    [InlineData(0.80, KpiStatus.OnTarget)]
    [InlineData(0.7999, KpiStatus.Watch)]
    public void Csat_pct_is_on_target_from_80_percent(double share, KpiStatus expected)
    {
        Assert.Equal(expected, Status(KpiId.CsatPct, share));
    }

    [Theory]
    [InlineData(0.75, KpiStatus.OnTarget)]
    [InlineData(0.70, KpiStatus.OnTarget)] // between 70-75 counts as met from 70
    [InlineData(0.90, KpiStatus.OnTarget)] // above the range is better still
    [InlineData(0.6999, KpiStatus.Watch)]
    [InlineData(0.65, KpiStatus.Watch)] // exactly at "< 65" does not cross it
    [InlineData(0.6499, KpiStatus.Action)]
    public void Fcr_uses_the_between_benchmark_and_the_action_threshold(double rate, KpiStatus expected)
    {
        Assert.Equal(expected, Status(KpiId.Fcr, rate));
    }

    [Fact]
    public void Fcr_of_13_out_of_20_is_exactly_at_65_and_not_red()
    {
        Assert.Equal(KpiStatus.Watch, Status(KpiId.Fcr, 13.0 / 20.0));
    }

    [Theory]
    [InlineData(1.5, KpiStatus.OnTarget)]
    [InlineData(2.0, KpiStatus.Watch)] // exactly at "< 2"
    [InlineData(4.0, KpiStatus.Watch)] // exactly at "> 4"
    [InlineData(4.01, KpiStatus.Action)]
    public void First_response_time_is_lower_is_better_with_benchmark_and_action(double hours, KpiStatus expected)
    {
        Assert.Equal(expected, Status(KpiId.FirstResponseTime, hours));
    }

    [Theory]
    [InlineData(0.0999, KpiStatus.OnTarget)]
    [InlineData(0.10, KpiStatus.Watch)]
    [InlineData(0.15, KpiStatus.Watch)]
    [InlineData(0.1501, KpiStatus.Action)]
    public void Abandonment_rate_goes_red_above_15_percent(double rate, KpiStatus expected)
    {
        Assert.Equal(expected, Status(KpiId.AbandonmentRate, rate));
    }

    [Theory]
    [InlineData(0.85, KpiStatus.OnTarget)]
    [InlineData(0.80, KpiStatus.Watch)]
    [InlineData(0.7999, KpiStatus.Action)]
    public void Completion_rate_goes_red_below_80_percent(double rate, KpiStatus expected)
    {
        Assert.Equal(expected, Status(KpiId.CompletionRate, rate));
    }

    [Theory]
    [InlineData(29, KpiStatus.LowBase)]
    [InlineData(30, KpiStatus.OnTarget)]
    [InlineData(0, KpiStatus.NoData)]
    public void Nps_below_min_n_30_is_grey(long n, KpiStatus expected)
    {
        Assert.Equal(expected, Status(KpiId.Nps, 0.6, n));
    }

    [Fact]
    public void Missing_value_is_no_data()
    {
        Assert.Equal(KpiStatus.NoData, Status(KpiId.Fcr, null));
    }

    [Fact]
    public void Fcr_has_no_min_n_so_a_small_base_is_still_rated()
    {
        Assert.Equal(KpiStatus.Action, Status(KpiId.Fcr, 0.5, n: 4));
    }

    [Fact]
    public void Disabled_ces2_entry_and_business_metrics_have_no_target()
    {
        Assert.Equal(KpiStatus.NoTarget, Status(KpiId.Ces2EaseMean, 6.0));
        Assert.Equal(KpiStatus.NoTarget, Status(KpiId.ChurnRate, 0.02));
    }

    [Fact]
    public void Result_carries_the_display_value_and_the_deciding_threshold()
    {
        var result = KpiStatusRule.EvaluateDefault(KpiCatalog.Get(KpiId.Fcr), 0.6, 200);

        Assert.Equal(60.0, result.Value);
        Assert.Equal(200, result.N);
        Assert.Equal(KpiThreshold.Is(ThresholdOperator.LessThan, 65), result.Threshold);
    }

    [Fact]
    public void Between_benchmark_on_a_lower_is_better_metric_is_met_up_to_its_high_end()
    {
        var target = new KpiTarget(KpiId.AbandonmentRate, Benchmark: KpiThreshold.Between(5, 8));
        var definition = KpiCatalog.Get(KpiId.AbandonmentRate);

        Assert.Equal(KpiStatus.OnTarget, KpiStatusRule.Evaluate(definition, target, 0.08, 100).Status);
        Assert.Equal(KpiStatus.Watch, KpiStatusRule.Evaluate(definition, target, 0.0801, 100).Status);
    }

    [Fact]
    public void Target_for_another_kpi_is_rejected()
    {
        Assert.Throws<ArgumentException>(() =>
            KpiStatusRule.Evaluate(KpiCatalog.Get(KpiId.Nps), DefaultTargets.Find(KpiId.Fcr), 0.5, 100));
    }

    [Theory]
    [InlineData(KpiStatus.OnTarget, "green")]
    [InlineData(KpiStatus.Watch, "amber")]
    [InlineData(KpiStatus.Action, "red")]
    [InlineData(KpiStatus.LowBase, "grey")]
    public void Status_colours_follow_the_yaml_rule(KpiStatus status, string colour)
    {
        Assert.Equal(colour, status.ToColor());
    }

    [Fact]
    public void Watch_without_an_action_threshold_reads_below_target()
    {
        Assert.Equal("below target", KpiStatus.Watch.ToLabel(hasActionThreshold: false));
        Assert.Equal("watch", KpiStatus.Watch.ToLabel());
    }
}
