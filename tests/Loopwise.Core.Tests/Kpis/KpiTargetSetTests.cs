using Loopwise.Core.Kpis;

namespace Loopwise.Core.Tests.Kpis;

public class KpiTargetSetTests
{
    private static KpiTarget Default(KpiId id) => DefaultTargets.Find(id)!;

    [Fact]
    public void Defaults_hold_every_yaml_entry_with_no_warnings()
    {
        var set = KpiTargetSet.Defaults;

        Assert.Equal(1, set.Version);
        Assert.Equal(DefaultTargets.All, set.Targets);
        Assert.Empty(set.Warnings);
    }

    [Fact]
    public void Override_replaces_its_default_and_keeps_the_others()
    {
        var stricter = Default(KpiId.Nps) with { Target = KpiThreshold.Is(ThresholdOperator.GreaterThanOrEqual, 60) };

        var result = KpiTargetSet.Merge([stricter]);

        Assert.True(result.IsValid);
        Assert.Equal(stricter, result.Set!.Find(KpiId.Nps));
        Assert.Equal(Default(KpiId.Fcr), result.Set.Find(KpiId.Fcr));
        Assert.Equal(DefaultTargets.All.Count, result.Set.Targets.Count);
        Assert.Equal(KpiStatus.Watch, result.Set.Evaluate(KpiCatalog.Get(KpiId.Nps), 0.55, 100).Status);
    }

    [Fact]
    public void Override_can_add_a_target_to_a_kpi_without_a_default()
    {
        var churn = new KpiTarget(KpiId.ChurnRate, Target: KpiThreshold.Is(ThresholdOperator.LessThan, 2),
            Action: KpiThreshold.Is(ThresholdOperator.GreaterThan, 5));

        var set = KpiTargetSet.Merge([churn]).Set!;

        Assert.Equal(churn, set.Targets[^1]);
        Assert.Equal(KpiStatus.Action, set.Evaluate(KpiCatalog.Get(KpiId.ChurnRate), 0.06, 1000).Status);
    }

    [Fact]
    public void Less_than_target_on_a_higher_is_better_metric_is_saved_with_a_warning()
    {
        var odd = new KpiTarget(KpiId.CsatPct, Target: KpiThreshold.Is(ThresholdOperator.LessThan, 90), MinN: 30);

        var result = KpiTargetSet.Merge([odd]);

        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Set!.Warnings);
        Assert.Equal(KpiTargetIssueSeverity.Warning, warning.Severity);
        Assert.Equal("csat_pct.target.op", warning.Path);
    }

    [Fact]
    public void Greater_than_target_on_a_lower_is_better_metric_warns()
    {
        var odd = new KpiTarget(KpiId.CesEffortMean, Target: KpiThreshold.Is(ThresholdOperator.GreaterThan, 2), ScaleId: "ces_effort_1_5");

        var issue = Assert.Single(KpiTargetValidator.Validate(KpiCatalog.Get(KpiId.CesEffortMean), odd));

        Assert.Equal(KpiTargetIssueSeverity.Warning, issue.Severity);
        Assert.Contains("lower is better", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ces_target_written_for_the_other_scale_is_refused()
    {
        var wrongScale = Default(KpiId.CesEffortMean) with
        {
            Target = KpiThreshold.Is(ThresholdOperator.GreaterThanOrEqual, 4.0),
            ScaleId = "ces_agree_1_7",
        };

        var result = KpiTargetSet.Merge([wrongScale]);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal("ces_effort_mean.scale", error.Path);
        Assert.Contains("ces_agree_1_7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Action_threshold_overlapping_the_benchmark_is_refused()
    {
        var overlapping = Default(KpiId.Fcr) with { Action = KpiThreshold.Is(ThresholdOperator.LessThan, 72) };

        var error = Assert.Single(KpiTargetSet.Merge([overlapping]).Errors);

        Assert.Equal("fcr.action", error.Path);
    }

    [Fact]
    public void Action_threshold_touching_the_target_boundary_is_allowed()
    {
        var touching = Default(KpiId.CompletionRate) with { Action = KpiThreshold.Is(ThresholdOperator.LessThan, 85) };

        Assert.True(KpiTargetSet.Merge([touching]).IsValid);
    }

    [Theory]
    [InlineData(150)]
    [InlineData(-101)]
    public void Nps_target_outside_minus_100_to_100_is_refused(double points)
    {
        var outside = Default(KpiId.Nps) with { Target = KpiThreshold.Is(ThresholdOperator.GreaterThanOrEqual, points) };

        var error = Assert.Single(KpiTargetSet.Merge([outside]).Errors);

        Assert.Equal("nps.target.value", error.Path);
    }

    [Fact]
    public void Between_as_an_action_threshold_and_reversed_ranges_are_refused()
    {
        var betweenAction = Default(KpiId.Fcr) with { Action = KpiThreshold.Between(50, 60) };
        var reversed = Default(KpiId.Fcr) with { Benchmark = KpiThreshold.Between(75, 70) };

        Assert.Equal("fcr.action.op", Assert.Single(KpiTargetSet.Merge([betweenAction]).Errors).Path);
        Assert.Equal("fcr.benchmark.low", Assert.Single(KpiTargetSet.Merge([reversed]).Errors).Path);
    }

    [Fact]
    public void Unknown_kpi_and_duplicate_overrides_are_refused()
    {
        var unknown = new KpiTarget(new KpiId("net_happiness"));
        var nps = Default(KpiId.Nps);

        var result = KpiTargetSet.Merge([unknown, nps, nps]);

        Assert.False(result.IsValid);
        Assert.Equal(["net_happiness.id", "nps.id"], result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Invalid_settings_are_refused_and_misplaced_ones_warn()
    {
        var badWindow = Default(KpiId.Fcr) with { Settings = new KpiTargetSettings(FcrVariant.RepeatContact, WindowDays: 0) };
        var misplaced = Default(KpiId.Nps) with { Settings = new KpiTargetSettings(ShortAbandonSeconds: 5) };

        Assert.Equal("fcr.window_days", Assert.Single(KpiTargetSet.Merge([badWindow]).Errors).Path);
        var warning = Assert.Single(KpiTargetSet.Merge([misplaced]).Issues);
        Assert.Equal(KpiTargetIssueSeverity.Warning, warning.Severity);
        Assert.Equal("warning nps.short_abandon_seconds: short_abandon_seconds applies to abandonment_rate only and is ignored.", warning.ToString());
    }

    [Fact]
    public void Kpi_id_must_be_snake_case()
    {
        Assert.Throws<ArgumentException>(() => new KpiId("NPS"));
        Assert.Throws<ArgumentException>(() => new KpiId(""));
    }
}
