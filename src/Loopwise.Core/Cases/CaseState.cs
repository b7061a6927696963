namespace Loopwise.Core.Cases;

/// <summary>The states of a closed-loop case: the default workflow of cx-reference.md §7.</summary>
public enum CaseState
{
    /// <summary>Opened by a trigger or by hand; nobody owns it yet. The first-response clock runs.</summary>
    New,

    /// <summary>Has an owner who has not yet reached the customer. The first-response clock runs.</summary>
    Assigned,

    /// <summary>The customer has been contacted and the owner is working on it. The resolution clock runs.</summary>
    InProgress,

    /// <summary>Waiting for the customer to answer: the resolution clock is paused.</summary>
    WaitingOnCustomer,

    /// <summary>Raised to a supervisor (by hand or on an SLA breach); goes back to Assigned with a new owner.</summary>
    Escalated,

    /// <summary>Resolved with a resolution code and a root cause; the clocks stop. Closes after N days or reopens.</summary>
    Resolved,

    /// <summary>A resolved case the customer came back on; the resolution clock resumes, counting the earlier time.</summary>
    Reopened,

    /// <summary>Final.</summary>
    Closed,
}
