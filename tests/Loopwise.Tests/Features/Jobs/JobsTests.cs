using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Loopwise.Data;
using Loopwise.Features.Audit;
using Loopwise.Features.Jobs;
using Loopwise.Features.Users;
using Loopwise.Features.Workspaces;
using Loopwise.Hosting;
using Loopwise.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Loopwise.Tests.Features.Jobs;

/// <summary>
/// The jobs table (ADR 10) on each database: enqueueing in the caller's transaction, dedupe keys, claims and leases,
/// retries with back-off, dead jobs, the worker, the admin API and CLI. Runners are driven by hand with the fixture's
/// <see cref="ManualClock"/>; "a worker that crashed" is a runner that claimed and never reported.
/// </summary>
public abstract class JobsTests(JobsAppFixture fixture) : IAsyncLifetime
{
    protected LoopwiseApp App => fixture.App;

    protected ManualClock Clock => fixture.Clock;

    protected JobLog Log => fixture.Log;

    public async Task InitializeAsync()
    {
        Log.Reset();
        await App.WithScopeAsync(async s => await s.GetRequiredService<LoopwiseDbContext>().Database.ExecuteSqlRawAsync("DELETE FROM jobs"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_job_enqueued_through_ef_commits_with_the_write_and_a_rollback_or_a_failed_save_leaves_none()
    {
        var (kept, rolledBack) = (NewSlug(), NewSlug());

        // Committed: SaveChanges without a transaction of the caller stores the write and the job together (async and sync).
        await App.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<LoopwiseDbContext>();
            db.Add(NewWorkspace(kept));
            s.GetRequiredService<JobQueue>().Enqueue(new NewJob(TestKinds.Ok, "{}") { DedupeKey = "committed" });
            return await db.SaveChangesAsync();
        });
        await App.WithScopeAsync(s =>
        {
            var db = s.GetRequiredService<LoopwiseDbContext>();
            s.GetRequiredService<JobQueue>().Enqueue(new NewJob(TestKinds.Ok, "{}") { DedupeKey = "committed-sync" });
            return Task.FromResult(db.SaveChanges());
        });

        // Rolled back by the caller after the save.
        await App.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<LoopwiseDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Add(NewWorkspace(rolledBack));
            s.GetRequiredService<JobQueue>().Enqueue(new NewJob(TestKinds.Ok, "{}") { DedupeKey = "rolled-back" });
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        });

