namespace Loopwise.Core.Support;

/// <summary>What <see cref="TicketTimeline.Derive"/> reads from a ticket's events.</summary>
/// <param name="CreatedAt">When the ticket was created.</param>
/// <param name="Origin">Who created it.</param>
/// <param name="ClockStartAt">When the first-response clock started; null when it never started (agent-created, the customer never wrote).</param>
/// <param name="FirstResponseAt">The first public reply by a human agent after the clock started; null when none yet.</param>
/// <param name="FrtSeconds">First response time in calendar seconds (truncated); null without a first response.</param>
/// <param name="FrtBusinessSeconds">First response time in business seconds of the team calendar; null without a first response.</param>
/// <param name="SolvedAt">When the ticket was first solved (or closed without a solve); null when never.</param>
/// <param name="ReopenCount">How many times it left the solved state (or was marked reopened).</param>
/// <param name="Contacts">Inbound contacts: public customer messages, at least 1 for a customer-created ticket.</param>
/// <param name="Transferred">Whether it was ever transferred.</param>
/// <param name="AgentFlagged">Whether the agent's "resolved at first contact" flag is set (last value wins).</param>
/// <param name="CustomerReturnAt">The first public customer message after the first solve (the customer came back); null when none.</param>
public sealed record TicketFacts(
    DateTime CreatedAt,
    TicketOrigin Origin,
    DateTime? ClockStartAt,
    DateTime? FirstResponseAt,
    long? FrtSeconds,
    long? FrtBusinessSeconds,
    DateTime? SolvedAt,
    int ReopenCount,
    int Contacts,
    bool Transferred,
    bool AgentFlagged,
    DateTime? CustomerReturnAt)
{
    /// <summary>True when the customer reached out on this ticket (customer-created, or a public inbound message).</summary>
    public bool HasCustomerContact => Origin == TicketOrigin.Customer || Contacts > 0;
}
