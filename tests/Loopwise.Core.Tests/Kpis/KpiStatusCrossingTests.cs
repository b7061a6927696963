using Loopwise.Core.Kpis;

namespace Loopwise.Core.Tests.Kpis;

public class KpiStatusCrossingTests
{
    private static KpiStatusResult Rate(KpiId id, double value) =>
        KpiStatusRule.EvaluateDefault(KpiCatalog.Get(id), value, 500);

    [Fact]
    public void Fcr_falling_from_watch_to_action_records_a_below_crossing()
    {
        var crossing = ThresholdCrossing.Detect(KpiStatus.Watch, Rate(KpiId.Fcr, 0.62));

        Assert.NotNull(crossing);
        Assert.Equal(KpiId.Fcr, crossing.Id);
        Assert.Equal(62.0, crossing.Value);
        Assert.Equal(500, crossing.N);
        Assert.Equal(KpiThreshold.Is(ThresholdOperator.LessThan, 65), crossing.Threshold);
        Assert.Equal(CrossingDirection.Below, crossing.Direction);
        Assert.Equal(KpiStatus.Watch, crossing.PreviousStatus);
    }

    [Fact]
    public void First_response_time_rising_past_4_hours_records_an_above_crossing()
    {
        var crossing = ThresholdCrossing.Detect(KpiStatus.OnTarget, Rate(KpiId.FirstResponseTime, 5.5));

        Assert.NotNull(crossing);
        Assert.Equal(CrossingDirection.Above, crossing.Direction);
        Assert.Equal(4.0, crossing.Threshold.Value);
    }

    [Fact]
    public void First_evaluation_already_in_action_records_a_crossing()
    {
        Assert.NotNull(ThresholdCrossing.Detect(null, Rate(KpiId.CompletionRate, 0.5)));
    }

    [Fact]
    public void Staying_in_action_or_leaving_it_records_nothing()
    {
        Assert.Null(ThresholdCrossing.Detect(KpiStatus.Action, Rate(KpiId.Fcr, 0.5)));
        Assert.Null(ThresholdCrossing.Detect(KpiStatus.Action, Rate(KpiId.Fcr, 0.72)));
        Assert.Null(ThresholdCrossing.Detect(KpiStatus.OnTarget, Rate(KpiId.Fcr, 0.66)));
    }
}
