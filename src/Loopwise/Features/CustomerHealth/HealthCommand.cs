using System.CommandLine;
using System.Globalization;
using Loopwise.Cli;
using Loopwise.Data;
using Spectre.Console;

namespace Loopwise.Features.CustomerHealth;

/// <summary><c>loopwise health score [--workspace slug]</c>: scores every customer now and prints the counts per band.</summary>
internal static class HealthCommand
{
    public static Command Create()
    {
        var workspace = new Option<string?>("--workspace", "-w") { Description = "Workspace slug (default: every workspace)" };
        var score = new Command("score", "Score every customer now with the health model version in force today, store the scores and print the counts per band.")
        {
            workspace,
        };
        score.SetAction(async (parse, ct) =>
        {
            await using var app = await CliHost.StartAsync(parse.GetValue(LoopwiseCli.Db), ct);
            if (await CliWorkspace.OneOrAllAsync(app.Services, parse.GetValue(workspace), ct) is not { } workspaces)
            {
                return 3;
            }

            var table = new Table().Title("Customer health");
            table.AddColumns("Workspace", "Model", "Customers", "Healthy", "At risk", "Critical", "Insufficient data");
            foreach (var w in workspaces)
            {
                await using var scope = app.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Set(w.Id);
                var scoring = scope.ServiceProvider.GetRequiredService<HealthScoring>();
                var run = await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask($"Scoring {Markup.Escape(w.Slug)}", maxValue: 1);
                        var reporter = new SyncProgress(p =>
                        {
                            task.MaxValue = Math.Max(1, p.Total);
                            task.Value = p.Done;
                            task.Description = string.Create(CultureInfo.InvariantCulture, $"Scoring {Markup.Escape(w.Slug)}: {p.Done:N0}/{p.Total:N0} customers");
                        });
                        var outcome = await scoring.ScoreAllAsync("cli", reporter, ct);
                        task.Value = task.MaxValue;
                        return outcome;
                    });
                foreach (var model in run.Models)
                {
                    table.AddRow(Markup.Escape(w.Slug), Markup.Escape($"{model.ModelId} v{model.ModelVersion}"), N(model.Customers), N(model.Healthy),
                        N(model.AtRisk), N(model.Critical), N(model.InsufficientData));
                }
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return new Command("health", "Customer health scores.") { score };
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
