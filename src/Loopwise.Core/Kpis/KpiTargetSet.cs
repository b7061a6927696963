namespace Loopwise.Core.Kpis;

/// <summary>
/// A workspace's effective targets: the shipped defaults of cx-reference.md §10 with the workspace's overrides
/// merged over them. An override replaces the whole default entry of its KPI (edit a copy with <c>with</c>);
/// KPIs without an override keep the default. Immutable; build one with <see cref="Merge"/>.
/// </summary>
public sealed class KpiTargetSet
{
    private readonly Dictionary<KpiId, KpiTarget> _byId;

    private KpiTargetSet(int version, IReadOnlyList<KpiTarget> targets, IReadOnlyList<KpiTargetIssue> warnings)
    {
        Version = version;
        Targets = targets;
        Warnings = warnings;
        _byId = targets.ToDictionary(t => t.Id);
    }

    /// <summary>The shipped defaults (<see cref="DefaultTargets.All"/>) with no overrides.</summary>
    public static KpiTargetSet Defaults { get; } = Merge([]).Set!;

    /// <summary>The version of the defaults the set was built on (<see cref="DefaultTargets.Version"/>).</summary>
    public int Version { get; }

    /// <summary>The effective entries: defaults in YAML order (overridden in place), then added KPIs.</summary>
    public IReadOnlyList<KpiTarget> Targets { get; }

    /// <summary>Warnings found while validating the overrides (the set is still usable).</summary>
    public IReadOnlyList<KpiTargetIssue> Warnings { get; }

    /// <summary>The effective entry of <paramref name="id"/>, or null when the KPI has none.</summary>
    public KpiTarget? Find(KpiId id) => _byId.GetValueOrDefault(id);

    /// <summary>Rates a value with this set's entry for the KPI (see <see cref="KpiStatusRule.Evaluate"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">n is negative.</exception>
    public KpiStatusResult Evaluate(KpiDefinition definition, double? value, long n)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return KpiStatusRule.Evaluate(definition, Find(definition.Id), value, n);
    }

    /// <summary>
    /// Merges <paramref name="overrides"/> over <see cref="DefaultTargets.All"/> and validates every override with
    /// <see cref="KpiTargetValidator"/>. An override for an unknown KPI, two overrides for one KPI, or any error-level
    /// issue refuses the whole set (<see cref="KpiTargetMergeResult.Set"/> is null); warnings are kept.
    /// </summary>
    public static KpiTargetMergeResult Merge(IEnumerable<KpiTarget> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var issues = new List<KpiTargetIssue>();
        var replaced = new Dictionary<KpiId, KpiTarget>();
        foreach (var entry in overrides)
        {
            ArgumentNullException.ThrowIfNull(entry);
            if (KpiCatalog.Find(entry.Id) is not { } definition)
            {
                issues.Add(new KpiTargetIssue(entry.Id, "id", $"Unknown KPI '{entry.Id}'.", KpiTargetIssueSeverity.Error));
                continue;
            }

            if (!replaced.TryAdd(entry.Id, entry))
            {
                issues.Add(new KpiTargetIssue(entry.Id, "id", $"'{entry.Id}' is overridden twice.", KpiTargetIssueSeverity.Error));
                continue;
            }

            issues.AddRange(KpiTargetValidator.Validate(definition, entry));
        }

        if (issues.Exists(i => i.Severity == KpiTargetIssueSeverity.Error))
        {
            return new KpiTargetMergeResult(null, issues);
        }

        var targets = new List<KpiTarget>();
        foreach (var entry in DefaultTargets.All)
        {
            targets.Add(replaced.Remove(entry.Id, out var own) ? own : entry);
        }

        // Added KPIs (no default entry) follow in catalog order, so the result does not depend on input order.
        targets.AddRange(KpiCatalog.All.Where(d => replaced.ContainsKey(d.Id)).Select(d => replaced[d.Id]));
        return new KpiTargetMergeResult(new KpiTargetSet(DefaultTargets.Version, targets, issues), issues);
    }
}

/// <summary>The outcome of <see cref="KpiTargetSet.Merge"/>.</summary>
/// <param name="Set">The merged set, or null when an error refused it.</param>
/// <param name="Issues">Every error and warning, keyed by KPI and field.</param>
public sealed record KpiTargetMergeResult(KpiTargetSet? Set, IReadOnlyList<KpiTargetIssue> Issues)
{
    /// <summary>True when the set was accepted.</summary>
    public bool IsValid => Set is not null;

    /// <summary>The error-level issues only.</summary>
    public IEnumerable<KpiTargetIssue> Errors => Issues.Where(i => i.Severity == KpiTargetIssueSeverity.Error);
}
