using Loopwise.Core.Kpis;

namespace Loopwise.Core.Tests.Kpis;

public class HealthModelTests
{
    [Fact]
    public void Valid_model_has_no_errors()
    {
        Assert.Empty(HealthModels.ThreeComponents().Validate());
    }

    [Fact]
    public void Every_component_problem_is_reported_with_its_path()
    {
        var model = new HealthModel(" ", 0, HealthModels.January, "region", [
            new("usage", -2, new MinMaxNormaliser(1, 0)),
            new("", 1, new CsatPercentNormaliser()),
            new("USAGE", double.NaN, new CesEffort1To5Normaliser()),
        ]);

        var paths = model.Validate().Select(e => e.Path).ToArray();

        Assert.Equal(
            ["id", "version", "segmentFilter", "components[0].weight", "components[0].normaliser.lo",
             "components[1].signal", "components[2].signal", "components[2].weight"],
            paths);
    }

    [Fact]
    public void All_weights_0_is_reported()
    {
        var model = new HealthModel("m", 1, HealthModels.January, null, [new("a", 0, new MinMaxNormaliser(0, 1))]);

        var error = Assert.Single(model.Validate());

        Assert.Equal("components", error.Path);
        Assert.Contains("above 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_without_components_is_reported()
    {
        var model = new HealthModel("m", 1, HealthModels.January, null, []);

        Assert.Equal("components", Assert.Single(model.Validate()).Path);
    }

    [Fact]
    public void Weight_edit_creates_the_next_version_and_leaves_the_old_one_untouched()
    {
        var v1 = HealthModels.ThreeComponents();
        var february = new DateOnly(2026, 2, 1);

        var v2 = v1.WithWeight("nps", 40, february);

        Assert.Equal(2, v2.Version);
        Assert.Equal(february, v2.EffectiveFrom);
        Assert.Equal(40, v2.Components[1].Weight);
        Assert.Equal(20, v1.Components[1].Weight);
        Assert.Equal(1, v1.Version);
        Assert.Empty(v2.Validate(previous: v1));
        Assert.Equal(HealthModels.ThreeComponents(), v1);
        Assert.NotEqual(v1, v2);
    }

    [Fact]
    public void Next_version_keeps_the_segment_filter_unless_given_one()
    {
        var v1 = HealthModels.ThreeComponents() with { SegmentFilter = "plan=Pro" };

        var kept = v1.NextVersion(HealthModels.January, v1.Components);
        var changed = v1.NextVersion(HealthModels.January, v1.Components, "plan=Enterprise");

        Assert.Equal("plan=Pro", kept.SegmentFilter);
        Assert.Equal("plan=Enterprise", changed.SegmentFilter);
        Assert.Equal(2, changed.Version);
    }

    [Fact]
    public void Model_copies_the_component_list_so_later_edits_of_it_do_not_leak_in()
    {
        var components = new List<HealthComponent> { new("a", 1, new MinMaxNormaliser(0, 1)) };
        var model = new HealthModel("m", 1, HealthModels.January, null, components);

        components.Add(new("b", 1, new MinMaxNormaliser(0, 1)));

        Assert.Single(model.Components);
    }

    [Fact]
    public void Successor_that_skips_a_version_changes_id_or_goes_back_in_time_is_reported()
    {
        var v1 = HealthModels.ThreeComponents();
        var bad = new HealthModel("other", 3, new DateOnly(2025, 12, 1), null, v1.Components);

        var paths = bad.Validate(previous: v1).Select(e => e.Path).ToArray();

        Assert.Equal(["id", "version", "effectiveFrom"], paths);
    }

    [Fact]
    public void Weight_edit_of_an_unknown_signal_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => HealthModels.ThreeComponents().WithWeight("nope", 1, HealthModels.January));
    }

    [Fact]
    public void Effective_version_is_the_latest_one_started_on_or_before_the_day()
    {
        var v1 = HealthModels.ThreeComponents();
        var v2 = v1.WithWeight("nps", 40, new DateOnly(2026, 3, 1));
        var versions = new[] { v2, v1 };

        Assert.Null(HealthModel.EffectiveOn(versions, new DateOnly(2025, 12, 31)));
        Assert.Equal(1, HealthModel.EffectiveOn(versions, new DateOnly(2026, 2, 28))!.Version);
        Assert.Equal(2, HealthModel.EffectiveOn(versions, new DateOnly(2026, 3, 1))!.Version);
    }

    [Fact]
    public void Segment_filter_matches_when_every_pair_matches()
    {
        var model = HealthModels.ThreeComponents() with { SegmentFilter = " region = EU ; plan=Pro" };

        Assert.True(model.AppliesTo(new Dictionary<string, string> { ["region"] = "EU", ["plan"] = "Pro", ["tier"] = "gold" }));
        Assert.False(model.AppliesTo(new Dictionary<string, string> { ["region"] = "EU", ["plan"] = "Free" }));
        Assert.False(model.AppliesTo(new Dictionary<string, string> { ["region"] = "EU" }));
        Assert.True(HealthModels.ThreeComponents().AppliesTo(new Dictionary<string, string>()));
    }

    [Theory]
    [InlineData("region")]
    [InlineData("=EU")]
    [InlineData("region=EU;region=US")]
    public void Malformed_segment_filter_is_reported(string filter)
    {
        Assert.NotNull(HealthModel.TryParseSegmentFilter(filter, out _));
    }

    [Fact]
    public void Segment_filter_parses_into_trimmed_pairs()
    {
        var error = HealthModel.TryParseSegmentFilter("region=EU; plan = Pro;", out var pairs);

        Assert.Null(error);
        Assert.Equal([new("region", "EU"), new("plan", "Pro")], pairs);
    }
}
