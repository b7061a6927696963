namespace Loopwise.Core.Kpis;

/// <summary>
/// The target entry of one KPI, mirroring an entry of the cx-reference.md §10 YAML. Thresholds are in the KPI's
/// display units (NPS points, percent 0–100, hours, ...). Status follows the YAML <c>status_rule</c>
/// (see <see cref="KpiStatusRule"/>). A workspace overrides a whole entry (see <see cref="KpiTargetSet"/>).
/// </summary>
/// <param name="Id">The KPI.</param>
/// <param name="Target">The seed target (<c>target</c>), or null.</param>
/// <param name="Benchmark">The seed's industry benchmark (<c>benchmark</c>), or null.</param>
/// <param name="Action">The seed's action threshold (<c>action</c>), or null.</param>
/// <param name="MinN">Below this n the status is grey (<c>min_n</c>); null when the entry has none.</param>
/// <param name="Frequency">Measurement frequency (<c>frequency</c>), or null.</param>
/// <param name="Enabled">False when the entry ships switched off (<c>enabled: false</c>).</param>
/// <param name="Derived">True when the target is derived rather than a seed value (<c>derived: true</c>).</param>
/// <param name="Note">Free-text note shown with the target (<c>note</c>), or null.</param>
/// <param name="LabelAtTarget">Label shown when the target is met (<c>label_at_target</c>), or null.</param>
/// <param name="ScaleId">The rating scale the target is written for (<c>scale</c>; §2 point 2), or null.</param>
/// <param name="Settings">Measurement settings (variant, window, clock, short abandons).</param>
public sealed record KpiTarget(
    KpiId Id,
    KpiThreshold? Target = null,
    KpiThreshold? Benchmark = null,
    KpiThreshold? Action = null,
    int? MinN = null,
    KpiFrequency? Frequency = null,
    bool Enabled = true,
    bool Derived = false,
    string? Note = null,
    string? LabelAtTarget = null,
    string? ScaleId = null,
    KpiTargetSettings? Settings = null)
{
    /// <summary>Measurement settings, never null.</summary>
    public KpiTargetSettings Settings { get; init; } = Settings ?? KpiTargetSettings.None;

    /// <summary>True when the entry has a target or a benchmark that can be met.</summary>
    public bool HasGoal => Target is not null || Benchmark is not null;

    /// <summary>True when the entry is enabled and has a goal or an action threshold to rate a value against.</summary>
    public bool CanRate => Enabled && (HasGoal || Action is not null);
}
