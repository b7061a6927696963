namespace Loopwise.Features.Invitations;

/// <summary>One customer to invite, from a CSV line or a JSON item (<paramref name="Line"/>: CSV line, or 1-based item number).</summary>
public sealed record CustomerRow(int Line, string ExternalId, string? Email, string? Name, string? Language, IReadOnlyDictionary<string, string> Attributes);

/// <summary>An input row that could not be used, and why.</summary>
public sealed record RejectedRow(int Line, string Reason);

/// <summary>A valid customer the contact rules kept from being invited, with the rule's reason.</summary>
public sealed record SuppressedRow(int Line, string ExternalId, string Reason);

/// <summary>An invitation created for one customer, with its personal link.</summary>
public sealed record CreatedLink(int Line, Guid InvitationId, string ExternalId, string? Email, string? Name, string? Language, string Link, DateTime ExpiresAt);

/// <summary>
/// What a bulk creation did. All invitations of a batch share <see cref="CreatedAt"/>, which identifies the batch.
/// When sent by e-mail: <see cref="Emailed"/> invitations were queued for sending (ADR 13), and the created
/// invitations in <see cref="NotEmailed"/> have no usable address (their links are in the links CSV all the same).
/// </summary>
public sealed record InvitationBatch(
    Guid SurveyId,
    DateTime CreatedAt,
    IReadOnlyList<CreatedLink> Created,
    IReadOnlyList<SuppressedRow> Suppressed,
    IReadOnlyList<RejectedRow> Rejected)
{
    public int Emailed { get; init; }

    public IReadOnlyList<SuppressedRow> NotEmailed { get; init; } = [];
}

/// <summary>
/// A request to invite customers to a survey (by id or link token), optionally for one touchpoint; with
/// <see cref="SendEmail"/>, each invitation is also e-mailed to its customer (personal link, unsubscribe link).
/// </summary>
public sealed record CreateInvitations(
    string Survey,
    string? TouchpointKey,
    IReadOnlyList<CustomerRow> Customers,
    IReadOnlyList<RejectedRow> Rejected,
    int ExpiresDays,
    string BaseUrl,
    string Actor)
{
    public bool SendEmail { get; init; }
}

/// <summary>The lifecycle of an invitation as reported by the API and pages.</summary>
public enum InvitationStatus
{
    Sent,
    Opened,
    Answered,
    Expired,
}
