namespace Loopwise.Features.Email;

/// <summary>A message in the delivery log (bodies left out; <see cref="EmailDetailDto"/> has them).</summary>
public sealed record EmailDto(
    Guid Id, string Purpose, string Status, string To, string? ToName, string Subject, int Attempts, string? LastError, string? LastReply,
    string MessageId, Guid? CustomerId, Guid? RelatedId, DateTime CreatedAt, DateTime UpdatedAt, DateTime? SentAt)
{
    public static EmailDto From(EmailMessage m) => new(
        m.Id, m.Purpose, EmailStatusNames.Of(m.Status), m.ToAddress, m.ToName, m.Subject, m.Attempts, m.LastError, m.LastReply,
        m.MessageId, m.CustomerId, m.RelatedId, m.CreatedAt, m.UpdatedAt, m.SentAt);
}

/// <summary>One SMTP attempt of a message.</summary>
public sealed record EmailAttemptDto(int Number, string Outcome, string? Reply, string? Error, DateTime StartedAt, DateTime? FinishedAt, Guid JobId);

/// <summary>A message with its bodies and attempts.</summary>
public sealed record EmailDetailDto(EmailDto Email, string Text, string? Html, IReadOnlyList<EmailAttemptDto> Attempts);

/// <summary>A page of the delivery log, newest first; <see cref="Configured"/> false when no SMTP server is set up.</summary>
public sealed record EmailPageDto(bool Configured, int Page, int PageSize, int Total, IReadOnlyList<EmailDto> Items);

/// <summary>The workspace's e-mail settings: its sending limit per hour (its own, or the server default) and whether SMTP is configured.</summary>
public sealed record EmailSettingsDto(bool Configured, int MaxPerHour, bool IsDefault, int ServerDefault);

/// <summary>A change of the workspace's sending limit; null goes back to the server default.</summary>
public sealed record EmailSettingsRequest(int? MaxPerHour);
