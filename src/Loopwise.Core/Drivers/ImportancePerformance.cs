namespace Loopwise.Core.Drivers;

/// <summary>
/// Places drivers on the importance–performance quadrant of cx-reference.md §5 (recommendation 2). The cross-hairs
/// default to the mean importance (100/p for rescaled weights) and the mean performance of the drivers given; a point
/// on a cross-hair counts as high. Performance is only comparable across drivers on the same scale (all 1–5 means,
/// or all top-box shares): pass drivers of one scale at a time, or an explicit <c>performanceCut</c>.
/// </summary>
public static class ImportancePerformance
{
    /// <summary>The quadrant of each driver, in input order.</summary>
    public static IReadOnlyList<DriverQuadrant> Classify(
        IReadOnlyList<DriverImportance> drivers, double? importanceCut = null, double? performanceCut = null)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        if (drivers.Count == 0)
        {
            return [];
        }

        var xCut = importanceCut ?? drivers.Average(d => d.Importance);
        var yCut = performanceCut ?? drivers.Average(d => d.Performance);
        return drivers
            .Select(d => (d.Importance >= xCut, d.Performance >= yCut) switch
            {
                (true, false) => DriverQuadrant.ConcentrateHere,
                (true, true) => DriverQuadrant.KeepUpTheGoodWork,
                (false, false) => DriverQuadrant.LowPriority,
                (false, true) => DriverQuadrant.PossibleOverkill,
            })
            .ToArray();
    }
}
