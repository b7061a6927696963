namespace Loopwise.Core.Cases;

/// <summary>What a person (or the system) does to a case; <see cref="CaseWorkflow"/> says where each leads.</summary>
public enum CaseAction
{
    /// <summary>Gives the case an owner: New, Escalated or Assigned (a reassignment) → Assigned.</summary>
    Assign,

    /// <summary>The owner accepts the case (one click in the inbox): New → Assigned to the actor, or Assigned → Assigned.</summary>
    Acknowledge,

    /// <summary>The customer has been reached (a call or message logged): Assigned or Reopened → InProgress.</summary>
    ContactCustomer,

    /// <summary>Waiting for the customer: InProgress → WaitingOnCustomer (the resolution clock pauses).</summary>
    WaitOnCustomer,

    /// <summary>The customer answered: WaitingOnCustomer → InProgress.</summary>
    CustomerReplied,

    /// <summary>Any open state → Escalated.</summary>
    Escalate,

    /// <summary>InProgress or WaitingOnCustomer → Resolved; needs a resolution code and a root cause.</summary>
    Resolve,

    /// <summary>Resolved → Reopened.</summary>
    Reopen,

    /// <summary>Resolved → Closed; or any open state → Closed with reason NoAction, Duplicate or Unreachable.</summary>
    Close,
}
