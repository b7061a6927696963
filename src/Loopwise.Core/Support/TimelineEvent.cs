namespace Loopwise.Core.Support;

/// <summary>
/// One fact of a ticket's timeline (cx-reference.md §4). Build them with the factory methods; a timeline is a list
/// of these in the order they happened (by time, then by arrival for equal times).
/// </summary>
/// <param name="At">When it happened (UTC).</param>
/// <param name="Kind">What happened.</param>
/// <param name="Origin">For <see cref="TimelineEventKind.Created"/>: who created the ticket.</param>
/// <param name="Direction">For <see cref="TimelineEventKind.Message"/>: inbound or outbound.</param>
/// <param name="Author">For an outbound message: human, bot or system.</param>
/// <param name="IsPublic">For a message: public (false for an internal note).</param>
/// <param name="Status">For <see cref="TimelineEventKind.Status"/>: the new status.</param>
/// <param name="Flag">For <see cref="TimelineEventKind.ResolvedFlag"/>: set (true) or cleared (false).</param>
public sealed record TimelineEvent(
    DateTime At,
    TimelineEventKind Kind,
    TicketOrigin Origin = TicketOrigin.Customer,
    MessageDirection Direction = MessageDirection.Inbound,
    MessageAuthor Author = MessageAuthor.Human,
    bool IsPublic = true,
    TicketStatus Status = TicketStatus.New,
    bool Flag = false)
{
    /// <summary>The ticket was created by the customer or an agent.</summary>
    public static TimelineEvent Created(DateTime at, TicketOrigin origin) => new(at, TimelineEventKind.Created, Origin: origin);

    /// <summary>A public message from the customer.</summary>
    public static TimelineEvent Inbound(DateTime at, bool isPublic = true) => new(at, TimelineEventKind.Message, Direction: MessageDirection.Inbound, IsPublic: isPublic);

    /// <summary>A message from the company: a human agent's, a bot's or the system's, public or a private note.</summary>
    public static TimelineEvent Outbound(DateTime at, MessageAuthor author = MessageAuthor.Human, bool isPublic = true) =>
        new(at, TimelineEventKind.Message, Direction: MessageDirection.Outbound, Author: author, IsPublic: isPublic);

    /// <summary>The status changed.</summary>
    public static TimelineEvent StatusChange(DateTime at, TicketStatus status) => new(at, TimelineEventKind.Status, Status: status);

    /// <summary>The ticket was transferred.</summary>
    public static TimelineEvent Transfer(DateTime at) => new(at, TimelineEventKind.Transferred);

    /// <summary>The agent set or cleared the "resolved at first contact" flag.</summary>
    public static TimelineEvent ResolvedFlagSet(DateTime at, bool flag = true) => new(at, TimelineEventKind.ResolvedFlag, Flag: flag);
}
