using System.Data.Common;
using System.Globalization;
using System.Text;
using Loopwise.Data;
using Loopwise.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Loopwise.Features.Jobs;

/// <summary>
/// One worker's dealings with the <c>jobs</c> table, under its own lease owner name: claim due jobs, run each in its
/// own DI scope, record the outcome, renew its leases, requeue the jobs of workers whose leases expired, purge old
/// succeeded jobs. <see cref="JobWorker"/> drives one in <c>loopwise serve</c>; tests drive them by hand (two runners
/// are two workers). Every change of a claimed job is fenced by the lease (<c>WHERE lease_owner = me AND status =
/// 'running'</c>), so a worker presumed dead cannot overwrite what the worker that took over recorded.
/// </summary>
public sealed partial class JobRunner(
    IServiceScopeFactory scopes, SqliteWriteGate gate, DatabaseOptions database, TimeProvider clock, LoopwiseMetrics metrics,
    IOptions<JobOptions> options, ILogger<JobRunner> logger)
{
    public const int PurgeBatch = 1000;

    /// <summary>Written as last_error of a job whose worker stopped renewing its lease.</summary>
    public const string LeaseExpiredError = "The lease expired before the attempt finished: its worker stopped (crash, shutdown) or lost the database.";

    private const string ClaimPostgres =
        "WITH next AS (SELECT id FROM jobs WHERE status = 'queued' AND run_at <= @now ORDER BY run_at LIMIT @n FOR UPDATE SKIP LOCKED) " +
        "UPDATE jobs AS j SET status = 'running', attempts = j.attempts + 1, lease_owner = @owner, lease_expires_at = @lease, updated_at = @now " +
        "FROM next WHERE j.id = next.id " +
        "RETURNING j.id, j.workspace_id, j.kind, j.payload, j.dedupe_key, j.attempts, j.max_attempts, j.created_at";

    // One statement, so atomic by itself; this process's single-writer turn queues it behind the other writes.
    private const string ClaimSqlite =
        "UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_owner = @owner, lease_expires_at = @lease, updated_at = @now " +
        "WHERE id IN (SELECT id FROM jobs WHERE status = 'queued' AND run_at <= @now ORDER BY run_at LIMIT @n) " +
        "RETURNING id, workspace_id, kind, payload, dedupe_key, attempts, max_attempts, created_at";

    private const string Purge =
        "DELETE FROM jobs WHERE id IN (SELECT id FROM jobs WHERE status = 'succeeded' AND completed_at < @cutoff ORDER BY completed_at LIMIT @n)";

    /// <summary>This worker's name in <c>lease_owner</c>: machine, process and a per-runner id.</summary>
    public string Owner { get; } = NewOwner();

    private bool IsPostgres => database.Provider == DatabaseProvider.Postgres;

    /// <summary>The job if this worker still holds it.</summary>
    internal static IQueryable<Job> Owned(LoopwiseDbContext db, Guid id, string owner) =>
        db.Set<Job>().Where(j => j.Id == id && j.LeaseOwner == owner && j.Status == JobStatus.Running);

    /// <summary>
    /// Claims up to <paramref name="max"/> due jobs, oldest <c>run_at</c> first: each becomes running, one attempt more,
    /// leased to this worker for <see cref="JobOptions.Lease"/>. On PostgreSQL rows another worker is claiming are
    /// skipped (<c>FOR UPDATE SKIP LOCKED</c>), so concurrent workers never wait for or take each other's jobs.
    /// </summary>
    public async Task<IReadOnlyList<JobContext>> ClaimAsync(int max, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var now = Now();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>();
        if (!IsPostgres && !await db.Set<Job>().AnyAsync(j => j.Status == JobStatus.Queued && j.RunAt <= now, ct))
        {
            // SQLite: look before taking the single write turn, which an idle poll would otherwise take every time.
            return [];
        }

        var values = new SqlValue(IsPostgres);
        var claimed = new List<JobContext>();
        using (await gate.EnterAsync(ct))
        {
            await db.Database.OpenConnectionAsync(ct);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = IsPostgres ? ClaimPostgres : ClaimSqlite;
            Add(command, "now", values.Of(now));
            Add(command, "lease", values.Of(now + options.Value.Lease));
            Add(command, "owner", Owner);
            Add(command, "n", max);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                claimed.Add(new JobContext(
                    reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt32(5), reader.GetInt32(6),
                    DateTime.SpecifyKind(reader.GetDateTime(7), DateTimeKind.Utc), Owner, clock));
            }
        }

        return claimed;
    }

    /// <summary>
    /// Runs one claimed job's handler in a new scope (its workspace set) and records the outcome: succeeded; queued
    /// again after <see cref="JobBackoff"/> on failure; dead after the last attempt or when no handler is registered
    /// for its kind. A handler cancelled by <paramref name="ct"/> (shutdown) leaves the job to its lease.
    /// </summary>
    public async Task<JobOutcome> RunAsync(JobContext job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (job.WorkspaceId is { } workspaceId)
        {
            services.GetRequiredService<WorkspaceScope>().Set(workspaceId);
        }

        try
        {
            var handler = services.GetKeyedService<IJobHandler>(job.Kind);
            if (handler is null)
            {
                var error = $"No handler is registered for job kind '{job.Kind}' (register one with AddJobHandler); retry the job once one is.";
                LogNoHandler(job.Id, job.Kind);
                return await FailAsync(job, error, dead: true);
            }

            await handler.HandleAsync(job, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            LogInterrupted(job.Id, job.Kind, job.Attempt);
            return JobOutcome.Interrupted;
        }
        catch (Exception e)
        {
            LogFailed(e, job.Id, job.Kind, job.Attempt, job.MaxAttempts);
            return await FailAsync(job, Describe(e), dead: job.IsLastAttempt);
        }

        if (job.MarkedSucceeded)
        {
            metrics.JobSucceeded(job.Kind);
            return JobOutcome.Succeeded;
        }

        if (job.DeferredUntil is { } runAgainAt)
        {
            return await DeferAsync(job, runAgainAt) ? JobOutcome.Deferred : JobOutcome.LeaseLost;
        }

        return await CompleteAsync(job) ? JobOutcome.Succeeded : JobOutcome.LeaseLost;
    }

    /// <summary>Claims and runs due jobs one after another until none is due (requeueing expired leases first); returns the attempts run.</summary>
    public async Task<int> RunDueAsync(int batchSize, CancellationToken ct)
    {
        var attempts = 0;
        while (true)
        {
            await ReapExpiredLeasesAsync(ct);
            var claimed = await ClaimAsync(batchSize, ct);
            if (claimed.Count == 0)
            {
                return attempts;
            }

            foreach (var job in claimed)
            {
                await RunAsync(job, ct);
                attempts++;
            }
        }
    }

    /// <summary>Records success unless the lease has passed to another worker (then false).</summary>
    internal async Task<bool> CompleteAsync(JobContext job)
    {
        var now = Now();
        int updated;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>();
            updated = await Owned(db, job.Id, job.LeaseOwner).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Succeeded)
                .SetProperty(j => j.CompletedAt, now)
                .SetProperty(j => j.UpdatedAt, now)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(j => j.LastError, (string?)null), CancellationToken.None);
        }

        if (updated == 0)
        {
            LogLeaseLost(job.Id, job.Kind, job.Attempt);
            return false;
        }

        metrics.JobSucceeded(job.Kind);
        return true;
    }

    /// <summary>Queues the job again for <paramref name="runAt"/>, giving back the attempt its claim counted (false when the lease was lost).</summary>
    private async Task<bool> DeferAsync(JobContext job, DateTime runAt)
    {
        var now = Now();
        int updated;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>();
            updated = await Owned(db, job.Id, job.LeaseOwner).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Queued)
                .SetProperty(j => j.Attempts, j => j.Attempts - 1)
                .SetProperty(j => j.RunAt, runAt)
                .SetProperty(j => j.UpdatedAt, now)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null), CancellationToken.None);
        }

        if (updated == 0)
        {
            LogLeaseLost(job.Id, job.Kind, job.Attempt);
        }

        return updated > 0;
    }

    // Bookkeeping writes ignore shutdown: an attempt that ran to its end is recorded.
    private async Task<JobOutcome> FailAsync(JobContext job, string error, bool dead)
    {
        var now = Now();
        var o = options.Value;
        var runAt = dead ? now : now + JobBackoff.Delay(job.Attempt, o.RetryBase, o.RetryCap, Random.Shared.NextDouble());
        var status = dead ? JobStatus.Dead : JobStatus.Queued;
        DateTime? completedAt = dead ? now : null;
        error = error.Length > Job.ErrorMaxLength ? error[..Job.ErrorMaxLength] : error;
        int updated;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>();
            updated = await Owned(db, job.Id, job.LeaseOwner).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, status)
                .SetProperty(j => j.RunAt, runAt)
                .SetProperty(j => j.CompletedAt, completedAt)
                .SetProperty(j => j.UpdatedAt, now)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(j => j.LastError, error), CancellationToken.None);
        }

        if (updated == 0)
        {
            LogLeaseLost(job.Id, job.Kind, job.Attempt);
            return JobOutcome.LeaseLost;
        }

        metrics.JobFailed(job.Kind, dead);
        if (dead)
        {
            LogDead(job.Id, job.Kind, job.Attempt, error);
        }

        return dead ? JobOutcome.Dead : JobOutcome.Retrying;
    }

    /// <summary>
    /// Jobs whose lease expired (their worker died, or was stopped mid-attempt) become claimable again now, or dead
    /// when that was their last attempt (a job that keeps killing its worker must not loop forever). Returns how many.
    /// </summary>
    public async Task<int> ReapExpiredLeasesAsync(CancellationToken ct)
    {
        var now = Now();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>();
        var expired = db.Set<Job>().Where(j => j.Status == JobStatus.Running && j.LeaseExpiresAt <= now);
        if (!IsPostgres && !await expired.AnyAsync(ct))
        {
            return 0;
        }

        int dead, requeued;
        using (await gate.EnterAsync(ct))
        {
            dead = await expired.Where(j => j.Attempts >= j.MaxAttempts).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Dead)
                .SetProperty(j => j.CompletedAt, now)
                .SetProperty(j => j.UpdatedAt, now)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(j => j.LastError, LeaseExpiredError), ct);
            requeued = await expired.ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Queued)
                .SetProperty(j => j.RunAt, now)
                .SetProperty(j => j.UpdatedAt, now)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(j => j.LastError, LeaseExpiredError), ct);
        }

        if (dead + requeued > 0)
        {
            LogReaped(requeued, dead);
        }

        return dead + requeued;
    }

    /// <summary>Renews the leases of the jobs this worker is running; returns how many.</summary>
    public async Task<int> ExtendLeasesAsync(CancellationToken ct)
    {
        var now = Now();
        var until = now + options.Value.Lease;
        using (await gate.EnterAsync(ct))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>();
            return await db.Set<Job>().Where(j => j.LeaseOwner == Owner && j.Status == JobStatus.Running).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.LeaseExpiresAt, until)
                .SetProperty(j => j.UpdatedAt, now), ct);
        }
    }

    /// <summary>Deletes succeeded jobs completed more than <see cref="JobOptions.Retention"/> ago, in batches; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var cutoff = Now() - options.Value.Retention;
        var values = new SqlValue(IsPostgres);
        var deleted = 0;
        while (true)
        {
            int batch;
            using (await gate.EnterAsync(ct))
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>();
                await db.Database.OpenConnectionAsync(ct);
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = Purge;
                Add(command, "cutoff", values.Of(cutoff));
                Add(command, "n", PurgeBatch);
                batch = await command.ExecuteNonQueryAsync(ct);
            }

            deleted += batch;
            if (batch < PurgeBatch)
            {
                if (deleted > 0)
                {
                    LogPurged(deleted, cutoff);
                }

                return deleted;
            }
        }
    }

    /// <summary>
    /// Reads the queue (queued, running and dead jobs by kind; the oldest due queued job's run_at by kind) and hands it
    /// to the gauges of <see cref="LoopwiseMetrics"/>. Each count reads one partial index; succeeded history is not read.
    /// </summary>
    public async Task RefreshStatsAsync(CancellationToken ct)
    {
        var now = Now();
        await using var scope = scopes.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>().Set<Job>().AsNoTracking();
        var depth = new List<(string Kind, string Status, long Count)>();
        foreach (var (status, rows) in new[]
        {
            (JobStatusNames.Queued, jobs.Where(j => j.Status == JobStatus.Queued)),
            (JobStatusNames.Running, jobs.Where(j => j.Status == JobStatus.Running)),
            (JobStatusNames.Dead, jobs.Where(j => j.Status == JobStatus.Dead)),
        })
        {
            var counts = await rows.GroupBy(j => j.Kind).Select(g => new { Kind = g.Key, Count = g.LongCount() }).ToListAsync(ct);
            depth.AddRange(counts.Select(c => (c.Kind, status, c.Count)));
        }

        var oldest = await jobs.Where(j => j.Status == JobStatus.Queued && j.RunAt <= now)
            .GroupBy(j => j.Kind).Select(g => new { Kind = g.Key, RunAt = g.Min(j => j.RunAt) }).ToListAsync(ct);
        metrics.JobQueueObserved(depth, [.. oldest.Select(o => (o.Kind, DateTime.SpecifyKind(o.RunAt, DateTimeKind.Utc)))]);
    }

    /// <summary>The exception's type and message, with its inner exceptions' (no stack trace: that goes to the log).</summary>
    internal static string Describe(Exception exception)
    {
        var text = new StringBuilder();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            text.Append(text.Length == 0 ? string.Empty : " ---> ").Append(e.GetType().Name).Append(": ").Append(e.Message);
        }

        return text.ToString();
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static string NewOwner()
    {
        var owner = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");
        return owner.Length <= 200 ? owner : owner[^200..];
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}) failed on attempt {Attempt} of {MaxAttempts}")]
    private partial void LogFailed(Exception exception, Guid jobId, string kind, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} ({Kind}) is dead after attempt {Attempt}: {Error}")]
    private partial void LogDead(Guid jobId, string kind, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} has kind {Kind}, for which no handler is registered: it is dead")]
    private partial void LogNoHandler(Guid jobId, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({Kind}) was interrupted by shutdown on attempt {Attempt}; it runs again when its lease expires")]
    private partial void LogInterrupted(Guid jobId, string kind, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}) attempt {Attempt} finished after its lease passed to another worker; nothing was recorded")]
    private partial void LogLeaseLost(Guid jobId, string kind, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expired leases: {Requeued} job(s) queued again, {Dead} dead (no attempts left)")]
    private partial void LogReaped(int requeued, int dead);

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Deleted} succeeded job(s) completed before {Cutoff:O}")]
    private partial void LogPurged(int deleted, DateTime cutoff);
}
