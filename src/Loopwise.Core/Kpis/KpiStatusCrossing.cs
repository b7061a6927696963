namespace Loopwise.Core.Kpis;

/// <summary>Which side of an action threshold a value has gone to.</summary>
public enum CrossingDirection
{
    /// <summary>The value fell below a "&lt;" or "&lt;=" action threshold (e.g. FCR &lt; 65).</summary>
    Below,

    /// <summary>The value rose above a "&gt;" or "&gt;=" action threshold (e.g. first response time &gt; 4 h).</summary>
    Above,
}

/// <summary>
/// The event recorded when a KPI enters <see cref="KpiStatus.Action"/> (issue 3: "crossing an action threshold
/// records an event that later alerting will consume"; thresholds from cx-reference.md §10).
/// </summary>
/// <param name="Id">The KPI.</param>
/// <param name="Value">The value that crossed, in display units.</param>
/// <param name="N">The sample size or event count behind the value.</param>
/// <param name="Threshold">The action threshold crossed.</param>
/// <param name="Direction">Below or above the threshold.</param>
/// <param name="PreviousStatus">The status before, or null when none was recorded.</param>
public sealed record ThresholdCrossing(
    KpiId Id, double Value, long N, KpiThreshold Threshold, CrossingDirection Direction, KpiStatus? PreviousStatus)
{
    /// <summary>
    /// An event when <paramref name="current"/> is <see cref="KpiStatus.Action"/> and
    /// <paramref name="previousStatus"/> is not (including no recorded status); null otherwise. Staying in
    /// Action, or leaving it, records nothing. The caller adds the workspace, slice and period.
    /// </summary>
    public static ThresholdCrossing? Detect(KpiStatus? previousStatus, KpiStatusResult current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.Status != KpiStatus.Action || previousStatus == KpiStatus.Action
            || current.Value is not { } value || current.Threshold is not { } threshold)
        {
            return null;
        }

        var direction = threshold.IsUpperBound ? CrossingDirection.Below : CrossingDirection.Above;
        return new ThresholdCrossing(current.Id, value, current.N, threshold, direction, previousStatus);
    }
}
