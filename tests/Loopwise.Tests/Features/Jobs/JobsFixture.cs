using System.Collections.Concurrent;
using Loopwise.Data;
using Loopwise.Features.Audit;
using Loopwise.Features.Jobs;
using Loopwise.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Jobs;

/// <summary>
/// A server of its own for the jobs tests: its worker is off (the tests drive <see cref="JobRunner"/>s by hand), its
/// clock is a <see cref="ManualClock"/>, and it has test handlers. Retries start at 10 s and are capped at 1 min;
/// leases last 30 s. The tests of a collection run one after another and each starts with an empty jobs table.
/// </summary>
public abstract class JobsAppFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private LoopwiseApp? _app;

    public LoopwiseApp App => _app ?? throw new InvalidOperationException("The fixture is not initialised.");

    public ManualClock Clock { get; } = new(Start);

    public JobLog Log { get; } = new();

    public abstract string Provider { get; }

    protected abstract Task<string> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _app = new LoopwiseApp(await CreateDatabaseAsync(), builder =>
        {
            builder.UseSetting("Loopwise:Jobs:Enabled", "false");
            builder.UseSetting("Loopwise:Jobs:RetryBase", "00:00:10");
            builder.UseSetting("Loopwise:Jobs:RetryCap", "00:01:00");
            builder.UseSetting("Loopwise:Jobs:Lease", "00:00:30");
            builder.UseSetting("Loopwise:Jobs:MaxAttempts", "5");
            builder.UseSetting("Loopwise:Kpis:CheckEvery", "0");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton(Log);
                services.AddJobHandler<RecordingHandler>(TestKinds.Ok);
                services.AddJobHandler<FailingHandler>(TestKinds.Fail);
                services.AddJobHandler<BlockingHandler>(TestKinds.Block);
                services.AddJobHandler<TransactionalHandler>(TestKinds.Transactional);
                services.AddJobHandler<RendezvousHandler>(TestKinds.Rendezvous);
                services.AddJobHandler<DeferringHandler>(TestKinds.Defer);
            });
        });
        _ = _app.Server;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

public sealed class JobsSqliteFixture : JobsAppFixture
{
    public override string Provider => "sqlite";

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(Databases.NewSqliteFile());
}

public sealed class JobsPostgresFixture : JobsAppFixture
{
    public override string Provider => "postgres";

    protected override Task<string> CreateDatabaseAsync() => Databases.NewPostgresDatabaseAsync();
}

[CollectionDefinition(Name)]
public sealed class JobsSqliteCollection : ICollectionFixture<JobsSqliteFixture>
{
    public const string Name = "jobs-sqlite";
}

[CollectionDefinition(Name)]
public sealed class JobsPostgresCollection : ICollectionFixture<JobsPostgresFixture>
{
    public const string Name = "jobs-postgres";
}

public static class TestKinds
{
    public const string Ok = "test.ok";
    public const string Fail = "test.fail";
    public const string Block = "test.block";
    public const string Transactional = "test.transactional";
    public const string Rendezvous = "test.rendezvous";
    public const string Defer = "test.defer";
}

/// <summary>What the test handlers saw: one entry per attempt, with the workspace the handler's scope was in.</summary>
public sealed class JobLog
{
    private readonly ConcurrentQueue<Run> _runs = new();
    private TaskCompletionSource<Guid> _blocked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _met = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrivals;

    public IReadOnlyList<Run> Runs => [.. _runs];

    /// <summary>Completes when a blocking handler has started (with the job id).</summary>
    public Task<Guid> Blocked => _blocked.Task;

    public void Record(JobContext job, WorkspaceScope scope) =>
        _runs.Enqueue(new Run(job.Id, job.Kind, job.Attempt, scope.HasWorkspace ? scope.WorkspaceId : null));

    public void BlockingStarted(Guid job) => _blocked.TrySetResult(job);

    public int CountOf(Guid job) => _runs.Count(r => r.Job == job);

    /// <summary>
    /// The first two callers wait for each other (a worker runs its jobs one at a time, so the second must be another
    /// worker); later callers pass straight through.
    /// </summary>
    public Task ArriveAsync()
    {
        var arrival = Interlocked.Increment(ref _arrivals);
        if (arrival == 2)
        {
            _met.TrySetResult();
        }

        return arrival <= 2 ? _met.Task : Task.CompletedTask;
    }

    public void Reset()
    {
        _runs.Clear();
        _blocked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _met = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _arrivals = 0;
    }

    public sealed record Run(Guid Job, string Kind, int Attempt, Guid? Workspace);
}

internal sealed class RecordingHandler(JobLog log, WorkspaceScope scope) : IJobHandler
{
    public Task HandleAsync(JobContext job, CancellationToken ct)
    {
        log.Record(job, scope);
        return Task.CompletedTask;
    }
}

internal sealed class FailingHandler(JobLog log, WorkspaceScope scope) : IJobHandler
{
    public Task HandleAsync(JobContext job, CancellationToken ct)
    {
        log.Record(job, scope);
        throw new InvalidOperationException($"boom on attempt {job.Attempt}", new TimeoutException("the receiver did not answer"));
    }
}

/// <summary>
/// Its first two runs wait (up to 30 s) for each other: two workers draining one queue must both hold a job at once.
/// A worker left alone fails its job, which the test sees as a second attempt.
/// </summary>
internal sealed class RendezvousHandler(JobLog log, WorkspaceScope scope) : IJobHandler
{
    public async Task HandleAsync(JobContext job, CancellationToken ct)
    {
        log.Record(job, scope);
        await log.ArriveAsync().WaitAsync(TimeSpan.FromSeconds(30), ct);
    }
}

/// <summary>Asks to run again <see cref="Delay"/> later the first time it runs (a run with attempt 1 and no earlier run); then succeeds.</summary>
internal sealed class DeferringHandler(JobLog log, WorkspaceScope scope, TimeProvider clock) : IJobHandler
{
    public static readonly TimeSpan Delay = TimeSpan.FromMinutes(5);

    public Task HandleAsync(JobContext job, CancellationToken ct)
    {
        var first = log.CountOf(job.Id) == 0;
        log.Record(job, scope);
        if (first)
        {
            job.RunAgainAt(clock.GetUtcNow().UtcDateTime + Delay);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Blocks its first attempt until cancelled (a shutdown mid-job); later attempts succeed.</summary>
internal sealed class BlockingHandler(JobLog log, WorkspaceScope scope) : IJobHandler
{
    public async Task HandleAsync(JobContext job, CancellationToken ct)
    {
        log.Record(job, scope);
        if (job.Attempt == 1)
        {
            log.BlockingStarted(job.Id);
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
        }
    }
}

/// <summary>Writes its effect (an audit entry naming the job) and the job's success in one transaction.</summary>
internal sealed class TransactionalHandler(JobLog log, WorkspaceScope scope, LoopwiseDbContext db, SqliteWriteGate gate, TimeProvider clock) : IJobHandler
{
    public const string Action = "test.job.effect";

    public async Task HandleAsync(JobContext job, CancellationToken ct)
    {
        log.Record(job, scope);
        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Add(AuditEntry.Of(scope.WorkspaceId, clock.GetUtcNow().UtcDateTime, "job", Action, job.Id.ToString()));
            await db.SaveChangesAsync(ct);
            await job.MarkSucceededAsync(db, ct);
            await transaction.CommitAsync(ct);
        }
    }
}
