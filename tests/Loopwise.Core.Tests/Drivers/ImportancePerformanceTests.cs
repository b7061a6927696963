using Loopwise.Core.Drivers;

namespace Loopwise.Core.Tests.Drivers;

public class ImportancePerformanceTests
{
    // Four drivers, importance (50, 30, 15, 5) → mean cut 25; performance means (3.2, 4.5, 3.0, 4.4) → mean cut 3.775.
    // wait (50, 3.2): high/low → ConcentrateHere; speed (30, 4.5): high/high → KeepUpTheGoodWork;
    // price (15, 3.0): low/low → LowPriority; décor (5, 4.4): low/high → PossibleOverkill.
    [Fact]
    public void Drivers_fall_into_the_four_quadrants_around_the_means()
    {
        DriverImportance[] drivers = [Driver("wait", 50, 3.2), Driver("speed", 30, 4.5), Driver("price", 15, 3.0), Driver("decor", 5, 4.4)];

        var quadrants = ImportancePerformance.Classify(drivers);

        Assert.Equal(
            [DriverQuadrant.ConcentrateHere, DriverQuadrant.KeepUpTheGoodWork, DriverQuadrant.LowPriority, DriverQuadrant.PossibleOverkill],
            quadrants);
    }

    // With explicit cross-hairs at importance 40 and performance 4: speed (30, 4.5) becomes PossibleOverkill.
    [Fact]
    public void Explicit_cross_hairs_override_the_means()
    {
        DriverImportance[] drivers = [Driver("wait", 50, 3.2), Driver("speed", 30, 4.5)];

        var quadrants = ImportancePerformance.Classify(drivers, importanceCut: 40, performanceCut: 4);

        Assert.Equal([DriverQuadrant.ConcentrateHere, DriverQuadrant.PossibleOverkill], quadrants);
    }

    private static DriverImportance Driver(string key, double rescaled, double mean) =>
        new(key, DriverVariableKind.Rating, 1, rescaled / 100.0, rescaled, null, null, null, 0.3, 0.2, 1.0, false, mean, null);
}
