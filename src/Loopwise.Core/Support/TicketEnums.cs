namespace Loopwise.Core.Support;

/// <summary>Who opened a ticket.</summary>
public enum TicketOrigin
{
    /// <summary>The customer wrote in (e-mail, chat, form...).</summary>
    Customer,

    /// <summary>An agent opened it (outbound, or on the customer's behalf).</summary>
    Agent,
}

/// <summary>What one timeline event records (cx-reference.md §4 event model).</summary>
public enum TimelineEventKind
{
    /// <summary>The ticket was created.</summary>
    Created,

    /// <summary>A message was added (inbound from the customer, or outbound).</summary>
    Message,

    /// <summary>The ticket's status changed.</summary>
    Status,

    /// <summary>The ticket was transferred to another team or agent.</summary>
    Transferred,

    /// <summary>The agent set (or cleared) the "resolved at first contact" flag.</summary>
    ResolvedFlag,
}

/// <summary>Direction of a message.</summary>
public enum MessageDirection
{
    /// <summary>From the customer.</summary>
    Inbound,

    /// <summary>From the company.</summary>
    Outbound,
}

/// <summary>Who wrote an outbound message.</summary>
public enum MessageAuthor
{
    /// <summary>A human agent.</summary>
    Human,

    /// <summary>A bot.</summary>
    Bot,

    /// <summary>The system (auto-reply, trigger, notification).</summary>
    System,
}

/// <summary>Ticket statuses of cx-reference.md §4.</summary>
public enum TicketStatus
{
    /// <summary>New, not yet looked at.</summary>
    New,

    /// <summary>Open, being worked on.</summary>
    Open,

    /// <summary>Waiting for the customer.</summary>
    Pending,

    /// <summary>Waiting for a third party.</summary>
    OnHold,

    /// <summary>Solved by the agent.</summary>
    Solved,

    /// <summary>Closed for good.</summary>
    Closed,

    /// <summary>Reopened after a solve.</summary>
    Reopened,
}

/// <summary>The outcome of one issue for a first contact resolution variant.</summary>
public enum FcrOutcome
{
    /// <summary>Resolved at the first contact: in the numerator and the denominator.</summary>
    Resolved,

    /// <summary>Not resolved at the first contact: in the denominator only.</summary>
    NotResolved,

    /// <summary>The repeat-contact window is still open: excluded from both.</summary>
    Pending,

    /// <summary>The variant does not cover the issue (no survey answer, or no customer contact): excluded from both.</summary>
    NotApplicable,
}
