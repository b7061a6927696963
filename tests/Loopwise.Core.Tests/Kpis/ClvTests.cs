using Loopwise.Core.Kpis;

namespace Loopwise.Core.Tests.Kpis;

public class ClvTests
{
    // cx-reference.md §3 vector: 300 × 5 × 2 = 3,000.
    [Fact]
    public void Simple_clv_of_300_aov_5_purchases_2_years_is_3000()
    {
        var clv = Clv.Simple(averageOrderValue: 300, purchasesPerYear: 5, lifespanYears: 2);

        Assert.Equal(3000.0, clv.Value);
        Assert.Null(clv.Error);
        Assert.True(clv.IsValid);
    }

    // cx-reference.md §3 vector: m = 100, r = 0.8, d = 0.1 → 266.67 (margin multiple 2.67).
    [Fact]
    public void End_of_period_clv_of_m_100_r_0_8_d_0_1_is_266_67()
    {
        var clv = Clv.EndOfPeriod(margin: 100, retention: 0.8, discountRate: 0.1);

        Assert.Equal(266.67, Math.Round(clv.Value!.Value, 2));
        Assert.Equal(800.0 / 3.0, clv.Value!.Value, 1e-9);
    }

    [Fact]
    public void Margin_multiple_of_r_0_8_d_0_1_is_2_67()
    {
        var multiple = Clv.MarginMultiple(retention: 0.8, discountRate: 0.1);

        Assert.Equal(2.67, Math.Round(multiple.Value!.Value, 2));
        Assert.Equal(8.0 / 3.0, multiple.Value!.Value, 1e-12);
    }

    // cx-reference.md §3 vector: the variant with the current period gives 366.67.
    [Fact]
    public void Clv_including_the_current_period_of_m_100_r_0_8_d_0_1_is_366_67()
    {
        var clv = Clv.IncludingCurrentPeriod(margin: 100, retention: 0.8, discountRate: 0.1);

        Assert.Equal(366.67, Math.Round(clv.Value!.Value, 2));
        Assert.Equal(1100.0 / 3.0, clv.Value!.Value, 1e-9);
    }

    [Theory]
    [InlineData(1.0, 0.1)]
    [InlineData(1.2, 0.1)]
    [InlineData(-0.1, 0.1)]
    [InlineData(double.NaN, 0.1)]
    [InlineData(0.8, -0.05)]
    [InlineData(0.8, double.PositiveInfinity)]
    [InlineData(1.0, 0.0)]
    public void Retention_of_1_or_more_or_a_negative_discount_is_refused_with_a_reason(double retention, double discountRate)
    {
        var results = new[]
        {
            Clv.EndOfPeriod(100, retention, discountRate),
            Clv.IncludingCurrentPeriod(100, retention, discountRate),
            Clv.MarginMultiple(retention, discountRate),
        };

        Assert.All(results, r =>
        {
            Assert.Null(r.Value);
            Assert.False(string.IsNullOrWhiteSpace(r.Error));
        });
    }

