using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Loopwise.Core.Cases;
using Loopwise.Data;
using Loopwise.Features.Alerts;
using Loopwise.Features.Cases;
using Loopwise.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Load;

/// <summary>
/// <c>--mode alerts</c>: alert evaluation end to end (issue 5). A server with its worker off stores N responses through
/// the batch API (a quarter with a comment) in a workspace with 50 enabled rules of every kind; the alert jobs those
/// writes committed are then drained by one worker in this process and timed: reading the responses, analysing
/// comments for the sentiment and topic rules, evaluating the 50 rules, and writing the firings, tags and cases (the
/// detractor rule opens one) in the jobs' transactions.
/// </summary>
internal static class AlertsRun
{
    public static async Task RunAsync(LoadOptions options)
    {
        await using var server = await BenchServer.StartAsync(options.Db, options.Keep, "--Loopwise:Jobs:Enabled=false", "--Loopwise:Kpis:CheckEvery=0");
        var target = await server.CreateTargetAsync(CancellationToken.None);
        var workspaceId = await AddRulesAsync(server.Services, target.WorkspaceSlug);
        using var client = new HttpClient { BaseAddress = target.Server, Timeout = TimeSpan.FromMinutes(5) };
        var batches = options.Batches ?? 10;
        var posting = new ApiBatchMode(options.BatchSize, options.SpreadMinutes);
        await posting.PrepareAsync(client, target, CancellationToken.None);
        for (var i = 0; i < batches; i++)
        {
            await posting.SendAsync(client, CancellationToken.None);
        }

        var responses = (long)batches * options.BatchSize;
        var jobs = await WithDbAsync(server.Services, workspaceId, async db =>
        {
            // Only the alert jobs are timed: the comments' own analysis jobs are another pipeline (issue 4).
            await db.Set<Job>().Where(j => j.Kind != AlertEvaluationJob.Kind).ExecuteDeleteAsync();
            return await db.Set<Job>().CountAsync();
        });

        var runner = server.Services.GetRequiredService<JobRunner>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var attempts = await runner.RunDueAsync(1, CancellationToken.None);
        clock.Stop();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;

        var (firings, cases, tags, dead, version) = await WithDbAsync<(int, int, int, int, string)>(server.Services, workspaceId, async db => (
            await db.Set<AlertFiring>().CountAsync(),
            await db.Set<Case>().CountAsync(),
            await db.Set<ResponseTag>().CountAsync(),
            await db.Set<Job>().CountAsync(j => j.Status == JobStatus.Dead),
            (await server.InspectAsync(workspaceId, CancellationToken.None)).Version));
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Loopwise load: mode alerts, 50 enabled rules, {responses:N0} responses stored through the batch API ({options.BatchSize:N0} per batch), a quarter with a comment
              database: {version}
              alert jobs drained by one worker: {jobs} jobs, {attempts} attempts, {dead} dead
              fired: {firings:N0} rule firings, {tags:N0} response tags, {cases:N0} cases opened
              time: {seconds:F2} s wall clock, {cpuSeconds:F2} s CPU of this process (server and worker)
              throughput: {responses / seconds:N0} responses/s through the 50 rules, end to end
            """));
    }

    private static async Task<Guid> AddRulesAsync(IServiceProvider services, string slug)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>();
        var workspaceId = await db.Set<Loopwise.Features.Workspaces.Workspace>().IgnoreQueryFilters().Where(w => w.Slug == slug).Select(w => w.Id).SingleAsync();
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Set(workspaceId);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        string[] topics = ["delivery", "billing", "staff", "wait-time", "digital", "product", "returns", "price"];
        for (var i = 0; i < 50; i++)
        {
            var conditions = (i % 10) switch
            {
                0 => new AlertConditions(NpsAtMost: 6),
                1 => new AlertConditions(CsatAtMost: 2),
                2 => new AlertConditions(NpsAtMost: 3, CsatAtMost: 3),
                3 => new AlertConditions(SentimentAtMost: -0.5),
                4 => new AlertConditions(Topics: [topics[i % topics.Length]]),
                5 => new AlertConditions(Keywords: ["cancel*", "legal", "complaint", "never again"]),
                6 => new AlertConditions(NpsAtMost: 6, Touchpoints: ["web-checkout"]),
                7 => new AlertConditions(NpsAtMost: 8, Dimensions: new Dictionary<string, IReadOnlyList<string>> { ["value_tier"] = ["gold", "platinum"] }),
                8 => new AlertConditions(SentimentAtMost: -0.3, Topics: [topics[(i + 3) % topics.Length]]),
                _ => new AlertConditions(NpsAtMost: 4, Keywords: ["refund*", "charged twice"]),
            };
            // The first detractor rule opens cases; the others tag (as most rules of a programme do).
            var actions = i == 0 ? new AlertActions(new AlertCaseAction(CasePriority.Normal), Tags: ["detractor"]) : new AlertActions(Tags: [$"rule-{i}"]);
            db.Add(new AlertRule
            {
                WorkspaceId = workspaceId, Id = Guid.CreateVersion7(), Name = $"Rule {i}", Enabled = true, CreatedAt = now.AddSeconds(i), UpdatedAt = now,
                ConditionsJson = JsonSerializer.Serialize(conditions, CaseJson.Options), ActionsJson = JsonSerializer.Serialize(actions, CaseJson.Options),
            });
        }

        await db.SaveChangesAsync();
        return workspaceId;
    }

    private static async Task<T> WithDbAsync<T>(IServiceProvider services, Guid workspaceId, Func<LoopwiseDbContext, Task<T>> action)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Set(workspaceId);
        return await action(scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>());
    }
}
