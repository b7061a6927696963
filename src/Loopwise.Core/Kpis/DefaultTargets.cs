namespace Loopwise.Core.Kpis;

/// <summary>
/// The shipped default targets: <c>cx-default-targets.yaml</c> of cx-reference.md §10 (version 1) as C# data.
/// Each workspace may override them through <see cref="KpiTargetSet"/>.
/// </summary>
public static class DefaultTargets
{
    /// <summary>The YAML <c>version</c>.</summary>
    public const int Version = 1;

    /// <summary>The YAML <c>status_rule</c>, implemented by <see cref="KpiStatusRule"/>.</summary>
    public const string StatusRule =
        "green if meets target (or benchmark); red if action threshold crossed; amber otherwise; grey if n < min_n";

    /// <summary>The YAML <c>maturity_levels</c> (§10 table).</summary>
    public static IReadOnlyList<(int Level, string Id, string Name)> MaturityLevels { get; } =
    [
        (1, "reactive", "Reactive (Basic)"),
        (2, "responsive", "Responsive (Developing)"),
        (3, "proactive", "Proactive (Proficient)"),
        (4, "predictive", "Predictive (Advanced)"),
    ];

    /// <summary>The YAML <c>business_impact</c> list: §3 metrics with no seed targets.</summary>
    public static IReadOnlyList<KpiId> BusinessImpact { get; } =
        [KpiId.Clv, KpiId.ChurnRate, KpiId.RevenuePerCustomer, KpiId.ReferralRate];

    /// <summary>The YAML <c>metrics</c> entries, in YAML order.</summary>
    public static IReadOnlyList<KpiTarget> All { get; } =
    [
        new(KpiId.Nps, Target: KpiThreshold.Is(ThresholdOperator.GreaterThanOrEqual, 50), MinN: 30,
            Frequency: KpiFrequency.Monthly, LabelAtTarget: "Excellent", ScaleId: "nps_0_10"),
        new(KpiId.CsatPct, Target: KpiThreshold.Is(ThresholdOperator.GreaterThanOrEqual, 80), MinN: 30,
            Frequency: KpiFrequency.PerInteraction, ScaleId: "csat_1_5"),
        new(KpiId.CesEffortMean, Target: KpiThreshold.Is(ThresholdOperator.LessThan, 2.0), MinN: 30,
            Frequency: KpiFrequency.PerJourney, LabelAtTarget: "Low effort", ScaleId: "ces_effort_1_5"),
        new(KpiId.Ces2EaseMean, Target: KpiThreshold.Is(ThresholdOperator.GreaterThanOrEqual, 5.5), Enabled: false,
            Derived: true, Note: "linear rescale of the 1-5 target; not a published benchmark", ScaleId: "ces_agree_1_7"),
        new(KpiId.HealthScore, Target: KpiThreshold.Is(ThresholdOperator.GreaterThanOrEqual, 70),
            Frequency: KpiFrequency.Monthly, ScaleId: "health_0_100"),
        new(KpiId.Fcr, Benchmark: KpiThreshold.Between(70, 75), Action: KpiThreshold.Is(ThresholdOperator.LessThan, 65),
            Settings: new KpiTargetSettings(Variant: FcrVariant.RepeatContact, WindowDays: 7)),
        new(KpiId.FirstResponseTime, Benchmark: KpiThreshold.Is(ThresholdOperator.LessThan, 2),
            Action: KpiThreshold.Is(ThresholdOperator.GreaterThan, 4),
            Settings: new KpiTargetSettings(Clock: ResponseClock.BusinessHours)),
        new(KpiId.AbandonmentRate, Benchmark: KpiThreshold.Is(ThresholdOperator.LessThan, 10),
            Action: KpiThreshold.Is(ThresholdOperator.GreaterThan, 15),
            Settings: new KpiTargetSettings(ShortAbandonSeconds: 5)),
        new(KpiId.CompletionRate, Benchmark: KpiThreshold.Is(ThresholdOperator.GreaterThanOrEqual, 85),
            Action: KpiThreshold.Is(ThresholdOperator.LessThan, 80)),
        new(KpiId.SocialFirstResponseTime, Target: KpiThreshold.Is(ThresholdOperator.LessThan, 1),
            Settings: new KpiTargetSettings(Clock: ResponseClock.BusinessHours)),
        new(KpiId.PageLoadTime, Target: KpiThreshold.Is(ThresholdOperator.LessThan, 3)),
    ];

    /// <summary>The default entry of <paramref name="id"/>, or null when the YAML has none.</summary>
    public static KpiTarget? Find(KpiId id) => All.FirstOrDefault(t => t.Id == id);
}
