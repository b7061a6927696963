using System.Text.Json;
using Loopwise.Data;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Jobs;

/// <summary>One claimed job as its <see cref="IJobHandler"/> sees it: what to do, and which attempt this is.</summary>
public sealed class JobContext
{
    private readonly TimeProvider _clock;

    internal JobContext(Guid id, Guid? workspaceId, string kind, string payload, string? dedupeKey, int attempt, int maxAttempts, DateTime createdAt, string leaseOwner, TimeProvider clock)
    {
        Id = id;
        WorkspaceId = workspaceId;
        Kind = kind;
        Payload = payload;
        DedupeKey = dedupeKey;
        Attempt = attempt;
        MaxAttempts = maxAttempts;
        CreatedAt = createdAt;
        LeaseOwner = leaseOwner;
        _clock = clock;
    }

    public Guid Id { get; }

    public Guid? WorkspaceId { get; }

    public string Kind { get; }

    /// <summary>The payload as stored (JSON text).</summary>
    public string Payload { get; }

    public string? DedupeKey { get; }

    /// <summary>This attempt, from 1.</summary>
    public int Attempt { get; }

    public int MaxAttempts { get; }

    /// <summary>True when a failure now makes the job dead.</summary>
    public bool IsLastAttempt => Attempt >= MaxAttempts;

    public DateTime CreatedAt { get; }

    internal string LeaseOwner { get; }

    /// <summary>Set once the handler recorded success in its own transaction; the runner then records nothing.</summary>
    internal bool MarkedSucceeded { get; private set; }

    /// <summary>Set by <see cref="RunAgainAt"/>: when the runner is to queue the job again.</summary>
    internal DateTime? DeferredUntil { get; private set; }

    /// <summary>
    /// Asks the runner, once the handler returns, to queue the job again for <paramref name="runAt"/> (UTC) without
    /// counting this attempt: the job was not ready (a sending limit, a window not yet open), it did not fail. The
    /// requeue is fenced by the lease like every other outcome. A handler that throws after calling this fails as usual.
    /// </summary>
    public void RunAgainAt(DateTime runAt)
    {
        if (MarkedSucceeded)
        {
            throw new InvalidOperationException("The job was already recorded as succeeded.");
        }

        DeferredUntil = runAt.Kind == DateTimeKind.Utc ? runAt : DateTime.SpecifyKind(runAt.ToUniversalTime(), DateTimeKind.Utc);
    }

    /// <summary>The payload read as <typeparamref name="T"/> (JSON, web defaults, as <see cref="NewJob.Of{T}"/> wrote it).</summary>
    public T ReadPayload<T>() =>
        JsonSerializer.Deserialize<T>(Payload, NewJob.Json) ?? throw new InvalidOperationException($"Job {Id} ({Kind}) has an empty payload.");

    /// <summary>
    /// Records the job as succeeded inside <paramref name="db"/>'s current transaction, so that the handler's database
    /// effect and the job's completion commit together: exactly once in effect, even when a worker presumed dead
    /// finishes late. Throws <see cref="JobLeaseLostException"/> when the lease has passed to another worker; let it
    /// roll the transaction back. On SQLite the caller holds the write turn (<see cref="SqliteWriteGate"/>) for its
    /// transaction already; this takes none.
    /// </summary>
    public async Task MarkSucceededAsync(LoopwiseDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("MarkSucceededAsync belongs inside the transaction that stores the job's effect.");
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        var updated = await JobRunner.Owned(db, Id, LeaseOwner).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, JobStatus.Succeeded)
            .SetProperty(j => j.CompletedAt, now)
            .SetProperty(j => j.UpdatedAt, now)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)
            .SetProperty(j => j.LastError, (string?)null), ct);
        if (updated == 0)
        {
            throw new JobLeaseLostException(Id);
        }

        MarkedSucceeded = true;
    }
}
