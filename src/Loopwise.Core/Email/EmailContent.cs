namespace Loopwise.Core.Email;

/// <summary>
/// One e-mail to write as MIME (<see cref="MimeWriter"/>): who from and to, the subject, a plain-text body and an
/// optional HTML body (both present: <c>multipart/alternative</c>), its Message-ID and date, and the one-click
/// unsubscribe address when the recipient may unsubscribe (RFC 8058).
/// </summary>
/// <param name="From">The sender (the <c>From</c> header).</param>
/// <param name="To">The one recipient (the <c>To</c> header).</param>
/// <param name="Subject">The subject, any Unicode text (encoded as RFC 2047 words when not plain ASCII).</param>
/// <param name="Text">The plain-text body.</param>
/// <param name="Html">The HTML body, or null for a text-only message.</param>
/// <param name="MessageId">The Message-ID without angle brackets (<c>id@domain</c>); the same for every resend.</param>
/// <param name="Date">The <c>Date</c> header.</param>
/// <param name="UnsubscribeUrl">An https (or http) address that unsubscribes the recipient with one POST; null for none.</param>
public sealed record EmailContent(
    EmailAddress From,
    EmailAddress To,
    string Subject,
    string Text,
    string? Html,
    string MessageId,
    DateTimeOffset Date,
    string? UnsubscribeUrl = null);
