namespace Loopwise.Core.Drivers;

/// <summary>
/// The four cells of an importance–performance map (Martilla &amp; James, 1977), x = importance, y = performance.
/// </summary>
public enum DriverQuadrant
{
    /// <summary>High importance, low performance: fix these first.</summary>
    ConcentrateHere,

    /// <summary>High importance, high performance: protect these strengths.</summary>
    KeepUpTheGoodWork,

    /// <summary>Low importance, low performance.</summary>
    LowPriority,

    /// <summary>Low importance, high performance: effort may be better spent elsewhere.</summary>
    PossibleOverkill,
}
