using Loopwise.Core.Kpis;
using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Kpis;

public class ServiceLevelTests
{
    private static readonly TimeSpan Target = TimeSpan.FromHours(2);

    [Theory]
    [InlineData(1.0, 9.0, ServiceLevelOutcome.Met)]
    [InlineData(2.0, 9.0, ServiceLevelOutcome.Met)] // FRT ≤ target
    [InlineData(2.01, 9.0, ServiceLevelOutcome.RepliedLate)]
    [InlineData(null, 3.0, ServiceLevelOutcome.UnrepliedBreach)]
    [InlineData(null, 2.0, ServiceLevelOutcome.Pending)] // not yet past the threshold
    [InlineData(null, 0.5, ServiceLevelOutcome.Pending)]
    public void Tickets_are_classified_against_the_target(double? frtHours, double elapsedHours, ServiceLevelOutcome expected)
    {
        var frt = frtHours is { } h ? TimeSpan.FromHours(h) : (TimeSpan?)null;

        Assert.Equal(expected, ServiceLevel.Classify(frt, TimeSpan.FromHours(elapsedHours), Target));
    }

    // §4: unreplied tickets past the threshold count as breaches. 6 met, 1 late, 2 unreplied past 2 h,
    // 1 unreplied at 0.5 h (pending) → 6/9 = 66.7%, not 6/7 as the replied tickets alone would give.
    [Fact]
    public void Unreplied_tickets_past_the_target_count_as_breaches()
    {
        var outcomes = new (double? Frt, double Elapsed)[]
        {
            (0.2, 9), (0.5, 9), (1.0, 9), (1.5, 9), (1.9, 9), (2.0, 9), (3.5, 9), (null, 2.5), (null, 30), (null, 0.5),
        }.Select(t => ServiceLevel.Classify(t.Frt is { } f ? TimeSpan.FromHours(f) : null, TimeSpan.FromHours(t.Elapsed), Target));

        var sla = ServiceLevel.FromOutcomes(outcomes);

        Assert.Equal(6, sla.Met);
        Assert.Equal(1, sla.RepliedLate);
        Assert.Equal(2, sla.UnrepliedBreaches);
        Assert.Equal(1, sla.Pending);
        Assert.Equal(3, sla.Breaches);
        Assert.Equal(new Rate(6, 9), sla.Rate);
        Assert.Equal(6.0 / 9.0, sla.Value!.Value, 1e-15);
        Assert.Equal(Proportion.Wilson(6, 9), sla.Estimate().Interval);
    }

    [Fact]
    public void Counts_from_rollups_add_up()
    {
        var sla = ServiceLevel.FromCounts(80, 10, 5, 3).Add(ServiceLevel.FromCounts(20, 0, 5));

        Assert.Equal(new Rate(100, 120), sla.Rate);
        Assert.Equal(3, sla.Pending);
    }

    [Fact]
    public void No_decided_ticket_has_no_value()
    {
        Assert.Null(ServiceLevel.FromCounts(0, 0, 0, 4).Value);
    }
}