    [Fact]
    public void Refusal_of_r_1_points_to_the_finite_horizon()
    {
        var clv = Clv.EndOfPeriod(100, 1.0, 0.0);

        Assert.Contains("0 ≤ r < 1", clv.Error, StringComparison.Ordinal);
        Assert.Contains("finite horizon", clv.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_0_gives_nothing_after_the_current_period()
    {
        Assert.Equal(0.0, Clv.EndOfPeriod(100, 0.0, 0.1).Value);
        Assert.Equal(100.0, Clv.IncludingCurrentPeriod(100, 0.0, 0.1).Value!.Value, 1e-12);
    }

    // Σ_{t=1..2} 100·0.8ᵗ/1.1ᵗ = 72.7273 + 52.8926 = 125.6198.
    [Fact]
    public void Finite_horizon_of_2_periods_sums_the_discounted_margins()
    {
        var clv = Clv.FiniteHorizon(margin: 100, retention: 0.8, discountRate: 0.1, periods: 2);

        Assert.Equal(100 * 0.8 / 1.1 + 100 * 0.64 / 1.21, clv.Value!.Value, 1e-9);
    }

    [Fact]
    public void Finite_horizon_works_for_r_1_and_d_0()
    {
        var clv = Clv.FiniteHorizon(margin: 100, retention: 1.0, discountRate: 0.0, periods: 10);

        Assert.Equal(1000.0, clv.Value!.Value, 1e-9);
    }

    [Fact]
    public void Long_finite_horizon_converges_to_the_end_of_period_formula()
    {
        var finite = Clv.FiniteHorizon(100, 0.8, 0.1, 500).Value!.Value;
        var beyondLoop = Clv.FiniteHorizon(100, 0.8, 0.1, 200_000).Value!.Value;

        Assert.Equal(Clv.EndOfPeriod(100, 0.8, 0.1).Value!.Value, finite, 1e-9);
        Assert.Equal(finite, beyondLoop, 1e-9);
    }

    [Fact]
    public void Finite_horizon_of_0_periods_is_0_and_negative_horizon_or_r_above_1_is_refused()
    {
        Assert.Equal(0.0, Clv.FiniteHorizon(100, 0.8, 0.1, 0).Value);
        Assert.NotNull(Clv.FiniteHorizon(100, 0.8, 0.1, -1).Error);
        Assert.NotNull(Clv.FiniteHorizon(100, 1.01, 0.1, 5).Error);
        Assert.NotNull(Clv.FiniteHorizon(double.NaN, 0.8, 0.1, 5).Error);
    }

    // cx-reference.md §3: d_m = (1 + d_y)^(1/12) − 1; 10% a year → 0.7974% a month, and 12 months compound back to 10%.
    [Fact]
    public void Yearly_discount_of_10_percent_is_0_797_percent_monthly()
    {
        var monthly = Clv.MonthlyDiscountRate(0.1).Value!.Value;

        Assert.Equal(0.007974140428903764, monthly, 1e-15);
        Assert.Equal(1.1, Math.Pow(1 + monthly, 12), 1e-12);
        Assert.NotNull(Clv.MonthlyDiscountRate(-0.2).Error);
    }

    // cx-reference.md §3: expected lifetime = 1/(1 − r); r = 0.8 → 5 periods.
    [Fact]
    public void Expected_lifetime_at_80_percent_retention_is_5_periods()
    {
        Assert.Equal(5.0, Clv.ExpectedLifetime(0.8).Value!.Value, 1e-12);
        Assert.Equal(1.0, Clv.ExpectedLifetime(0.0).Value);
        Assert.NotNull(Clv.ExpectedLifetime(1.0).Error);
    }

    // 266.67 − 50 acquisition cost = 216.67, subtracted once.
    [Fact]
    public void Net_clv_subtracts_acquisition_cost_once()
    {
        var net = Clv.Net(Clv.EndOfPeriod(100, 0.8, 0.1), acquisitionCost: 50);

        Assert.Equal(800.0 / 3.0 - 50.0, net.Value!.Value, 1e-9);
        Assert.Equal(216.67, Math.Round(net.Value!.Value, 2));
    }

    [Fact]
    public void Net_clv_passes_on_a_refused_clv_and_refuses_a_negative_cost()
    {
        var refused = Clv.EndOfPeriod(100, 1.0, 0.1);

        Assert.Same(refused, Clv.Net(refused, 50));
        Assert.NotNull(Clv.Net(Clv.Simple(300, 5, 2), -1).Error);
    }

    [Fact]
    public void Simple_clv_with_negative_or_non_finite_inputs_is_refused()
    {
        Assert.NotNull(Clv.Simple(-300, 5, 2).Error);
        Assert.NotNull(Clv.Simple(300, double.NaN, 2).Error);
        Assert.NotNull(Clv.Simple(300, 5, double.PositiveInfinity).Error);
        Assert.NotNull(Clv.Simple(1e200, 1e200, 1e200).Error);
    }
}