        // A save that fails (the slug is taken) stores neither the write nor its job.
        await Assert.ThrowsAsync<DbUpdateException>(() => App.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<LoopwiseDbContext>();
            db.Add(NewWorkspace(kept));
            s.GetRequiredService<JobQueue>().Enqueue(new NewJob(TestKinds.Ok, "{}") { DedupeKey = "failed-save" });
            return await db.SaveChangesAsync();
        }));

        Assert.Equal(["committed", "committed-sync"], (await JobsAsync()).Select(j => j.DedupeKey).Order(StringComparer.Ordinal));
        var slugs = await App.WithScopeAsync(async s => await s.GetRequiredService<LoopwiseDbContext>().Set<Workspace>()
            .Where(w => w.Slug == kept || w.Slug == rolledBack).Select(w => w.Slug).ToListAsync());
        Assert.Equal([kept], slugs);
    }

    [Fact]
    public async Task Jobs_enqueued_through_raw_sql_in_a_batch_commit_and_roll_back_with_the_callers_transaction()
    {
        // 40 jobs: several SQLite statements (16 rows each), one PostgreSQL statement.
        var batch = Enumerable.Range(0, 40).Select(i => NewJob.Of(TestKinds.Ok, new { i })).ToList();
        foreach (var commit in new[] { false, true })
        {
            var stored = await App.WithScopeAsync(async s =>
            {
                var db = s.GetRequiredService<LoopwiseDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync();
                var stored = await s.GetRequiredService<JobQueue>().EnqueueAsync(batch, CancellationToken.None);
                await (commit ? transaction.CommitAsync() : transaction.RollbackAsync());
                return stored;
            });
            Assert.Equal(40, stored);
            Assert.Equal(commit ? 40 : 0, (await JobsAsync()).Count);
        }

        // Any open connection and transaction (here begun outside EF): rolled back, nothing more.
        await App.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<LoopwiseDbContext>();
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync();
            await s.GetRequiredService<JobQueue>().EnqueueAsync(connection, transaction, [new NewJob(TestKinds.Ok, "{}")], CancellationToken.None);
            await transaction.RollbackAsync();
            return 0;
        });

        var jobs = await JobsAsync();
        Assert.Equal(40, jobs.Count);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"{{\"i\":{i}}}").Order(StringComparer.Ordinal), jobs.Select(j => j.Payload).Order(StringComparer.Ordinal));
        Assert.All(jobs, j => Assert.Equal((JobStatus.Queued, 0, 5, (Guid?)null), (j.Status, j.Attempts, j.MaxAttempts, j.WorkspaceId)));
    }

    [Fact]
    public async Task Enqueueing_a_taken_dedupe_key_of_the_same_kind_stores_nothing_and_raises_no_error()
    {
        await EnqueueAsync(NewJob.Of(TestKinds.Ok, new { v = 1 }) with { DedupeKey = "response:42" });
        await EnqueueAsync(NewJob.Of(TestKinds.Ok, new { v = 2 }) with { DedupeKey = "response:42" });

        var stored = await App.WithScopeAsync(s => s.GetRequiredService<JobQueue>().EnqueueAsync(
        [
            NewJob.Of(TestKinds.Ok, new { v = 3 }) with { DedupeKey = "response:42" },
            NewJob.Of(TestKinds.Fail, new { v = 4 }) with { DedupeKey = "response:42" },
            NewJob.Of(TestKinds.Ok, new { v = 5 }) with { DedupeKey = "response:43" },
            NewJob.Of(TestKinds.Ok, new { v = 6 }) with { DedupeKey = "response:43" },
        ], CancellationToken.None));

        Assert.Equal(2, stored);
        var jobs = await JobsAsync();
        Assert.Equal(
            ["test.fail|response:42|{\"v\":4}", "test.ok|response:42|{\"v\":1}", "test.ok|response:43|{\"v\":5}"],
            jobs.Select(j => $"{j.Kind}|{j.DedupeKey}|{j.Payload}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_job_is_handled_once_in_its_workspace_and_then_left_alone()
    {
        var ws = await App.CreateWorkspaceAsync();
        var tenantJob = await EnqueueAsync(new NewJob(TestKinds.Ok, "{}") { WorkspaceId = ws.Id });
        var systemJob = await EnqueueAsync(new NewJob(TestKinds.Ok, "{}"));
        var runner = NewRunner();

        Assert.Equal(2, await runner.RunDueAsync(10, CancellationToken.None));
        Assert.Equal(0, await runner.RunDueAsync(10, CancellationToken.None));
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await NewRunner().RunDueAsync(10, CancellationToken.None));

        Assert.Equal([$"{tenantJob}|1|{ws.Id}", $"{systemJob}|1|"], Log.Runs.OrderBy(r => r.Job != tenantJob).Select(r => $"{r.Job}|{r.Attempt}|{r.Workspace}"));
        foreach (var job in await JobsAsync())
        {
            Assert.Equal((JobStatus.Succeeded, 1, null, null, null), (job.Status, job.Attempts, job.LeaseOwner, job.LeaseExpiresAt, job.LastError));
            Assert.NotNull(job.CompletedAt);
        }
    }

    /// <summary>
    /// A handler that is not ready yet (a sending limit) asks to run again at a given time: the job is queued for then,
    /// its claim's attempt given back (attempts 0 again, no error); it is not claimed before, and runs as attempt 1 then.
    /// </summary>
    [Fact]
    public async Task A_deferred_job_runs_again_at_the_time_it_asked_for_without_using_an_attempt()
    {
        var id = await EnqueueAsync(new NewJob(TestKinds.Defer, "{}") { MaxAttempts = 1 });
        var runner = NewRunner();
        var t0 = Clock.UtcNow;

        var claimed = Assert.Single(await runner.ClaimAsync(10, CancellationToken.None));
        Assert.Equal(JobOutcome.Deferred, await runner.RunAsync(claimed, CancellationToken.None));
        var deferred = await JobAsync(id);
        Assert.Equal((JobStatus.Queued, 0, t0 + DeferringHandler.Delay, null, null), (deferred.Status, deferred.Attempts, deferred.RunAt, deferred.LeaseOwner, deferred.LastError));

        Clock.Advance(DeferringHandler.Delay - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await runner.RunDueAsync(10, CancellationToken.None));
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await runner.RunDueAsync(10, CancellationToken.None));
        var done = await JobAsync(id);
        Assert.Equal((JobStatus.Succeeded, 1), (done.Status, done.Attempts));
        Assert.Equal([1, 1], Log.Runs.Where(r => r.Job == id).Select(r => r.Attempt));
    }

    /// <summary>
    /// Back-off with RetryBase 10 s, RetryCap 1 min and equal jitter: the delay after failed attempt n lies in [d/2, d]
    /// with d = min(60 s, 10 s · 2^(n−1)). Max attempts 3:
    ///   attempt 1 fails at t0      → runs again between t0 + 5 s and t0 + 10 s
    ///   attempt 2 fails at t1      → runs again between t1 + 10 s and t1 + 20 s
    ///   attempt 3 fails            → dead, with attempt 3's error; never claimed again.
    /// </summary>
    [Fact]
    public async Task A_failing_job_is_retried_with_exponential_back_off_and_ends_dead_with_its_last_error()
    {
        var id = await EnqueueAsync(new NewJob(TestKinds.Fail, "{}") { MaxAttempts = 3 });
        var runner = NewRunner();
        var t0 = Clock.UtcNow;

        Assert.Equal(1, await runner.RunDueAsync(10, CancellationToken.None));
        var first = await JobAsync(id);
        Assert.Equal((JobStatus.Queued, 1, null), (first.Status, first.Attempts, first.LeaseOwner));
        Assert.InRange((first.RunAt - t0).TotalSeconds, 5, 10);
        Assert.Equal("InvalidOperationException: boom on attempt 1 ---> TimeoutException: the receiver did not answer", first.LastError);

        Clock.Set(first.RunAt.AddMilliseconds(-1));
        Assert.Equal(0, await runner.RunDueAsync(10, CancellationToken.None));
        Clock.Set(first.RunAt);
        Assert.Equal(1, await runner.RunDueAsync(10, CancellationToken.None));
        var second = await JobAsync(id);
        Assert.Equal((JobStatus.Queued, 2), (second.Status, second.Attempts));
        Assert.InRange((second.RunAt - first.RunAt).TotalSeconds, 10, 20);

        Clock.Set(second.RunAt);
        Assert.Equal(1, await runner.RunDueAsync(10, CancellationToken.None));
        var dead = await JobAsync(id);
        Assert.Equal((JobStatus.Dead, 3, second.RunAt), (dead.Status, dead.Attempts, dead.CompletedAt));
        Assert.StartsWith("InvalidOperationException: boom on attempt 3", dead.LastError, StringComparison.Ordinal);

        Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await runner.RunDueAsync(10, CancellationToken.None));
        Assert.Equal([1, 2, 3], Log.Runs.Select(r => r.Attempt));
    }

    [Fact]
    public async Task A_job_whose_worker_died_is_claimed_again_when_its_lease_expires_and_the_dead_worker_cannot_record_it()
    {
        var id = await EnqueueAsync(new NewJob(TestKinds.Ok, "{}"));
        var (crashed, survivor) = (NewRunner(), NewRunner());

        var lost = Assert.Single(await crashed.ClaimAsync(10, CancellationToken.None));
        var held = await JobAsync(id);
        Assert.Equal((JobStatus.Running, 1, crashed.Owner), (held.Status, held.Attempts, held.LeaseOwner));
        Assert.InRange((held.LeaseExpiresAt!.Value - Clock.UtcNow).TotalSeconds, 29.999, 30.001);

        Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await survivor.RunDueAsync(10, CancellationToken.None));
        Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await survivor.RunDueAsync(10, CancellationToken.None));

        var done = await JobAsync(id);
        Assert.Equal((JobStatus.Succeeded, 2), (done.Status, done.Attempts));
        Assert.Equal(1, Log.CountOf(id));

        // The crashed worker comes back and reports its attempt: refused, the survivor's record stands.
        Assert.False(await crashed.CompleteAsync(lost));
        Assert.Equal(done.UpdatedAt, (await JobAsync(id)).UpdatedAt);
    }

    [Fact]
    public async Task A_job_that_keeps_killing_its_worker_is_dead_once_its_last_attempt_expires()
    {
        var id = await EnqueueAsync(new NewJob(TestKinds.Ok, "{}") { MaxAttempts = 2 });
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            Assert.Single(await NewRunner().ClaimAsync(10, CancellationToken.None));
            Clock.Advance(TimeSpan.FromSeconds(31));
            Assert.Equal(1, await NewRunner().ReapExpiredLeasesAsync(CancellationToken.None));
        }

        var dead = await JobAsync(id);
        Assert.Equal((JobStatus.Dead, 2, JobRunner.LeaseExpiredError, null), (dead.Status, dead.Attempts, dead.LastError, dead.LeaseOwner));
        Assert.Equal(0, await NewRunner().RunDueAsync(10, CancellationToken.None));
        Assert.Empty(Log.Runs);
    }

    [Fact]
    public async Task Two_workers_draining_500_jobs_at_once_handle_each_exactly_once()
    {
        await App.WithScopeAsync(s => s.GetRequiredService<JobQueue>().EnqueueAsync(
            [.. Enumerable.Range(0, 500).Select(i => NewJob.Of(TestKinds.Rendezvous, new { i }))], CancellationToken.None));
        var (a, b) = (NewRunner(), NewRunner());

        var attempts = await Task.WhenAll(
            Task.Run(() => a.RunDueAsync(5, CancellationToken.None)),
            Task.Run(() => b.RunDueAsync(5, CancellationToken.None)));

        var jobs = await JobsAsync();
        Assert.Equal(500, jobs.Count);
        Assert.All(jobs, j => Assert.Equal((JobStatus.Succeeded, 1), (j.Status, j.Attempts)));
        Assert.Equal(500, attempts.Sum());
        Assert.Equal(500, Log.Runs.Count);
        Assert.Equal(jobs.Select(j => j.Id).Order(), Log.Runs.Select(r => r.Job).Order());
        Assert.True(attempts.All(n => n > 0), $"the workers did not run side by side: {attempts[0]} and {attempts[1]} attempts");
    }

    [Fact]
    public async Task A_job_of_a_kind_without_a_handler_is_dead_at_once_with_a_clear_error()
    {
        var id = await EnqueueAsync(new NewJob("nobody.handles", "{}"));

        Assert.Equal(1, await NewRunner().RunDueAsync(10, CancellationToken.None));

        var dead = await JobAsync(id);
        Assert.Equal((JobStatus.Dead, 1), (dead.Status, dead.Attempts));
        Assert.StartsWith("No handler is registered for job kind 'nobody.handles'", dead.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Succeeded_jobs_are_purged_after_the_retention_period_and_dead_or_waiting_jobs_are_kept()
    {
        for (var i = 0; i < 3; i++)
        {
            await EnqueueAsync(new NewJob(TestKinds.Ok, "{}"));
        }

        var dead = await EnqueueAsync(new NewJob("nobody.handles", "{}"));
        var later = await EnqueueAsync(new NewJob(TestKinds.Ok, "{}") { RunAt = Clock.UtcNow.AddDays(30) });
        var runner = NewRunner();
        Assert.Equal(4, await runner.RunDueAsync(10, CancellationToken.None));

        Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await runner.PurgeAsync(CancellationToken.None));
        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(3, await runner.PurgeAsync(CancellationToken.None));

        Assert.Equal([dead, later], (await JobsAsync()).Select(j => j.Id).OrderBy(id => id != dead));
    }

    [Fact]
    public async Task The_worker_wakes_at_a_commit_and_a_job_it_was_running_at_shutdown_runs_again_after_its_lease()
    {
        // Polls an hour apart: only the commit's signal can wake it within this test.
        var settings = Options.Create(new JobOptions { PollInterval = TimeSpan.FromHours(1), Lease = TimeSpan.FromSeconds(30), Concurrency = 2 });
        using var worker = new JobWorker(NewRunner(), JobSignal.Process, settings, Clock, NullLogger<JobWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => worker.IdleWaits > 0, "the worker goes idle");

        var id = await EnqueueAsync(new NewJob(TestKinds.Block, "{}"));
        Assert.Equal(id, await Log.Blocked.WaitAsync(TimeSpan.FromSeconds(60)));
        await worker.StopAsync(CancellationToken.None);

        // Nothing half-done is released: the interrupted job keeps its lease until it expires.
        var interrupted = await JobAsync(id);
        Assert.Equal((JobStatus.Running, 1, worker.Runner.Owner, null), (interrupted.Status, interrupted.Attempts, interrupted.LeaseOwner, interrupted.LastError));
        var next = NewRunner();
        Assert.Equal(0, await next.RunDueAsync(10, CancellationToken.None));
        Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await next.RunDueAsync(10, CancellationToken.None));

        var done = await JobAsync(id);
        Assert.Equal((JobStatus.Succeeded, 2, null), (done.Status, done.Attempts, done.LastError));
        Assert.Equal([1, 2], Log.Runs.Select(r => r.Attempt));
    }

    [Fact]
    public async Task A_handler_that_records_its_effect_with_the_jobs_success_takes_effect_once_even_when_a_presumed_dead_worker_finishes_late()
    {
        var ws = await App.CreateWorkspaceAsync();
        var id = await EnqueueAsync(new NewJob(TestKinds.Transactional, "{}") { WorkspaceId = ws.Id });
        var (late, successor) = (NewRunner(), NewRunner());
        var lost = Assert.Single(await late.ClaimAsync(1, CancellationToken.None));
        Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await successor.ReapExpiredLeasesAsync(CancellationToken.None));
        var taken = Assert.Single(await successor.ClaimAsync(1, CancellationToken.None));

        // The presumed-dead worker runs its attempt now: its effect is rolled back with its refused completion.
        Assert.Equal(JobOutcome.LeaseLost, await late.RunAsync(lost, CancellationToken.None));
        Assert.Equal(0, await EffectsAsync(ws.Id, id));

        Assert.Equal(JobOutcome.Succeeded, await successor.RunAsync(taken, CancellationToken.None));
        Assert.Equal(1, await EffectsAsync(ws.Id, id));
        var done = await JobAsync(id);
        Assert.Equal((JobStatus.Succeeded, 2, null), (done.Status, done.Attempts, done.LeaseOwner));
        Assert.Equal(2, Log.CountOf(id));
    }

    [Fact]
    public async Task The_api_shows_a_workspace_only_its_own_jobs_and_retries_only_its_own_dead_job()
    {
        var (a, b) = (await App.CreateWorkspaceAsync(), await App.CreateWorkspaceAsync());
        var dead = await EnqueueAsync(new NewJob("nobody.handles", "{}") { WorkspaceId = a.Id });
        await EnqueueAsync(new NewJob(TestKinds.Ok, "{}") { WorkspaceId = a.Id });
        await EnqueueAsync(new NewJob(TestKinds.Ok, "{}") { WorkspaceId = b.Id });
        await EnqueueAsync(new NewJob(TestKinds.Ok, "{}"));
        Assert.Equal(4, await NewRunner().RunDueAsync(10, CancellationToken.None));
        var waiting = await EnqueueAsync(new NewJob(TestKinds.Ok, "{}") { WorkspaceId = a.Id });
        Clock.Advance(TimeSpan.FromSeconds(90));

        var statusA = await a.Api.GetFromJsonAsync<JobsStatusDto>("/api/v1/jobs");
        var statusB = await b.Api.GetFromJsonAsync<JobsStatusDto>("/api/v1/jobs");

        Assert.Equal([new JobKindCountsDto("nobody.handles", 0, 0, 0, 1), new JobKindCountsDto(TestKinds.Ok, 1, 0, 1, 0)], statusA!.Kinds);
        Assert.Equal(90, statusA.OldestQueuedAgeSeconds!.Value, 3);
        var listed = Assert.Single(statusA.RecentDead);
        Assert.Equal((dead, "dead", 1), (listed.Id, listed.Status, listed.Attempts));
        Assert.StartsWith("No handler is registered", listed.LastError, StringComparison.Ordinal);
        Assert.Equal([new JobKindCountsDto(TestKinds.Ok, 0, 0, 1, 0)], statusB!.Kinds);
        Assert.Null(statusB.OldestQueuedAgeSeconds);
        Assert.Empty(statusB.RecentDead);

        Assert.Equal(HttpStatusCode.NotFound, (await b.Api.PostAsync($"/api/v1/jobs/{dead}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await a.Api.PostAsync($"/api/v1/jobs/{waiting}/retry", null)).StatusCode);
        using var retried = await a.Api.PostAsync($"/api/v1/jobs/{dead}/retry", null);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var job = await retried.Content.ReadFromJsonAsync<JobDto>();
        Assert.Equal((dead, "queued", 0, Clock.UtcNow), (job!.Id, job.Status, job.Attempts, job.RunAt));
        Assert.Equal(JobStatus.Queued, (await JobAsync(dead)).Status);
        var audit = await App.WithScopeAsync(async s => await s.GetRequiredService<LoopwiseDbContext>().Set<AuditEntry>()
            .Where(e => e.Action == "job.retry").Select(e => e.Target).ToListAsync(), a.Id);
        Assert.Equal([$"job:{dead}"], audit);

        // jobs.manage is the Workspace Admin's; a key without it is refused.
        using var reader = await ClientWithScopesAsync(a.Id, Permissions.DashboardsRead);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/api/v1/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync($"/api/v1/jobs/{dead}/retry", null)).StatusCode);
        Assert.Contains(Permissions.JobsManage, Permissions.ForRole(Role.WorkspaceAdmin));
    }

    [Fact]
    public async Task The_jobs_verb_prints_the_queue_and_retries_dead_jobs()
    {
        var ws = await App.CreateWorkspaceAsync();
        var dead = await EnqueueAsync(new NewJob("nobody.handles", "{}") { WorkspaceId = ws.Id });
        Assert.Equal(1, await NewRunner().RunDueAsync(10, CancellationToken.None));

        using var listing = new StringWriter();
        Assert.Equal(0, await JobsCommand.RunAsync(App.Services, ws.Slug, retryDead: false, kind: null, listing, CancellationToken.None));
        using var retry = new StringWriter();
        Assert.Equal(0, await JobsCommand.RunAsync(App.Services, ws.Slug, retryDead: true, kind: "nobody.handles", retry, CancellationToken.None));
        using var unknown = new StringWriter();

        Assert.Contains("nobody.handles", listing.ToString(), StringComparison.Ordinal);
        Assert.Contains("Recent dead jobs", listing.ToString(), StringComparison.Ordinal);
        Assert.Contains($"{dead}  nobody.handles  1/5 attempts", listing.ToString(), StringComparison.Ordinal);
        Assert.Contains("No handler", listing.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 dead job(s) queued again.", retry.ToString(), StringComparison.Ordinal);
        Assert.Equal((JobStatus.Queued, 0), ((await JobAsync(dead)).Status, (await JobAsync(dead)).Attempts));
        Assert.Equal(3, await JobsCommand.RunAsync(App.Services, "no-such-workspace", retryDead: false, kind: null, unknown, CancellationToken.None));
        Assert.Empty(JobsCommand.Create().Parse(["--workspace", ws.Slug, "--retry-dead", "--kind", "nobody.handles"]).Errors);
    }

    [Fact]
    public async Task Jobs_are_counted_as_processed_or_failed_and_the_gauges_show_depth_and_the_oldest_waiting_age()
    {
        var thisApp = App.Services.GetRequiredService<IMeterFactory>();
        var measured = new ConcurrentQueue<(string Instrument, double Value, string Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == LoopwiseMetrics.MeterName && instrument.Meter.Scope == thisApp && instrument.Name.StartsWith("loopwise.jobs.", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measured.Enqueue((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measured.Enqueue((i.Name, v, Tags(tags))));
        listener.Start();

        await EnqueueAsync(new NewJob(TestKinds.Ok, "{}"));
        await EnqueueAsync(new NewJob(TestKinds.Fail, "{}") { MaxAttempts = 1 });
        await EnqueueAsync(new NewJob(TestKinds.Fail, "{}") { MaxAttempts = 3, RunAt = Clock.UtcNow });
        var runner = NewRunner();
        Assert.Equal(3, await runner.RunDueAsync(10, CancellationToken.None));
        Clock.Advance(TimeSpan.FromMinutes(5));
        await EnqueueAsync(new NewJob(TestKinds.Ok, "{}") { RunAt = Clock.UtcNow.AddDays(1) });
        await EnqueueAsync(new NewJob(TestKinds.Ok, "{}"));
        await EnqueueAsync(new NewJob(TestKinds.Ok, "{}"));
        Clock.Advance(TimeSpan.FromSeconds(40));
        await runner.RefreshStatsAsync(CancellationToken.None);
        listener.RecordObservableInstruments();

        var counters = measured.Where(m => m.Instrument is "loopwise.jobs.processed" or "loopwise.jobs.failed").Select(m => $"{m.Instrument} {m.Tags} {m.Value}");
        Assert.Equal(["loopwise.jobs.failed kind=test.fail,dead=False 1", "loopwise.jobs.failed kind=test.fail,dead=True 1", "loopwise.jobs.processed kind=test.ok 1"], counters.Order(StringComparer.Ordinal));
        var depth = measured.Where(m => m.Instrument == "loopwise.jobs.depth").Select(m => $"{m.Tags} {m.Value}");
        Assert.Equal(["kind=test.fail,status=dead 1", "kind=test.fail,status=queued 1", "kind=test.ok,status=queued 3"], depth.Order(StringComparer.Ordinal));
        var ages = measured.Where(m => m.Instrument == "loopwise.jobs.oldest_age").ToDictionary(m => m.Tags, m => m.Value);
        Assert.InRange(ages["kind=test.ok"], 39.999, 40.001);
        Assert.True(ages["kind=test.fail"] > 5 * 60 - 10, $"the retried job has waited since its run_at: {ages["kind=test.fail"]} s");
    }

    protected JobRunner NewRunner() => App.Services.GetRequiredService<JobRunner>();

    protected async Task<Guid> EnqueueAsync(NewJob job) =>
        await App.WithScopeAsync(async s =>
        {
            var row = s.GetRequiredService<JobQueue>().Enqueue(job);
            await s.GetRequiredService<LoopwiseDbContext>().SaveChangesAsync();
            return row.Id;
        });

    protected async Task<List<Job>> JobsAsync() =>
        await App.WithScopeAsync(async s => await s.GetRequiredService<LoopwiseDbContext>().Set<Job>().AsNoTracking().OrderBy(j => j.Id).ToListAsync());

    protected async Task<Job> JobAsync(Guid id) =>
        await App.WithScopeAsync(async s => await s.GetRequiredService<LoopwiseDbContext>().Set<Job>().AsNoTracking().SingleAsync(j => j.Id == id));

    private async Task<int> EffectsAsync(Guid workspaceId, Guid jobId) =>
        await App.WithScopeAsync(async s => await s.GetRequiredService<LoopwiseDbContext>().Set<AuditEntry>()
            .CountAsync(e => e.Action == TransactionalHandler.Action && e.Target == jobId.ToString()), workspaceId);

    private async Task<HttpClient> ClientWithScopesAsync(Guid workspaceId, params string[] scopes)
    {
        var key = await App.WithScopeAsync(async s =>
            (await s.GetRequiredService<ApiKeyService>().CreateAsync(workspaceId, "narrow", scopes, CancellationToken.None)).Value!.Key, workspaceId);
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    private Workspace NewWorkspace(string slug) => new() { Id = Guid.CreateVersion7(), Slug = slug, Name = slug, CreatedAt = Clock.UtcNow };

    private static string NewSlug() => "jobs-" + Guid.NewGuid().ToString("N")[..10];

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 600 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), $"timed out waiting until {what}");
    }

    private static string Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string>();
        foreach (var tag in tags)
        {
            parts.Add($"{tag.Key}={tag.Value}");
        }

        return string.Join(',', parts);
    }
}

[Collection(JobsSqliteCollection.Name)]
public sealed class JobsTests_Sqlite(JobsSqliteFixture fixture) : JobsTests(fixture);

[Collection(JobsPostgresCollection.Name)]
public sealed class JobsTests_Postgres(JobsPostgresFixture fixture) : JobsTests(fixture)
{
    [Fact]
    public async Task A_job_added_to_an_npgsql_batch_commits_with_the_batch_and_is_gone_when_the_batch_fails()
    {
        await App.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<LoopwiseDbContext>();
            var jobs = s.GetRequiredService<JobQueue>();
            await db.Database.OpenConnectionAsync();
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using (var failing = new NpgsqlBatch(connection))
            {
                failing.BatchCommands.Add(jobs.PostgresBatchCommand([new NewJob(TestKinds.Ok, "{}") { DedupeKey = "batch-failed" }]));
                failing.BatchCommands.Add(new NpgsqlBatchCommand("SELECT 1 / 0"));
                await Assert.ThrowsAsync<PostgresException>(() => failing.ExecuteNonQueryAsync());
            }

            await using var stored = new NpgsqlBatch(connection);
            stored.BatchCommands.Add(jobs.PostgresBatchCommand([new NewJob(TestKinds.Ok, "{}") { DedupeKey = "batch-stored" }]));
            stored.BatchCommands.Add(new NpgsqlBatchCommand("SELECT 1"));
            return await stored.ExecuteNonQueryAsync();
        });

        Assert.Equal(["batch-stored"], (await JobsAsync()).Select(j => j.DedupeKey));
    }
}
