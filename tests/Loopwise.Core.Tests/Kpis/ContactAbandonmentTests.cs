using Loopwise.Core.Kpis;
using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Kpis;

public class ContactAbandonmentTests
{
    // cx-reference.md §4: 1000 offered, 130 abandoned of which 30 waited under 5 s →
    // (130 − 30)/(1000 − 30) = 100/970 = 10.309%; Wilson 95% CI from Proportion.Wilson(100, 970).
    [Fact]
    public void Short_abandons_leave_numerator_and_denominator()
    {
        var abandonment = ContactAbandonment.FromCounts(1000, 130, 30);

        Assert.Equal(new Rate(100, 970), abandonment.Rate);
        Assert.Equal(100.0 / 970.0, abandonment.Value!.Value, 1e-15);
        var estimate = abandonment.Estimate();
        Assert.Equal(100, estimate.Successes);
        Assert.Equal(970, estimate.N);
        Assert.Equal(Proportion.Wilson(100, 970), estimate.Interval);
    }

    [Fact]
    public void Waits_below_the_cut_off_are_short_and_a_wait_of_exactly_5_seconds_is_not()
    {
        var abandonment = ContactAbandonment.FromWaits(20, [0.5, 4.99, 5.0, 12.0, 300.0]);

        Assert.Equal(5, abandonment.Abandoned);
        Assert.Equal(2, abandonment.ShortAbandons);
        Assert.Equal(new Rate(3, 18), abandonment.Rate);
    }

    [Fact]
    public void Custom_cut_off_of_10_seconds_excludes_more()
    {
        var abandonment = ContactAbandonment.FromWaits(20, [0.5, 4.99, 5.0, 12.0, 300.0], shortAbandonSeconds: 10);

        Assert.Equal(new Rate(2, 17), abandonment.Rate);
    }

    [Fact]
    public void From_handled_counts_offered_minus_handled_as_abandoned()
    {
        var abandonment = ContactAbandonment.FromHandled(offered: 500, handled: 440, shortAbandons: 10);

        Assert.Equal(new Rate(50, 490), abandonment.Rate);
    }

    [Fact]
    public void Only_short_abandons_leave_no_rate()
    {
        Assert.Null(ContactAbandonment.FromCounts(4, 4, 4).Value);
    }

    [Fact]
    public void More_short_abandons_than_abandons_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ContactAbandonment.FromCounts(100, 5, 6));
    }

    [Fact]
    public void Adding_two_periods_adds_counts()
    {
        var total = ContactAbandonment.FromCounts(100, 20, 5).Add(ContactAbandonment.FromCounts(50, 10, 0));

        Assert.Equal(new Rate(25, 145), total.Rate);
    }
}
