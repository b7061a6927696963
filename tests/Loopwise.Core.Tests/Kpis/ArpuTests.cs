using Loopwise.Core.Kpis;

namespace Loopwise.Core.Tests.Kpis;

public class ArpuTests
{
    // cx-reference.md §3: revenue / average active customers, average = (start + end)/2: 10,000 / ((90 + 110)/2) = 100.
    [Fact]
    public void Arpu_of_10000_revenue_with_90_then_110_customers_is_100()
    {
        var arpu = Arpu.FromStartEnd(revenue: 10_000m, activeAtStart: 90, activeAtEnd: 110);

        Assert.Equal(100m, arpu.AverageActiveCustomers);
        Assert.Equal(100m, arpu.Value);
    }

    // Daily mean of 100, 110, 120 = 110; 3,300 / 110 = 30.
    [Fact]
    public void Arpu_with_a_daily_mean_divides_by_the_mean_of_the_daily_counts()
    {
        var arpu = Arpu.FromDailyActive(3_300m, [100, 110, 120]);

        Assert.Equal(110m, arpu.AverageActiveCustomers);
        Assert.Equal(30m, arpu.Value);
    }

    [Fact]
    public void Arpu_with_an_average_of_0_is_null()
    {
        Assert.Null(Arpu.FromStartEnd(500m, 0, 0).Value);
        Assert.Null(Arpu.FromDailyActive(500m, []).Value);
        Assert.Null(Arpu.FromDailyActive(500m, [0, 0]).Value);
    }

    [Fact]
    public void Arpu_with_one_customer_at_the_start_only_uses_half_a_customer()
    {
        Assert.Equal(200m, Arpu.FromStartEnd(100m, 1, 0).Value);
    }

    [Fact]
    public void Negative_counts_are_programming_errors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Arpu.FromStartEnd(1m, -1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Arpu.FromDailyActive(1m, [3, -1]));
    }
}
