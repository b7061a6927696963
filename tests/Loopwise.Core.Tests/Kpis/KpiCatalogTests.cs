using Loopwise.Core.Kpis;
using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Kpis;

public class KpiCatalogTests
{
    [Fact]
    public void Catalog_holds_every_kpi_of_issue_3_once()
    {
        string[] expected =
        [
            "nps", "csat_pct", "csat_mean", "ces_effort_mean", "ces2_ease_mean", "health_score", "fcr",
            "first_response_time", "first_response_time_median", "first_response_time_p90", "abandonment_rate",
            "completion_rate", "sla_attainment", "clv", "churn_rate", "retention", "revenue_per_customer",
            "referral_rate", "social_first_response_time", "page_load_time",
        ];

        Assert.Equal(expected, KpiCatalog.All.Select(d => d.Id.Value));
    }

    [Theory]
    [InlineData("ces_effort_mean", ScalePolarity.LowerIsBetter)]
    [InlineData("ces2_ease_mean", ScalePolarity.HigherIsBetter)]
    [InlineData("churn_rate", ScalePolarity.LowerIsBetter)]
    [InlineData("retention", ScalePolarity.HigherIsBetter)]
    [InlineData("first_response_time_p90", ScalePolarity.LowerIsBetter)]
    public void Polarity_is_the_metric_direction(string id, ScalePolarity polarity)
    {
        Assert.Equal(polarity, KpiCatalog.Get(new KpiId(id)).Polarity);
    }

    [Fact]
    public void Scale_bound_kpis_share_the_polarity_of_their_built_in_scale()
    {
        var bound = KpiCatalog.All.Where(d => d.Scale is not null).ToList();

        Assert.Equal(5, bound.Count);
        Assert.All(bound, d => Assert.Equal(d.Scale!.Polarity, d.Polarity));
        Assert.All(bound.Where(d => d.Unit == KpiUnit.Mean), d => Assert.Equal((double)d.Scale!.Min, d.RangeMin));
    }

    [Fact]
    public void Medians_percentiles_and_derived_values_have_no_interval()
    {
        Assert.False(KpiCatalog.Get(KpiId.FirstResponseTimeMedian).HasInterval);
        Assert.False(KpiCatalog.Get(KpiId.Clv).HasInterval);
        Assert.True(KpiCatalog.Get(KpiId.SlaAttainment).HasInterval);
        Assert.True(KpiCatalog.Get(KpiId.Nps).HasInterval);
    }

    [Theory]
    [InlineData("nps", 0.2, "+20")]
    [InlineData("csat_pct", 0.8, "80.0%")]
    [InlineData("ces_effort_mean", 1.8, "1.80")]
    [InlineData("first_response_time", 1.25, "1.3 h")]
    [InlineData("page_load_time", 2.5, "2.50 s")]
    public void Format_uses_the_display_unit(string id, double value, string expected)
    {
        Assert.Equal(expected, KpiCatalog.Get(new KpiId(id)).Format(value));
    }

    [Fact]
    public void Unknown_kpi_is_not_found()
    {
        Assert.Null(KpiCatalog.Find(new KpiId("net_happiness")));
        Assert.Throws<KeyNotFoundException>(() => KpiCatalog.Get(new KpiId("net_happiness")));
    }
}
