namespace Loopwise.Core.Metrics;

/// <summary>
/// How much a result can be trusted given its n (cx-reference.md §1, "minimum-n product defaults").
/// Always show n next to a score; classify with <see cref="SampleBases.Classify(long)"/>.
/// </summary>
public enum SampleBase
{
    /// <summary>n = 0: the metric is null.</summary>
    None,

    /// <summary>0 &lt; n &lt; 10: hide the score and show the counts only.</summary>
    Hidden,

    /// <summary>10 ≤ n &lt; 30: show the score flagged "low base: ±28 pts or worse".</summary>
    Low,

    /// <summary>n ≥ 30: show the score; eligible for significance arrows.</summary>
    Ok,
}
