using Loopwise.Core.Kpis;
using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Kpis;

public class HealthBackTestTests
{
    private static IEnumerable<(HealthBand? Band, bool Churned)> Outcomes(HealthBand? band, int churned, int kept) =>
        Enumerable.Repeat((band, true), churned).Concat(Enumerable.Repeat((band, false), kept));

    // 2 of 40 healthy (5%), 6 of 30 at risk (20%), 9 of 20 critical (45%), 1 of 4 unscored.
    [Fact]
    public void Churn_per_band_is_churned_over_scored_in_band()
    {
        var outcomes = Outcomes(HealthBand.Healthy, 2, 38)
            .Concat(Outcomes(HealthBand.AtRisk, 6, 24))
            .Concat(Outcomes(HealthBand.Critical, 9, 11))
            .Concat(Outcomes(null, 1, 3));

        var rates = HealthBackTest.ChurnByBand(outcomes);

        Assert.Equal([HealthBand.Healthy, HealthBand.AtRisk, HealthBand.Critical, null], rates.Select(r => r.Band));
        Assert.Equal([0.05, 0.2, 0.45, 0.25], rates.Select(r => r.Churn.Value!.Value));
        Assert.Equal(Proportion.Wilson(9, 20), rates[2].Churn.Interval);
        Assert.True(HealthBackTest.IsMonotone(rates));
    }

    [Fact]
    public void Empty_band_has_null_churn_and_is_skipped_by_the_monotone_check()
    {
        var rates = HealthBackTest.ChurnByBand(Outcomes(HealthBand.Healthy, 1, 9).Concat(Outcomes(HealthBand.Critical, 1, 1)));

        Assert.Null(rates[1].Churn.Value);
        Assert.Equal(0, rates[1].Churn.N);
        Assert.True(HealthBackTest.IsMonotone(rates));
    }

    [Fact]
    public void Model_whose_healthy_customers_churn_more_is_not_monotone()
    {
        var rates = HealthBackTest.ChurnByBand(Outcomes(HealthBand.Healthy, 5, 5).Concat(Outcomes(HealthBand.AtRisk, 1, 9)));

        Assert.False(HealthBackTest.IsMonotone(rates));
    }
}
