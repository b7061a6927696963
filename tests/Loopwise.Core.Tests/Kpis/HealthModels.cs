using Loopwise.Core.Kpis;

namespace Loopwise.Core.Tests.Kpis;

/// <summary>Models shared by the health tests.</summary>
internal static class HealthModels
{
    public static readonly DateOnly January = new(2026, 1, 1);

    /// <summary>Usage 30, NPS 20, support tickets 50.</summary>
    public static HealthModel ThreeComponents() => new(
        "default",
        1,
        January,
        null,
        [
            new("seat_utilisation", 30, new MinMaxNormaliser(0, 1)),
            new("nps", 20, new NpsToScoreNormaliser()),
            new("tickets_30d", 50, new ReversedMinMaxNormaliser(0, 10)),
        ]);
}
