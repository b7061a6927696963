namespace Loopwise.Core.Kpis;

/// <summary>How often a KPI is measured (the YAML <c>frequency</c> of cx-reference.md §10).</summary>
public enum KpiFrequency
{
    /// <summary><c>monthly</c></summary>
    Monthly,

    /// <summary><c>per_interaction</c></summary>
    PerInteraction,

    /// <summary><c>per_journey</c></summary>
    PerJourney,
}

/// <summary>What counts as "resolved at the first contact" (cx-reference.md §4, FCR variants).</summary>
public enum FcrVariant
{
    /// <summary>The agent or the system flags the contact resolved, with no transfer and no follow-up task.</summary>
    AgentFlagged,

    /// <summary>The post-contact survey answers "Was your issue resolved?" = yes.</summary>
    CustomerReported,

    /// <summary><c>repeat_contact</c>: no further inbound contact on the same issue within the window (our default).</summary>
    RepeatContact,
}

/// <summary>The clock that durations such as first response time are measured on (cx-reference.md §4).</summary>
public enum ResponseClock
{
    /// <summary>Calendar hours.</summary>
    Calendar,

    /// <summary><c>business_hours</c>: the team calendar and holidays.</summary>
    BusinessHours,
}

/// <summary>
/// The measurement settings that ride along with a target in the cx-reference.md §10 YAML. All are our product
/// defaults, not seed values (§10 notes). Null means "not applicable to this KPI".
/// </summary>
/// <param name="Variant">FCR variant (<c>variant: repeat_contact</c>).</param>
/// <param name="WindowDays">FCR repeat-contact window W in days (<c>window_days: 7</c>).</param>
/// <param name="Clock">Clock for response times (<c>clock: business_hours</c>).</param>
/// <param name="ShortAbandonSeconds">Contact-centre short-abandon cut-off t_s (<c>short_abandon_seconds: 5</c>).</param>
public sealed record KpiTargetSettings(
    FcrVariant? Variant = null,
    int? WindowDays = null,
    ResponseClock? Clock = null,
    double? ShortAbandonSeconds = null)
{
    /// <summary>No settings.</summary>
    public static KpiTargetSettings None { get; } = new();
}
