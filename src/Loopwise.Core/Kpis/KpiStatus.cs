namespace Loopwise.Core.Kpis;

/// <summary>
/// The status of a KPI against its target (cx-reference.md §10 <c>status_rule</c>). Colours follow the metric's
/// polarity, so green always means good (§2 point 4).
/// </summary>
public enum KpiStatus
{
    /// <summary>No value: n = 0, so the metric is null (cx-reference.md conventions).</summary>
    NoData,

    /// <summary>Grey: n &lt; min_n.</summary>
    LowBase,

    /// <summary>No enabled target, benchmark or action threshold to rate against (e.g. the §3 business metrics).</summary>
    NoTarget,

    /// <summary>Green: meets the target (or the benchmark).</summary>
    OnTarget,

    /// <summary>
    /// Amber: neither meets the target nor crosses the action threshold. For an entry without an action threshold
    /// (the four relationship metrics, §10 notes) this is the "below target" status.
    /// </summary>
    Watch,

    /// <summary>Red: the action threshold is crossed.</summary>
    Action,
}

/// <summary>Display helpers for <see cref="KpiStatus"/>.</summary>
public static class KpiStatusColors
{
    /// <summary>The §10 colour name: green, amber, red or grey (grey also for no data and no target).</summary>
    public static string ToColor(this KpiStatus status) => status switch
    {
        KpiStatus.OnTarget => "green",
        KpiStatus.Watch => "amber",
        KpiStatus.Action => "red",
        _ => "grey",
    };

    /// <summary>
    /// A short English label: "on target", "watch" ("below target" when the entry has no action threshold),
    /// "action", "low base", "no data", "no target".
    /// </summary>
    public static string ToLabel(this KpiStatus status, bool hasActionThreshold = true) => status switch
    {
        KpiStatus.OnTarget => "on target",
        KpiStatus.Watch => hasActionThreshold ? "watch" : "below target",
        KpiStatus.Action => "action",
        KpiStatus.LowBase => "low base",
        KpiStatus.NoTarget => "no target",
        _ => "no data",
    };
}

/// <summary>The outcome of <see cref="KpiStatusRule.Evaluate"/>.</summary>
/// <param name="Id">The KPI.</param>
/// <param name="Status">The status.</param>
/// <param name="Value">The value in display units (the units of the thresholds), or null when there is none.</param>
/// <param name="N">The sample size or event count behind the value.</param>
/// <param name="Threshold">
/// The threshold that decided the status: the target or benchmark met (green), the action threshold crossed (red),
/// the goal missed (amber); null for grey statuses.
/// </param>
public sealed record KpiStatusResult(KpiId Id, KpiStatus Status, double? Value, long N, KpiThreshold? Threshold);
