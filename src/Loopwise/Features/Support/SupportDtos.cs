namespace Loopwise.Features.Support;

/// <summary>Up to <see cref="IngestTickets.MaxBatchSize"/> tickets stored together: all of them or none.</summary>
public sealed record TicketBatchInput(List<TicketInput?>? Tickets);

/// <summary>
/// A new ticket with its events, or (when a ticket with <paramref name="ExternalId"/> is stored already) more events
/// for it: then send only <paramref name="ExternalId"/> and <paramref name="Events"/>.
/// </summary>
/// <param name="ExternalId">The source's ticket id; required, unique in the workspace.</param>
/// <param name="CustomerExternalId">The workspace's customer id; an unknown id creates the customer.</param>
/// <param name="Channel">email, chat, phone, social, web, app, sms or in-person; required for a new ticket.</param>
/// <param name="TouchpointKey">Key of a touchpoint, if any.</param>
/// <param name="IssueKey">Links this customer's tickets about the same issue (repeat-contact FCR).</param>
/// <param name="Subject">Subject line.</param>
/// <param name="CreatedAt">Creation time (UTC); required for a new ticket.</param>
/// <param name="CreatedBy">customer (default) or agent.</param>
/// <param name="Events">Messages, status changes, transfers and the agent's FCR flag, in any order.</param>
public sealed record TicketInput(
    string? ExternalId,
    string? CustomerExternalId = null,
    string? Channel = null,
    string? TouchpointKey = null,
    string? IssueKey = null,
    string? Subject = null,
    DateTime? CreatedAt = null,
    string? CreatedBy = null,
    List<TicketEventInput?>? Events = null);

/// <summary>One ticket event.</summary>
/// <param name="Kind">message, status, transferred or resolved_flag.</param>
/// <param name="At">When it happened (UTC); not before the ticket's creation.</param>
/// <param name="Direction">Messages: inbound (customer) or outbound (company).</param>
/// <param name="Author">Outbound messages: human (default), bot or system (auto-reply).</param>
/// <param name="Public">Messages: false for a private note; default true.</param>
/// <param name="Status">Status events: new, open, pending, on_hold, solved, closed or reopened.</param>
/// <param name="Flag">resolved_flag events: set (default true) or cleared.</param>
public sealed record TicketEventInput(string? Kind, DateTime? At, string? Direction = null, string? Author = null, bool? Public = null, string? Status = null, bool? Flag = null);

/// <summary>The outcome of a batch: new tickets and tickets that got events, ids in the order sent.</summary>
public sealed record TicketBatchResult(int Created, int Updated, IReadOnlyList<Guid> Ids);

/// <summary>Support settings as the API shows and takes them.</summary>
/// <param name="Calendar">The team's business calendar.</param>
/// <param name="FcrWindowDays">Repeat-contact window W in days (1 to 90).</param>
/// <param name="SlaFirstResponseHours">First-response target in business hours (more than 0, at most 720).</param>
public sealed record SupportSettingsDto(CalendarInput? Calendar, int? FcrWindowDays, double? SlaFirstResponseHours);
