using Loopwise.Features.Targets;
using Microsoft.Extensions.Configuration;

namespace Loopwise.Tests.Features.Targets;

public sealed class ThresholdCheckServiceTests
{
    [Theory]
    [InlineData(null, 15 * 60)]
    [InlineData("00:05:00", 5 * 60)]
    [InlineData("30", 30 * 60)]
    [InlineData("0", 0)]
    [InlineData("00:00:00", 0)]
    public void Check_interval_comes_from_loopwise_kpis_check_every_defaults_to_15_minutes_and_0_disables(string? setting, int seconds)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(setting is null ? [] : [new KeyValuePair<string, string?>("Loopwise:Kpis:CheckEvery", setting)])
            .Build();

        Assert.Equal(TimeSpan.FromSeconds(seconds), ThresholdCheckService.IntervalFrom(configuration));
    }

    [Fact]
    public void An_unreadable_check_interval_stops_the_start_with_the_setting_named()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("Loopwise:Kpis:CheckEvery", "soon")]).Build();

        var error = Assert.Throws<InvalidOperationException>(() => ThresholdCheckService.IntervalFrom(configuration));

        Assert.Contains("Loopwise:Kpis:CheckEvery", error.Message, StringComparison.Ordinal);
    }
}
