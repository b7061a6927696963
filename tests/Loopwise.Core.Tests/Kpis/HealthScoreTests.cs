using Loopwise.Core.Kpis;

namespace Loopwise.Core.Tests.Kpis;

public class HealthScoreTests
{
    // Hand-computed, cx-reference.md §3 H = Σ wᵢ·sᵢ / Σ wᵢ over present components:
    // usage 0.8 → 80 (w 30), NPS missing (w 20), 4 tickets → (10 − 4)/10·100 = 60 (w 50).
    // Coverage = 80/100 = 0.8; H = (30·80 + 50·60)/80 = 5400/80 = 67.5 → at risk.
    [Fact]
    public void Score_of_three_components_with_one_missing_renormalises_over_the_present_ones()
    {
        var signals = new Dictionary<string, double> { ["seat_utilisation"] = 0.8, ["tickets_30d"] = 4 };

        var result = HealthScore.Compute(HealthModels.ThreeComponents(), signals);

        Assert.Equal(67.5, result.Score!.Value, 1e-9);
        Assert.Equal(0.8, result.Coverage, 1e-12);
        Assert.Equal(HealthBand.AtRisk, result.Band);
        Assert.False(result.IsInsufficientData);
        Assert.Equal("default", result.ModelId);
        Assert.Equal(1, result.ModelVersion);
    }

    [Fact]
    public void Contributions_explain_the_score_and_sum_to_it()
    {
        var signals = new Dictionary<string, double> { ["seat_utilisation"] = 0.8, ["tickets_30d"] = 4 };

        var result = HealthScore.Compute(HealthModels.ThreeComponents(), signals);

        var usage = result.Contributions[0];
        var nps = result.Contributions[1];
        var tickets = result.Contributions[2];
        Assert.Equal(("seat_utilisation", 0.8, 80.0), (usage.Signal, usage.RawValue!.Value, usage.ComponentScore!.Value));
        Assert.Equal(0.375, usage.EffectiveWeight!.Value, 1e-12);
        Assert.Equal(30.0, usage.Points!.Value, 1e-9);
        Assert.False(nps.IsPresent);
        Assert.Null(nps.RawValue);
        Assert.Null(nps.Points);
        Assert.Equal(20.0, nps.Weight);
        Assert.Equal(0.625, tickets.EffectiveWeight!.Value, 1e-12);
        Assert.Equal(37.5, tickets.Points!.Value, 1e-9);
        Assert.Equal(result.Score!.Value, result.Contributions.Sum(c => c.Points ?? 0), 1e-9);
    }

    // All present: usage 0.9 → 90, NPS +0.4 → (40 + 100)/2 = 70, 1 ticket → 90.
    // H = (30·90 + 20·70 + 50·90)/100 = (2700 + 1400 + 4500)/100 = 86 → healthy, coverage 1.
    [Fact]
    public void Score_with_every_component_present_is_the_weighted_mean()
    {
        var signals = new Dictionary<string, double> { ["seat_utilisation"] = 0.9, ["nps"] = 0.4, ["tickets_30d"] = 1 };

        var result = HealthScore.Compute(HealthModels.ThreeComponents(), signals);

        Assert.Equal(86.0, result.Score!.Value, 1e-9);
        Assert.Equal(1.0, result.Coverage);
        Assert.Equal(HealthBand.Healthy, result.Band);
    }

    // cx-reference.md §3: below 60% coverage is "insufficient data", so exactly 60% still scores.
    // CSAT 35% present (w 60), CES missing (w 40): coverage 0.6, H = 35 → critical.
    [Fact]
    public void Coverage_of_exactly_60_percent_still_gives_a_score()
    {
        var model = new HealthModel("m", 1, HealthModels.January, null,
        [
            new("csat", 60, new CsatPercentNormaliser()),
            new("ces", 40, new CesEffort1To5Normaliser()),
        ]);

        var result = HealthScore.Compute(model, new Dictionary<string, double> { ["csat"] = 0.35 });

        Assert.Equal(0.6, result.Coverage, 1e-12);
        Assert.Equal(35.0, result.Score!.Value, 1e-9);
        Assert.Equal(HealthBand.Critical, result.Band);
    }

    [Fact]
    public void Coverage_at_60_percent_from_fractional_weights_is_not_lost_to_rounding()
    {
        var model = new HealthModel("m", 1, HealthModels.January, null,
        [
            new("a", 0.1, new MinMaxNormaliser(0, 1)),
            new("b", 0.2, new MinMaxNormaliser(0, 1)),
            new("c", 0.3, new MinMaxNormaliser(0, 1)),
            new("d", 0.4, new MinMaxNormaliser(0, 1)),
        ]);

        var result = HealthScore.Compute(model, new Dictionary<string, double> { ["a"] = 1, ["b"] = 1, ["c"] = 1 });

        Assert.Equal(100.0, result.Score!.Value, 1e-9);
    }

