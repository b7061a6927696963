using System.Data.Common;
using System.Globalization;
using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Loopwise.Features.Jobs;

/// <summary>
/// Enqueues jobs in the caller's transaction (the transactional outbox of ADR 10): the write and its jobs commit
/// together or not at all. Three doors, one row format and one insert (<see cref="JobSql"/>):
/// <list type="bullet">
/// <item><see cref="Enqueue"/>: EF. The job is stored by the caller's next <c>SaveChangesAsync</c> on this scope's
/// <see cref="LoopwiseDbContext"/>, in its transaction.</item>
/// <item><see cref="EnqueueAsync(IReadOnlyList{NewJob}, CancellationToken)"/>: raw SQL on the context's connection and
/// current transaction, many jobs in one statement (for writers that bypass EF, like the response writer).</item>
/// <item><see cref="EnqueueAsync(DbConnection, DbTransaction?, IReadOnlyList{NewJob}, CancellationToken)"/> and
/// <see cref="PostgresBatchCommand"/>: any open connection, or one command of an <see cref="NpgsqlBatch"/>.</item>
/// </list>
/// A taken dedupe key stores nothing (no error). Workers in this process are woken when the transaction commits
/// through EF; otherwise within their poll interval.
/// </summary>
public sealed class JobQueue(LoopwiseDbContext db, TimeProvider clock, IOptions<JobOptions> options)
{
    /// <summary>
    /// Adds the job to the context: it is inserted by the caller's next SaveChanges, in that save's transaction. When its
    /// dedupe key is taken nothing is inserted, and the returned job's id names no row.
    /// </summary>
    public Job Enqueue(NewJob job)
    {
        var row = Create(job, clock.GetUtcNow().UtcDateTime);
        db.Add(row);
        return row;
    }

    /// <summary>
    /// Inserts the jobs now on the context's connection, in its current transaction (or on their own when there is
    /// none). Returns how many were stored (jobs whose dedupe key was taken are not).
    /// </summary>
    public async Task<int> EnqueueAsync(IReadOnlyList<NewJob> jobs, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return await EnqueueAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), jobs, ct);
    }

    /// <summary>Inserts the jobs on an open connection, in <paramref name="transaction"/> when given; returns how many were stored.</summary>
    public async Task<int> EnqueueAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<NewJob> jobs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(jobs);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = jobs.Select(j => Create(j, now)).ToList();
        var stored = await JobSql.InsertAsync(connection, transaction, rows, ct);
        JobCommitSignal.Instance.NotifyOnCommit(transaction);
        return stored;
    }

    /// <summary>
    /// The insert as a command to add to an <see cref="NpgsqlBatch"/> that runs the caller's write (one round trip).
    /// The batch's transaction, or its implicit one, stores them; call <see cref="JobSignal.Notify"/> on
    /// <see cref="JobSignal.Process"/> after it commits to wake this process's workers.
    /// </summary>
    public NpgsqlBatchCommand PostgresBatchCommand(IReadOnlyList<NewJob> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var now = clock.GetUtcNow().UtcDateTime;
        return JobSql.PostgresBatchCommand([.. jobs.Select(j => Create(j, now))]);
    }

    private Job Create(NewJob job, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentException.ThrowIfNullOrWhiteSpace(job.Kind);
        ArgumentNullException.ThrowIfNull(job.Payload);
        if (job.Kind.Length > Job.KindMaxLength)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A job kind has at most {Job.KindMaxLength} characters: '{job.Kind}'."), nameof(job));
        }

        if (job.DedupeKey is { Length: > Job.DedupeKeyMaxLength })
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A dedupe key has at most {Job.DedupeKeyMaxLength} characters."), nameof(job));
        }

        var maxAttempts = job.MaxAttempts ?? options.Value.MaxAttempts;
        if (maxAttempts < 1)
        {
            throw new ArgumentException("A job has at least one attempt.", nameof(job));
        }

        return new Job
        {
            Id = Guid.CreateVersion7(now),
            WorkspaceId = job.WorkspaceId,
            Kind = job.Kind,
            Payload = job.Payload,
            DedupeKey = job.DedupeKey,
            Status = JobStatus.Queued,
            MaxAttempts = maxAttempts,
            RunAt = job.RunAt is { } at ? Utc(at) : now,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
