using Loopwise.Core.Kpis;
using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Kpis;

public class ChurnTests
{
    private static readonly DateOnly March = new(2026, 3, 1);
    private static readonly DateOnly April = new(2026, 4, 1);

    // Lifetimes around the period [2026-03-01, 2026-04-01).
    private static readonly CustomerLifetime[] Customers =
    [
        new(new(2025, 1, 10), null),                // A: at start, kept
        new(new(2026, 2, 28), new(2026, 3, 15)),    // B: at start, lost
        new(new(2026, 3, 1), null),                 // C: acquired on the first day: neither
        new(new(2026, 3, 5), new(2026, 3, 20)),     // D: acquired and lost during the period: neither
        new(new(2025, 6, 1), new(2026, 3, 1)),      // E: lost on the first day: at start and lost
        new(new(2025, 6, 1), new(2026, 2, 28)),     // F: lost before the period: neither
        new(new(2025, 6, 1), new(2026, 4, 1)),      // G: lost on the next period's first day: at start, kept
        new(new(2026, 2, 1), new(2026, 3, 31)),     // H: at start, lost on the last day
    ];

    // cx-reference.md §3: churn = lost during period / customers at start (10 of 200 → 5%), retention = 1 − churn.
    [Fact]
    public void Churn_of_10_lost_out_of_200_at_start_is_5_percent_with_95_percent_retention()
    {
        var churn = Churn.Logo(atStart: 200, lost: 10);

        Assert.Equal(0.05, churn.Rate);
        Assert.Equal(0.95, churn.Retention);
        Assert.Equal(Proportion.Wilson(10, 200), churn.Interval);
        Assert.Equal(1.0 - churn.Interval!.Value.Upper, churn.RetentionInterval!.Value.Lower, 1e-15);
        Assert.Equal(1.0 - churn.Interval!.Value.Lower, churn.RetentionInterval!.Value.Upper, 1e-15);
        Assert.Equal((200L, 10L), (churn.AtStart, churn.Lost));
        Assert.Equal(SampleBase.Ok, churn.SampleBase);
    }

    [Fact]
    public void Churn_with_0_customers_at_start_is_null()
    {
        var churn = Churn.Logo(0, 0);

        Assert.Null(churn.Rate);
        Assert.Null(churn.Retention);
        Assert.Null(churn.Interval);
        Assert.Null(churn.RetentionInterval);
    }

    [Fact]
    public void More_lost_than_at_start_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Churn.Logo(5, 6));
    }

    [Fact]
    public void Count_keeps_customers_acquired_during_the_period_out_of_both_counts()
    {
        var counts = Churn.Count(Customers, March, April);

        Assert.Equal(new ChurnCounts(AtStart: 5, Lost: 3), counts);
        Assert.Equal(0.6, Churn.Logo(counts).Rate!.Value, 1e-12);
    }

    [Fact]
    public void Consecutive_periods_count_a_loss_on_the_boundary_once()
    {
        var february = Churn.Count(Customers, new(2026, 2, 1), March);
        var april = Churn.Count(Customers, April, new(2026, 5, 1));

        Assert.Equal(new ChurnCounts(AtStart: 4, Lost: 1), february);
        Assert.Equal(new ChurnCounts(AtStart: 3, Lost: 1), april);
    }

    [Fact]
    public void Empty_or_reversed_period_and_end_before_start_are_programming_errors()
    {
        Assert.Throws<ArgumentException>(() => Churn.Count(Customers, April, March));
        Assert.Throws<ArgumentException>(() => Churn.Count(Customers, March, March));
        Assert.Throws<ArgumentException>(() => new CustomerLifetime(new(2026, 3, 2), new(2026, 3, 1)));
    }

    // cx-reference.md §3 vector: 2% monthly churn is 21.5% annual; annual = 1 − (1 − monthly)^12.
    [Fact]
    public void Monthly_churn_of_2_percent_is_21_5_percent_annual()
    {
        var annual = Churn.Annualise(0.02);

        Assert.Equal(21.5, Math.Round(annual * 100, 1));
        Assert.Equal(0.21528327626520016, annual, 1e-14);
    }

    [Fact]
    public void From_annual_inverts_annualise()
    {
        Assert.Equal(0.02, Churn.FromAnnual(Churn.Annualise(0.02)), 1e-14);
        Assert.Equal(0.1, Churn.FromAnnual(Churn.Annualise(0.1, periodsPerYear: 4), periodsPerYear: 4), 1e-14);
        Assert.Equal(0.0, Churn.Annualise(0.0));
        Assert.Equal(1.0, Churn.Annualise(1.0));
    }

    [Fact]
    public void Churn_rate_outside_0_to_1_cannot_be_converted()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Churn.Annualise(1.2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Churn.FromAnnual(-0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Churn.Annualise(0.1, 0));
    }

    // Revenue churn: 1,500 lost of 10,000 start recurring revenue → 15%, kept separate from logo churn.
    [Fact]
    public void Revenue_churn_is_lost_over_start_recurring_revenue()
    {
        var churn = Churn.Revenue(startRecurringRevenue: 10_000m, lostRecurringRevenue: 1_500m);

        Assert.Equal(0.15, churn.Rate);
        Assert.Equal(0.85, churn.Retention);
    }

    // Start customers 500 (lost), 1,000, 2,500 (lost): lost 3,000 of 4,000 → 75%, while logo churn is 2 of 3.
    [Fact]
    public void Revenue_churn_from_start_customers_weighs_losses_by_their_start_revenue()
    {
        var churn = Churn.Revenue([(500m, true), (1_000m, false), (2_500m, true)]);

        Assert.Equal(4_000m, churn.StartRecurringRevenue);
        Assert.Equal(3_000m, churn.LostRecurringRevenue);
        Assert.Equal(0.75, churn.Rate);
    }

    [Fact]
    public void Revenue_churn_with_no_start_revenue_is_null_and_bad_amounts_are_programming_errors()
    {
        Assert.Null(Churn.Revenue(0m, 0m).Rate);
        Assert.Null(Churn.Revenue([]).Retention);
        Assert.Throws<ArgumentOutOfRangeException>(() => Churn.Revenue(100m, 101m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Churn.Revenue(-1m, 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Churn.Revenue([(-5m, false)]));
    }
}
