using Loopwise.Core.Kpis;

namespace Loopwise.Core.Tests.Kpis;

public class HealthNormaliserTests
{
    // cx-reference.md §3 band rule example: 0 days overdue → 100, 1–30 → 50, > 30 → 0.
    private static readonly BandsNormaliser DaysOverdue = new([new(0, true, 100), new(30, true, 50)], ScoreAbove: 0);

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.25, 25.0)]
    [InlineData(0.8, 80.0)]
    [InlineData(1.0, 100.0)]
    [InlineData(-0.5, 0.0)]
    [InlineData(1.7, 100.0)]
    public void Min_max_is_clamped_share_of_the_configured_range(double value, double expected)
    {
        var normaliser = new MinMaxNormaliser(0, 1);

        Assert.Equal(expected, normaliser.Normalise(value)!.Value, 1e-12);
    }

    [Fact]
    public void Min_max_with_offset_bounds_uses_x_minus_lo_over_hi_minus_lo()
    {
        var loginsPerWeek = new MinMaxNormaliser(2, 12);

        Assert.Equal(30.0, loginsPerWeek.Normalise(5)!.Value, 1e-12);
    }

    [Theory]
    [InlineData(0.0, 100.0)]
    [InlineData(4.0, 60.0)]
    [InlineData(10.0, 0.0)]
    [InlineData(25.0, 0.0)]
    public void Reversed_min_max_is_hi_minus_x_over_hi_minus_lo(double ticketsPer30Days, double expected)
    {
        var normaliser = new ReversedMinMaxNormaliser(0, 10);

        Assert.Equal(expected, normaliser.Normalise(ticketsPer30Days)!.Value, 1e-12);
    }

    [Theory]
    [InlineData(0.0, 100.0)]
    [InlineData(1.0, 50.0)]
    [InlineData(15.0, 50.0)]
    [InlineData(30.0, 50.0)]
    [InlineData(31.0, 0.0)]
    [InlineData(400.0, 0.0)]
    public void Days_overdue_bands_follow_the_reference_example(double daysOverdue, double expected)
    {
        Assert.Equal(expected, DaysOverdue.Normalise(daysOverdue));
    }

    [Fact]
    public void Exclusive_band_bound_sends_the_bound_itself_to_the_next_band()
    {
        var renewalDays = new BandsNormaliser([new(30, false, 20), new(90, true, 60)], ScoreAbove: 100);

        Assert.Equal(20.0, renewalDays.Normalise(29.9));
        Assert.Equal(60.0, renewalDays.Normalise(30));
        Assert.Equal(60.0, renewalDays.Normalise(90));
        Assert.Equal(100.0, renewalDays.Normalise(91));
    }

    // cx-reference.md §3: NPS → (NPS + 100)/2.
    [Theory]
    [InlineData(-100.0, 0.0)]
    [InlineData(0.0, 50.0)]
    [InlineData(20.0, 60.0)]
    [InlineData(100.0, 100.0)]
    public void Nps_in_points_maps_to_nps_plus_100_over_2(double nps, double expected)
    {
        Assert.Equal(expected, new NpsToScoreNormaliser(ShareUnit.Points).Normalise(nps)!.Value, 1e-12);
    }

    [Fact]
    public void Nps_in_core_proportion_units_maps_like_its_point_score()
    {
        var normaliser = new NpsToScoreNormaliser();

        Assert.Equal(60.0, normaliser.Normalise(0.2)!.Value, 1e-12);
        Assert.Equal(0.0, normaliser.Normalise(-1.0)!.Value, 1e-12);
    }

    [Fact]
    public void Csat_percent_is_taken_as_is()
    {
        Assert.Equal(85.0, new CsatPercentNormaliser(ShareUnit.Points).Normalise(85)!.Value, 1e-12);
        Assert.Equal(85.0, new CsatPercentNormaliser().Normalise(0.85)!.Value, 1e-12);
    }

    // cx-reference.md §3: CES 1–5 → (5 − x)/4·100.
    [Theory]
    [InlineData(1.0, 100.0)]
    [InlineData(2.0, 75.0)]
    [InlineData(3.0, 50.0)]
    [InlineData(5.0, 0.0)]
    public void Ces_effort_1_to_5_maps_to_5_minus_x_over_4(double mean, double expected)
    {
        Assert.Equal(expected, new CesEffort1To5Normaliser().Normalise(mean)!.Value, 1e-12);
    }

    // cx-reference.md §3: CES 1–7 → (x − 1)/6·100.
    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(4.0, 50.0)]
    [InlineData(5.5, 75.0)]
    [InlineData(7.0, 100.0)]
    public void Ces_agree_1_to_7_maps_to_x_minus_1_over_6(double mean, double expected)
    {
        Assert.Equal(expected, new CesAgree1To7Normaliser().Normalise(mean)!.Value, 1e-12);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_signal_normalises_to_null(double value)
    {
        Assert.Null(new MinMaxNormaliser(0, 1).Normalise(value));
        Assert.Null(DaysOverdue.Normalise(value));
    }

    [Fact]
    public void Min_max_with_lo_not_below_hi_is_reported_and_refuses_to_normalise()
    {
        var normaliser = new MinMaxNormaliser(5, 5);

        var errors = normaliser.Validate("n");

        Assert.Equal("n.lo", Assert.Single(errors).Path);
        Assert.Throws<InvalidOperationException>(() => normaliser.Normalise(3));
    }

    [Fact]
    public void Bands_out_of_order_or_with_scores_outside_0_to_100_are_reported()
    {
        var normaliser = new BandsNormaliser([new(30, true, 50), new(0, true, 100), new(60, true, 120)], ScoreAbove: -1);

        var paths = normaliser.Validate("n").Select(e => e.Path).ToArray();

        Assert.Equal(["n.rules[1].upperBound", "n.rules[2].score", "n.scoreAbove"], paths);
    }

    [Fact]
    public void Bands_without_rules_are_reported()
    {
        Assert.Equal("n.rules", Assert.Single(new BandsNormaliser([], 0).Validate("n")).Path);
    }

    [Fact]
    public void Bands_compare_by_their_rules_not_by_list_reference()
    {
        var copy = new BandsNormaliser(new List<BandRule> { new(0, true, 100), new(30, true, 50) }, 0);

        Assert.Equal(DaysOverdue, copy);
        Assert.Equal(DaysOverdue.GetHashCode(), copy.GetHashCode());
        Assert.NotEqual(DaysOverdue, copy with { ScoreAbove = 10 });
    }
}
