using Loopwise.Core.Kpis;

namespace Loopwise.Core.Tests.Kpis;

public class HealthModelJsonTests
{
    [Fact]
    public void Model_with_every_normaliser_kind_round_trips()
    {
        var model = new HealthModel("default", 3, new DateOnly(2026, 2, 1), "plan=Pro",
        [
            new("usage", 30, new MinMaxNormaliser(0, 1)),
            new("tickets", 10, new ReversedMinMaxNormaliser(0, 10)),
            new("overdue", 10, new BandsNormaliser([new(0, true, 100), new(30, true, 50)], 0)),
            new("nps", 20, new NpsToScoreNormaliser(ShareUnit.Points)),
            new("csat", 10, new CsatPercentNormaliser()),
            new("ces", 10, new CesEffort1To5Normaliser()),
            new("ces2", 10, new CesAgree1To7Normaliser()),
        ]);

        var json = HealthModelJson.Serialize(model);
        var back = HealthModelJson.Parse(json, out var error);

        Assert.Null(error);
        Assert.Equal(model, back);
        Assert.Contains("\"kind\":\"bands\"", json, StringComparison.Ordinal);
        Assert.Contains("\"unit\":\"points\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("totalWeight", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Stored_json_reads_into_the_model()
    {
        const string json = """
            {"id":"m","version":1,"effectiveFrom":"2026-01-01","segmentFilter":null,
             "components":[{"signal":"usage","weight":1,"normaliser":{"kind":"minMax","lo":0,"hi":10}}]}
            """;

        var model = HealthModelJson.Parse(json, out _);

        Assert.Equal(new MinMaxNormaliser(0, 10), model!.Components[0].Normaliser);
        Assert.Equal(new DateOnly(2026, 1, 1), model.EffectiveFrom);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("""{"id":"m","version":1,"effectiveFrom":"2026-01-01","segmentFilter":null,"components":[],"extra":1}""")]
    [InlineData("""{"id":"m","version":1,"effectiveFrom":"2026-01-01","segmentFilter":null,"components":[{"signal":"a","weight":1,"normaliser":{"kind":"percentile"}}]}""")]
    public void Malformed_json_gives_an_error_not_an_exception(string json)
    {
        var model = HealthModelJson.Parse(json, out var error);

        Assert.Null(model);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
