using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Loopwise.Features.Email;

/// <summary>
/// A workspace's sending limit: at most N messages take a place (<see cref="EmailMessage.SlotAt"/>) in any window
/// (an hour) ending now. A message takes its place just before its first SMTP attempt (and again when its place has
/// left the window); a message that finds the window full waits until its oldest place leaves it. Counting and taking
/// are one transaction, serialised per workspace (SQLite's single writer; a PostgreSQL advisory lock), so concurrent
/// workers on several nodes cannot overshoot the limit.
/// </summary>
public sealed class EmailSendingLimit(LoopwiseDbContext db, SqliteWriteGate gate, TimeProvider clock, IOptions<EmailOptions> options)
{
    /// <summary>The workspace's limit per window: its own setting, or the server default.</summary>
    public async Task<int> MaxPerWindowAsync(CancellationToken ct) =>
        await db.Set<EmailSettings>().AsNoTracking().Select(s => s.MaxPerHour).FirstOrDefaultAsync(ct) ?? options.Value.MaxPerHour;

    /// <summary>Takes a place for <paramref name="message"/> (tracked by this context) now, or returns when the window will have room.</summary>
    public async Task<DateTime?> TakeAsync(EmailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = clock.GetUtcNow().UtcDateTime;
        var window = options.Value.Window;
        var from = now - window;
        if (message.SlotAt is { } held && held > from)
        {
            return null; // a retry still inside the window of its first attempt keeps its place
        }

        var max = await MaxPerWindowAsync(ct);
        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (db.IsPostgres)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey(message.WorkspaceId)})", ct);
            }

            var taken = db.Set<EmailMessage>().Where(m => m.SlotAt != null && m.SlotAt > from);
            var count = await taken.CountAsync(ct);
            if (count >= max)
            {
                // The window has room once enough of its places have left it: the (count − max + 1)-th oldest place.
                var leaving = await taken.OrderBy(m => m.SlotAt).Skip(count - max).Select(m => m.SlotAt).FirstAsync(ct);
                await transaction.RollbackAsync(ct);
                var at = leaving!.Value + window;
                return at > now ? at : now.AddSeconds(1);
            }

            message.SlotAt = now;
            message.UpdatedAt = now;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return null;
        }
    }

    // A stable 64-bit key per workspace for PostgreSQL's advisory locks, apart from other features' keys by its constant.
    private static long AdvisoryLockKey(Guid workspaceId)
    {
        Span<byte> bytes = stackalloc byte[16];
        workspaceId.TryWriteBytes(bytes);
        return BitConverter.ToInt64(bytes[..8]) ^ 0x656d61696c_6c6dL;
    }
}
