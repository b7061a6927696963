namespace Loopwise.Core.Cases;

/// <summary>How urgent a case is; SLA targets depend on it (and on the customer's tier).</summary>
public enum CasePriority
{
    /// <summary>No hurry.</summary>
    Low,

    /// <summary>The default.</summary>
    Normal,

    /// <summary>A valuable customer, a strong complaint.</summary>
    High,

    /// <summary>Legal threats, safety, a key account about to leave.</summary>
    Urgent,
}
