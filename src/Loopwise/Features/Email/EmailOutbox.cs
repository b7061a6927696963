using Loopwise.Core.Email;
using Loopwise.Data;
using Loopwise.Features.Jobs;
using Loopwise.Web;
using Microsoft.Extensions.Options;

namespace Loopwise.Features.Email;

/// <summary>
/// Queues e-mail in the caller's transaction: <see cref="Add"/> adds the message row and its <c>email.send</c> job to
/// the caller's <see cref="LoopwiseDbContext"/>, so both are stored by the caller's SaveChanges (in its transaction)
/// or neither is. Alerts, cases and invitations all send through here.
/// </summary>
public sealed class EmailOutbox(TimeProvider clock, IOptions<JobOptions> jobOptions, IOptions<EmailOptions> emailOptions, IOptions<SmtpOptions> smtp)
{
    /// <summary>Length of unsubscribe tokens (base62: about 190 bits).</summary>
    public const int UnsubscribeTokenLength = 32;

    /// <summary>False when no SMTP host is configured: messages can be queued but will fail with a clear error.</summary>
    public bool IsConfigured => smtp.Value.IsConfigured;

    public static string NewUnsubscribeToken() => Tokens.Random(UnsubscribeTokenLength);

    /// <summary>The public unsubscribe page of a token on a server reachable at <paramref name="baseUrl"/>.</summary>
    public static string UnsubscribeUrl(string baseUrl, string token)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return $"{baseUrl.TrimEnd('/')}/u/{token}";
    }

    /// <summary>The RFC 5322 Message-ID of a message: its id at the sender's domain, so every resend carries the same one.</summary>
    public static string MessageIdFor(Guid id, string fromAddress)
    {
        ArgumentNullException.ThrowIfNull(fromAddress);
        var at = fromAddress.LastIndexOf('@');
        var domain = at >= 0 && at < fromAddress.Length - 1 ? fromAddress[(at + 1)..] : "loopwise.invalid";
        return $"{id:N}@{domain}";
    }

    /// <summary>
    /// Adds the message and its job to <paramref name="db"/> (stored by the caller's next SaveChanges). Throws
    /// <see cref="ArgumentException"/> for an invalid recipient address: check with <see cref="EmailAddress.IsValid"/>.
    /// </summary>
    public EmailMessage Add(LoopwiseDbContext db, OutgoingEmail email)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(email);
        if (!EmailAddress.IsValid(email.ToAddress))
        {
            throw new ArgumentException($"'{email.ToAddress}' is not a valid e-mail address.", nameof(email));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(email.Purpose);
        if ((email.UnsubscribeToken is null) != (email.UnsubscribeUrl is null))
        {
            throw new ArgumentException("An unsubscribe token comes with its URL.", nameof(email));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7(now);
        var message = new EmailMessage
        {
            WorkspaceId = email.WorkspaceId,
            Id = id,
            Purpose = email.Purpose.Length > 32 ? email.Purpose[..32] : email.Purpose,
            ToAddress = email.ToAddress,
            ToName = email.ToName,
            Subject = email.Subject.Length > 500 ? email.Subject[..500] : email.Subject,
            TextBody = email.Text,
            HtmlBody = email.Html,
            CustomerId = email.CustomerId,
            RelatedId = email.RelatedId,
            Status = EmailStatus.Queued,
            MessageId = MessageIdFor(id, smtp.Value.FromAddress),
            UnsubscribeToken = email.UnsubscribeToken,
            UnsubscribeUrl = email.UnsubscribeUrl,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(message);
        Jobs(db).Enqueue(EmailSendJob.For(message, emailOptions.Value.MaxAttempts));
        return message;
    }

    /// <summary>Queues a failed message again (a new job with fresh attempts), in the caller's SaveChanges; false unless it failed.</summary>
    public bool Resend(LoopwiseDbContext db, EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        if (message.Status != EmailStatus.Failed)
        {
            return false;
        }

        message.Status = EmailStatus.Queued;
        message.Sends++;
        message.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        Jobs(db).Enqueue(EmailSendJob.For(message, emailOptions.Value.MaxAttempts));
        return true;
    }

    private JobQueue Jobs(LoopwiseDbContext db) => new(db, clock, jobOptions);
}
