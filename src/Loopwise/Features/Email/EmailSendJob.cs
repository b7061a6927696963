using System.Globalization;
using System.Text;
using Loopwise.Core.Email;
using Loopwise.Data;
using Loopwise.Features.Customers;
using Loopwise.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Loopwise.Features.Email;

/// <summary>
/// <c>email.send</c>: hands one queued message to the SMTP server. Idempotent as far as SMTP allows: a message that
/// is no longer queued (sent, failed, suppressed) is left alone, so a job that runs again after its message was
/// recorded sends nothing; success is recorded with the job's completion in one transaction. The one window left is a
/// crash between the server's 250 and that commit: the job runs again and the message goes out twice, with the same
/// Message-ID (ADR 13). Each SMTP attempt is recorded before it starts and completed after. A message over its
/// workspace's sending limit waits (<see cref="JobContext.RunAgainAt"/>) without using an attempt; a customer who
/// unsubscribed since it was queued gets nothing (suppressed).
/// </summary>
public sealed partial class EmailSendJob(
    LoopwiseDbContext db, SqliteWriteGate gate, TimeProvider clock, SmtpTransport transport, EmailSendingLimit limit,
    IOptions<SmtpOptions> smtp, ILogger<EmailSendJob> logger) : IJobHandler
{
    public const string Kind = "email.send";

    /// <summary>The job of a message's current send (its dedupe key names the message and the send, so a resend is a new job).</summary>
    public static NewJob For(EmailMessage message, int maxAttempts)
    {
        ArgumentNullException.ThrowIfNull(message);
        return NewJob.Of(Kind, new Payload(message.Id), message.WorkspaceId, string.Create(CultureInfo.InvariantCulture, $"{message.Id:N}:{message.Sends}"))
            with { MaxAttempts = maxAttempts };
    }

    public async Task HandleAsync(JobContext job, CancellationToken ct)
    {
        var id = job.ReadPayload<Payload>().Email;
        var message = await db.Set<EmailMessage>().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null || message.Status != EmailStatus.Queued)
        {
            return; // deleted, or already sent, failed or suppressed: nothing to do (a second run changes nothing)
        }

        if (message.CustomerId is { } customerId && message.UnsubscribeToken is not null &&
            await db.Set<Customer>().Where(c => c.Id == customerId).Select(c => c.UnsubscribedAt).FirstOrDefaultAsync(ct) is { } unsubscribedAt)
        {
            message.LastError = string.Create(CultureInfo.InvariantCulture, $"Not sent: the customer unsubscribed at {unsubscribedAt:O}.");
            await FinishAsync(job, message, EmailStatus.Suppressed, null, ct);
            return;
        }

        var options = smtp.Value;
        if (options.IsConfigured && await limit.TakeAsync(message, ct) is { } later)
        {
            message.LastError = string.Create(CultureInfo.InvariantCulture, $"Waiting for the workspace's sending limit: next place at {later:O}.");
            message.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            using (await gate.EnterAsync(ct))
            {
                await db.SaveChangesAsync(ct);
            }

            job.RunAgainAt(later);
            return;
        }

        var attempt = await StartAttemptAsync(job, message, ct);
        var from = new EmailAddress(options.FromAddress, options.FromName);
        var content = new EmailContent(from, new EmailAddress(message.ToAddress, message.ToName), message.Subject, message.TextBody, message.HtmlBody,
            message.MessageId, new DateTimeOffset(message.CreatedAt, TimeSpan.Zero), message.UnsubscribeUrl);
        SmtpReply reply;
        try
        {
            var mime = Encoding.ASCII.GetBytes(MimeWriter.Write(content));
            reply = await transport.SendAsync(options, options.FromAddress, message.ToAddress, mime, ct);
        }
        catch (SmtpException e) when (e.Permanent)
        {
            LogPermanent(message.Id, message.ToAddress, e.Message);
            Complete(attempt, EmailAttempt.Permanent, e.Reply, e.Message);
            message.LastError = Clip(e.Message);
            message.LastReply = e.Reply is null ? message.LastReply : Clip(e.Reply.ToString());
            await FinishAsync(job, message, EmailStatus.Failed, null, ct);
            return;
        }
        catch (Exception e) when (e is SmtpException or ArgumentException && !ct.IsCancellationRequested)
        {
            // Transient: the job retries with back-off; on the last attempt the message has failed.
            var reply4xx = (e as SmtpException)?.Reply;
            Complete(attempt, EmailAttempt.Transient, reply4xx, e.Message);
            message.LastError = Clip(e.Message);
            message.LastReply = reply4xx is null ? message.LastReply : Clip(reply4xx.ToString());
            message.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            if (job.IsLastAttempt || e is ArgumentException)
            {
                message.Status = EmailStatus.Failed;
            }

            using (await gate.EnterAsync(CancellationToken.None))
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }

            if (e is ArgumentException)
            {
                return; // a message that cannot be written (a bad address) is failed, not retried
            }

            throw;
        }

        Complete(attempt, EmailAttempt.Sent, reply, null);
        message.LastError = null;
        message.LastReply = Clip(reply.ToString());
        await FinishAsync(job, message, EmailStatus.Sent, clock.GetUtcNow().UtcDateTime, CancellationToken.None);
    }

    private async Task<EmailAttempt> StartAttemptAsync(JobContext job, EmailMessage message, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        message.Attempts++;
        message.UpdatedAt = now;
        var attempt = new EmailAttempt
        {
            WorkspaceId = message.WorkspaceId,
            Id = Guid.CreateVersion7(now),
            EmailId = message.Id,
            JobId = job.Id,
            Number = message.Attempts,
            Outcome = EmailAttempt.Sending,
            StartedAt = now,
        };
        db.Add(attempt);
        using (await gate.EnterAsync(ct))
        {
            await db.SaveChangesAsync(ct);
        }

        return attempt;
    }

    private void Complete(EmailAttempt attempt, string outcome, SmtpReply? reply, string? error)
    {
        attempt.Outcome = outcome;
        attempt.Reply = reply is null ? null : Clip(reply.ToString());
        attempt.Error = error is null ? null : Clip(error);
        attempt.FinishedAt = clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>The message's final state and the job's completion, in one transaction (a job that lost its lease records neither).</summary>
    private async Task FinishAsync(JobContext job, EmailMessage message, EmailStatus status, DateTime? sentAt, CancellationToken ct)
    {
        message.Status = status;
        message.SentAt = sentAt ?? message.SentAt;
        message.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await job.MarkSucceededAsync(db, ct);
            await transaction.CommitAsync(ct);
        }
    }

    private static string Clip(string text) => text.Length <= EmailMessage.ErrorMaxLength ? text : text[..EmailMessage.ErrorMaxLength];

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {EmailId} to {To} was refused permanently: {Error}")]
    private partial void LogPermanent(Guid emailId, string to, string error);

    public sealed record Payload(Guid Email);
}
