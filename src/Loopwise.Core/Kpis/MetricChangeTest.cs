namespace Loopwise.Core.Kpis;

/// <summary>The significance test used for a period-over-period change, chosen by the KPI's statistic.</summary>
public enum MetricChangeTest
{
    /// <summary>No test exists (medians, P90, derived values): the change has a delta but never an arrow.</summary>
    None,

    /// <summary>Adjusted-Wald NPS difference z-test, <see cref="Metrics.Nps.Compare"/> (cx-reference.md §1).</summary>
    NpsDifference,

    /// <summary>N − 1 two-proportion test, <see cref="Metrics.Proportion.Compare"/> (cx-reference.md §2).</summary>
    TwoProportion,

    /// <summary>Welch's t-test with Welch–Satterthwaite degrees of freedom, <see cref="MeanComparison"/>.</summary>
    Welch,
}
