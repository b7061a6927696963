namespace Loopwise.Core.Kpis;

/// <summary>How a retention cohort cell counts customers (cx-reference.md §3, "Retention cohort table") [17].</summary>
public enum RetentionMode
{
    /// <summary>"Birth" or N-period retention: customers active <em>in</em> period k after acquisition.</summary>
    Birth,

    /// <summary>"Unbounded" retention: customers active <em>in or after</em> period k after acquisition.</summary>
    Unbounded,
}
