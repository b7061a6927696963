using Loopwise.Data;
using Loopwise.Features.Audit;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Loopwise.Features.Email;

/// <summary>The delivery log of the current workspace (<see cref="WorkspaceScope"/>): list, detail, resend, and its sending limit.</summary>
public sealed class EmailLog(LoopwiseDbContext db, SqliteWriteGate gate, EmailOutbox outbox, TimeProvider clock, IOptions<EmailOptions> options)
{
    public const int MaxPageSize = 200;

    public async Task<Result<EmailPageDto>> ListAsync(string? status, string? purpose, int page, int pageSize, CancellationToken ct)
    {
        if (page < 1)
        {
            return Error.Invalid.Field("page", "Pages start at 1.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            return Error.Invalid.Field("pageSize", $"Use a page size from 1 to {MaxPageSize}.");
        }

        var messages = db.Set<EmailMessage>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!EmailStatusNames.TryParse(status, out var wanted))
            {
                return Error.Invalid.Field("status", "Use queued, sent, failed or suppressed.");
            }

            messages = messages.Where(m => m.Status == wanted);
        }

        if (!string.IsNullOrWhiteSpace(purpose))
        {
            var p = purpose.Trim().ToLowerInvariant();
            messages = messages.Where(m => m.Purpose == p);
        }

        var total = await messages.CountAsync(ct);
        var rows = await messages.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new EmailPageDto(outbox.IsConfigured, page, pageSize, total, [.. rows.Select(EmailDto.From)]);
    }

    public async Task<Result<EmailDetailDto>> GetAsync(Guid id, CancellationToken ct)
    {
        var message = await db.Set<EmailMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null)
        {
            return new Error.NotFound($"There is no e-mail {id} in this workspace.");
        }

        var attempts = await db.Set<EmailAttempt>().AsNoTracking().Where(a => a.EmailId == id).OrderBy(a => a.Number).ThenBy(a => a.StartedAt).ToListAsync(ct);
        return new EmailDetailDto(EmailDto.From(message), message.TextBody, message.HtmlBody,
            [.. attempts.Select(a => new EmailAttemptDto(a.Number, a.Outcome, a.Reply, a.Error, a.StartedAt, a.FinishedAt, a.JobId))]);
    }

    /// <summary>Queues a failed message again (audited); 404 when the workspace has no such message, 409 unless it failed.</summary>
    public async Task<Result<EmailDto>> ResendAsync(Guid id, string actor, CancellationToken ct)
    {
        using (await gate.EnterAsync(ct))
        {
            var message = await db.Set<EmailMessage>().FirstOrDefaultAsync(m => m.Id == id, ct);
            if (message is null)
            {
                return new Error.NotFound($"There is no e-mail {id} in this workspace.");
            }

            if (!outbox.Resend(db, message))
            {
                return new Error.Conflict($"E-mail {id} is {EmailStatusNames.Of(message.Status)}: only failed messages can be resent.");
            }

            db.Add(AuditEntry.Of(message.WorkspaceId, clock.GetUtcNow().UtcDateTime, actor, "email.resend", $"email:{id}"));
            await db.SaveChangesAsync(ct);
            return EmailDto.From(message);
        }
    }

    public async Task<EmailSettingsDto> SettingsAsync(CancellationToken ct)
    {
        var own = await db.Set<EmailSettings>().AsNoTracking().Select(s => s.MaxPerHour).FirstOrDefaultAsync(ct);
        var server = options.Value.MaxPerHour;
        return new EmailSettingsDto(outbox.IsConfigured, own ?? server, own is null, server);
    }

    public async Task<Result<EmailSettingsDto>> SetMaxPerHourAsync(int? maxPerHour, string actor, CancellationToken ct)
    {
        if (maxPerHour is < 1 or > EmailSettings.MaxPerHourLimit)
        {
            return Error.Invalid.Field("maxPerHour", $"Use a number of messages per hour from 1 to {EmailSettings.MaxPerHourLimit}, or null for the server default.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        using (await gate.EnterAsync(ct))
        {
            var settings = await db.Set<EmailSettings>().FirstOrDefaultAsync(ct);
            if (settings is null)
            {
                settings = new EmailSettings { WorkspaceId = db.Scope.WorkspaceId };
                db.Add(settings);
            }

            settings.MaxPerHour = maxPerHour;
            settings.UpdatedAt = now;
            db.Add(AuditEntry.Of(settings.WorkspaceId, now, actor, "email.settings", "email-settings", maxPerHour is { } m ? FormattableString.Invariant($"max per hour {m}") : "max per hour: server default"));
            await db.SaveChangesAsync(ct);
        }

        return await SettingsAsync(ct);
    }
}
