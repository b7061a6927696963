using Microsoft.Extensions.Options;

namespace Loopwise.Features.Jobs;

/// <summary>
/// The job worker of <c>loopwise serve</c> (off with <c>Loopwise:Jobs:Enabled=false</c>): keeps up to
/// <see cref="JobOptions.Concurrency"/> handlers busy, claiming as many jobs as there are free slots. When nothing is
/// due it sleeps until a job is committed in this process (<see cref="JobSignal"/>) or <see cref="JobOptions.PollInterval"/>
/// passes. On its way it requeues expired leases (each poll), renews its own leases (every third of the lease),
/// refreshes the queue gauges and purges old succeeded jobs. At shutdown it claims nothing more and cancels running
/// handlers; their jobs keep their lease and run again once it expires (ADR 10). Database errors are logged and
/// retried at the next poll: the worker never stops the host.
/// </summary>
public sealed partial class JobWorker(JobRunner runner, JobSignal signal, IOptions<JobOptions> options, TimeProvider clock, ILogger<JobWorker> logger)
    : BackgroundService
{
    private int _running;
    private int _idleWaits;

    /// <summary>The runner this worker claims with (its <see cref="JobRunner.Owner"/> is in <c>lease_owner</c>).</summary>
    public JobRunner Runner => runner;

    /// <summary>How many times the worker has gone idle (found nothing due and waited): lets a test wait for idleness.</summary>
    internal int IdleWaits => Volatile.Read(ref _idleWaits);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        await Task.Yield();
        using var slots = new SemaphoreSlim(settings.Concurrency, settings.Concurrency);
        var handlers = new List<Task>();
        var heartbeat = HeartbeatAsync(settings.Lease / 3, stoppingToken);
        var next = new Maintenance(settings, clock.GetUtcNow());
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Taken before looking for work: a job committed while we look still wakes us.
                var woken = signal.Next;
                await MaintainAsync(next, stoppingToken);

                await slots.WaitAsync(stoppingToken);
                var free = 1;
                while (slots.Wait(0, CancellationToken.None))
                {
                    free++;
                }

                IReadOnlyList<JobContext> claimed = [];
                try
                {
                    claimed = await runner.ClaimAsync(free, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogClaimFailed(e);
                }

                if (free > claimed.Count)
                {
                    slots.Release(free - claimed.Count);
                }

                handlers.RemoveAll(t => t.IsCompleted);
                foreach (var job in claimed)
                {
                    handlers.Add(Task.Run(() => RunOneAsync(job, slots, stoppingToken), CancellationToken.None));
                }

                if (claimed.Count == 0)
                {
                    Interlocked.Increment(ref _idleWaits);
                    using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    await Task.WhenAny(woken, Task.Delay(settings.PollInterval, clock, poll.Token));
                    await poll.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: handlers were cancelled with the same token.
        }
        finally
        {
            await Task.WhenAll(handlers);
            await heartbeat;
        }
    }

    private async Task RunOneAsync(JobContext job, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        Interlocked.Increment(ref _running);
        try
        {
            await runner.RunAsync(job, stoppingToken);
        }
        catch (Exception e)
        {
            // Recording the outcome failed (database gone): the job keeps its lease and runs again when it expires.
            LogRunFailed(e, job.Id, job.Kind);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            slots.Release();
        }
    }

    private async Task HeartbeatAsync(TimeSpan every, CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(every, clock, stoppingToken);
                if (Volatile.Read(ref _running) > 0)
                {
                    try
                    {
                        await runner.ExtendLeasesAsync(stoppingToken);
                    }
                    catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                    {
                        LogMaintenanceFailed(e, "lease renewal");
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the leases of interrupted jobs are left to expire.
        }
    }

    private async Task MaintainAsync(Maintenance next, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        if (now >= next.Reap)
        {
            next.Reap = now + settings.PollInterval;
            await TryAsync(runner.ReapExpiredLeasesAsync, "requeueing expired leases", ct);
        }

        if (now >= next.Stats)
        {
            next.Stats = now + settings.StatsEvery;
            await TryAsync(async c => { await runner.RefreshStatsAsync(c); return 0; }, "queue statistics", ct);
        }

        if (now >= next.Purge)
        {
            next.Purge = now + settings.PurgeEvery;
            await TryAsync(runner.PurgeAsync, "purging succeeded jobs", ct);
        }
    }

    private async Task TryAsync(Func<CancellationToken, Task<int>> work, string what, CancellationToken ct)
    {
        try
        {
            await work(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            LogMaintenanceFailed(e, what);
        }
    }

    /// <summary>When each periodic chore is next due (all at once at start).</summary>
    private sealed class Maintenance(JobOptions settings, DateTimeOffset start)
    {
        public DateTimeOffset Reap { get; set; } = start;

        public DateTimeOffset Stats { get; set; } = start;

        // The first purge waits a poll interval, so a starting server first serves and drains.
        public DateTimeOffset Purge { get; set; } = start + settings.PollInterval;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Claiming jobs failed; trying again at the next poll")]
    private partial void LogClaimFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording the outcome of job {JobId} ({Kind}) failed; it runs again when its lease expires")]
    private partial void LogRunFailed(Exception exception, Guid jobId, string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job maintenance ({What}) failed; trying again later")]
    private partial void LogMaintenanceFailed(Exception exception, string what);
}
