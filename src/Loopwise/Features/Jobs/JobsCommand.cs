using System.CommandLine;
using System.Globalization;
using System.Text;
using Loopwise.Cli;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Loopwise.Features.Jobs;

/// <summary>
/// <c>loopwise jobs [--workspace slug] [--retry-dead [--kind k]]</c>: the state of the jobs table (every job, system
/// jobs included, or one workspace's), and the retry of dead jobs.
/// </summary>
internal static class JobsCommand
{
    public static Command Create()
    {
        var workspace = new Option<string?>("--workspace", "-w") { Description = "Workspace slug (default: every job, system jobs included)" };
        var retryDead = new Option<bool>("--retry-dead") { Description = "Queue every dead job again with a fresh set of attempts, then print the state" };
        var kind = new Option<string?>("--kind") { Description = "With --retry-dead: only the dead jobs of this kind" };
        var command = new Command("jobs", "Background jobs: counts by kind and status, how long the oldest due job has waited, recent dead jobs with their errors.")
        {
            workspace, retryDead, kind,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = await CliHost.StartAsync(parse.GetValue(LoopwiseCli.Db), ct);
            return await RunAsync(app.Services, parse.GetValue(workspace), parse.GetValue(retryDead), parse.GetValue(kind), Console.Out, ct);
        });
        return command;
    }

    /// <summary>The verb's work, printing to <paramref name="output"/>; returns the exit code (3: no such workspace).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string? slug, bool retryDead, string? kind, TextWriter output, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        Guid? workspaceId = null;
        if (slug is not null)
        {
            if (await CliWorkspace.EnterAsync(scope.ServiceProvider, slug, ct) is not { } found)
            {
                return 3;
            }

            workspaceId = found.Id;
        }

        var admin = scope.ServiceProvider.GetRequiredService<JobAdmin>();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        if (retryDead)
        {
            var retried = await admin.RetryDeadAsync(workspaceId, kind, ct);
            console.Write(new Text(string.Create(CultureInfo.InvariantCulture, $"{retried} dead job(s) queued again.\n")));
        }

        var status = await admin.StatusAsync(workspaceId, ct);
        var counts = new Table().Title(slug is null ? "Jobs (all workspaces and system jobs)" : $"Jobs of {slug}");
        counts.AddColumns("Kind", "Queued", "Running", "Succeeded", "Dead");
        foreach (var k in status.Kinds)
        {
            counts.AddRow(Cells(k.Kind, Number(k.Queued), Number(k.Running), Number(k.Succeeded), Number(k.Dead)));
        }

        console.Write(counts);
        console.Write(new Text(status.OldestQueuedAgeSeconds is { } age
            ? string.Create(CultureInfo.InvariantCulture, $"The oldest due job has waited {TimeSpan.FromSeconds(Math.Round(age)):c}.\n")
            : "No job is waiting.\n"));
        if (status.RecentDead.Count > 0)
        {
            // Lines rather than a table: ids stay whole (copyable) and errors keep their width on any terminal.
            var dead = new StringBuilder("Recent dead jobs:\n");
            foreach (var job in status.RecentDead)
            {
                dead.Append(CultureInfo.InvariantCulture, $"  {job.Id}  {job.Kind}  {job.Attempts}/{job.MaxAttempts} attempts")
                    .Append(CultureInfo.InvariantCulture, $"  died {job.CompletedAt?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-"} UTC\n")
                    .Append("    ").Append(job.LastError ?? "(no error recorded)").Append('\n');
            }

            console.Write(new Text(dead.ToString()));
        }

        return 0;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static IRenderable[] Cells(params string[] cells) => [.. cells.Select(c => (IRenderable)new Text(c))];
}