    [Fact]
    public void Coverage_below_60_percent_is_insufficient_data_not_0()
    {
        var model = new HealthModel("m", 1, HealthModels.January, null,
        [
            new("csat", 59, new CsatPercentNormaliser()),
            new("ces", 41, new CesEffort1To5Normaliser()),
        ]);

        var result = HealthScore.Compute(model, new Dictionary<string, double> { ["csat"] = 0.9 });

        Assert.True(result.IsInsufficientData);
        Assert.Null(result.Score);
        Assert.Null(result.Band);
        Assert.Equal(0.59, result.Coverage, 1e-12);
        Assert.Equal(90.0, result.Contributions[0].ComponentScore!.Value, 1e-9);
    }

    [Fact]
    public void No_signals_at_all_is_insufficient_data_with_coverage_0()
    {
        var result = HealthScore.Compute(HealthModels.ThreeComponents(), new Dictionary<string, double>());

        Assert.Null(result.Score);
        Assert.Equal(0.0, result.Coverage);
        Assert.All(result.Contributions, c => Assert.False(c.IsPresent));
    }

    [Fact]
    public void Nan_signal_counts_as_missing()
    {
        var signals = new Dictionary<string, double> { ["seat_utilisation"] = double.NaN, ["nps"] = 0.0, ["tickets_30d"] = 0 };

        var result = HealthScore.Compute(HealthModels.ThreeComponents(), signals);

        Assert.Equal(0.7, result.Coverage, 1e-12);
        Assert.Equal((20 * 50.0 + 50 * 100.0) / 70.0, result.Score!.Value, 1e-9);
    }

    [Fact]
    public void Zero_weight_component_is_shown_but_does_not_move_the_score()
    {
        var model = new HealthModel("m", 1, HealthModels.January, null,
        [
            new("usage", 1, new MinMaxNormaliser(0, 100)),
            new("experimental", 0, new MinMaxNormaliser(0, 100)),
        ]);

        var result = HealthScore.Compute(model, new Dictionary<string, double> { ["usage"] = 40, ["experimental"] = 100 });

        Assert.Equal(40.0, result.Score!.Value, 1e-9);
        Assert.Equal(0.0, result.Contributions[1].Points);
    }

    [Theory]
    [InlineData(70.0, HealthBand.Healthy)]
    [InlineData(69.99, HealthBand.AtRisk)]
    [InlineData(40.0, HealthBand.AtRisk)]
    [InlineData(39.99, HealthBand.Critical)]
    [InlineData(0.0, HealthBand.Critical)]
    [InlineData(100.0, HealthBand.Healthy)]
    public void Default_bands_are_70_healthy_40_at_risk_below_critical(double score, HealthBand expected)
    {
        Assert.Equal(expected, HealthBands.Default.Classify(score));
    }

    [Fact]
    public void Configured_bands_change_the_band()
    {
        var signals = new Dictionary<string, double> { ["seat_utilisation"] = 0.9, ["nps"] = 0.4, ["tickets_30d"] = 1 };

        var result = HealthScore.Compute(HealthModels.ThreeComponents(), signals, new HealthBands(HealthyFrom: 90, AtRiskFrom: 50));

        Assert.Equal(HealthBand.AtRisk, result.Band);
    }

    [Fact]
    public void Invalid_bands_are_reported()
    {
        Assert.Equal("atRiskFrom", Assert.Single(new HealthBands(60, 70).Validate()).Path);
        Assert.Equal("healthyFrom", Assert.Single(new HealthBands(120, 40).Validate()).Path);
        Assert.Empty(HealthBands.Default.Validate());
    }

    [Fact]
    public void Computing_with_an_invalid_model_or_bands_is_a_programming_error()
    {
        var invalid = HealthModels.ThreeComponents() with { Components = [new("x", -1, new MinMaxNormaliser(0, 1))] };
        var signals = new Dictionary<string, double>();

        Assert.Throws<ArgumentException>(() => HealthScore.Compute(invalid, signals));
        Assert.Throws<ArgumentException>(() => HealthScore.Compute(HealthModels.ThreeComponents(), signals, new HealthBands(50, 60)));
        Assert.Throws<ArgumentException>(() => HealthScore.Compute(HealthModels.ThreeComponents(), signals, minimumCoverage: 1.5));
    }
}
