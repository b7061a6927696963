namespace Loopwise.Core.Kpis;

/// <summary>
/// The significance arrow of a period-over-period change: drawn only when the change is significant and both
/// periods have n ≥ 30 (cx-reference.md §1, minimum-n product defaults).
/// </summary>
public enum MetricChangeArrow
{
    /// <summary>No arrow.</summary>
    None,

    /// <summary>The value went up significantly (good or bad depends on polarity, see <see cref="MetricChangeVerdict"/>).</summary>
    Up,

    /// <summary>The value went down significantly.</summary>
    Down,
}

/// <summary>Whether a change is good news, by the KPI's polarity (cx-reference.md §2 point 4).</summary>
public enum MetricChangeVerdict
{
    /// <summary>A value is missing in either period.</summary>
    NoData,

    /// <summary>The KPI has no significance test (median, P90, derived values).</summary>
    NotTested,

    /// <summary>Not significant, or a base below 30.</summary>
    NotSignificant,

    /// <summary>Significantly better.</summary>
    Better,

    /// <summary>Significantly worse.</summary>
    Worse,
}
