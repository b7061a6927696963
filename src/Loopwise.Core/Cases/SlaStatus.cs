namespace Loopwise.Core.Cases;

/// <summary>Where an SLA clock stands (cx-reference.md §7: warn at 75 % of the target, breach at 100 %).</summary>
public enum SlaStatus
{
    /// <summary>Under 75 % of the target and not stopped.</summary>
    OnTrack,

    /// <summary>At or past 75 % of the target, not yet at it.</summary>
    AtRisk,

    /// <summary>The target has been reached or passed (whether the clock still runs or not).</summary>
    Breached,

    /// <summary>Stopped within the target.</summary>
    Met,
}
