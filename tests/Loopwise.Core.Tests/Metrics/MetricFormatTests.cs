using System.Globalization;
using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Metrics;

public class MetricFormatTests
{
    [Theory]
    [InlineData(0.20, "+20")]
    [InlineData(-0.05, "-5")]
    [InlineData(0.0, "0")]
    [InlineData(-0.004, "0")]
    [InlineData(0.005, "+1")]
    [InlineData(1.0, "+100")]
    public void Nps_is_a_signed_integer_of_points(double score, string expected)
    {
        Assert.Equal(expected, MetricFormat.NpsPoints(score));
    }

    // cx-reference.md §1: "+20 (n=200)".
    [Fact]
    public void Nps_is_shown_next_to_n()
    {
        Assert.Equal("+20 (n=200)", MetricFormat.NpsWithBase(0.2, 200));
    }

    [Fact]
    public void Null_metrics_display_as_missing()
    {
        Assert.Equal("n/a", MetricFormat.NpsPoints(null));
        Assert.Equal("n/a", MetricFormat.Percent(null));
        Assert.Equal("n/a", MetricFormat.IntervalPoints(null));
    }

    [Fact]
    public void Reference_intervals_display_in_points_and_percent()
    {
        var nps = Nps.Compute(new NpsCounts(100, 40, 60));

        Assert.Equal("[7.7, 31.7]", MetricFormat.IntervalPoints(nps.Interval));
        Assert.Equal("[7.9, 32.1]", MetricFormat.IntervalPoints(nps.WaldInterval));
        Assert.Equal("6.16", MetricFormat.Points(nps.StandardError, 2));
        Assert.Equal("[73.9%, 85.0%]", MetricFormat.IntervalPercent(Proportion.Wilson(160, 200)));
        Assert.Equal("80%", MetricFormat.Percent(0.8));
    }

    [Fact]
    public void Formatting_ignores_the_current_culture()
    {
        var original = CultureInfo.CurrentCulture;
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.PositiveSign = "#";
        comma.NumberFormat.NegativeSign = "~";
        try
        {
            CultureInfo.CurrentCulture = comma;

            Assert.Equal("73.9%", MetricFormat.Percent(0.739, 1));
            Assert.Equal("4.05", MetricFormat.Number(4.05));
            Assert.Equal("-5", MetricFormat.NpsPoints(-0.05));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Negative_zero_is_shown_without_a_sign()
    {
        Assert.Equal("0.0", MetricFormat.Number(-0.01, 1));
    }
}
