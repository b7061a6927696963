using System.CommandLine;
using System.Globalization;
using Loopwise.Cli;
using Loopwise.Core.Kpis;
using Loopwise.Data;
using Spectre.Console;

namespace Loopwise.Features.Targets;

/// <summary><c>loopwise kpis check [--workspace slug]</c>: rates this month's KPIs (every KPI of the dashboards) and records action-threshold events.</summary>
internal static class KpisCommand
{
    public static Command Create()
    {
        var workspace = new Option<string?>("--workspace", "-w") { Description = "Workspace slug (default: every workspace)" };
        var check = new Command("check", "Rate the current UTC month of every dashboard KPI against the workspace's targets and record an event for each KPI that entered its action threshold.")
        {
            workspace,
        };
        check.SetAction(async (parse, ct) =>
        {
            await using var app = await CliHost.StartAsync(parse.GetValue(LoopwiseCli.Db), ct);
            if (await CliWorkspace.OneOrAllAsync(app.Services, parse.GetValue(workspace), ct) is not { } workspaces)
            {
                return 3;
            }

            var table = new Table().Title("KPI status this month");
            table.AddColumns("Workspace", "KPI", "Status", "Value", "n", "Event");
            var recorded = 0;
            foreach (var w in workspaces)
            {
                await using var scope = app.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Set(w.Id);
                var outcome = await scope.ServiceProvider.GetRequiredService<KpiMonthCheck>().RunAsync(ct);
                recorded += outcome.Recorded.Count;
                foreach (var status in outcome.Statuses)
                {
                    var crossing = outcome.Recorded.FirstOrDefault(c => c.Id == status.Id);
                    table.AddRow(
                        Markup.Escape(w.Slug), status.Id.Value, status.Status.ToLabel(), Value(status.Value), status.N.ToString(CultureInfo.InvariantCulture),
                        crossing is null ? string.Empty : Markup.Escape($"entered action ({crossing.Threshold}) in {outcome.Period}"));
                }
            }

            AnsiConsole.Write(table);
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{recorded} threshold event(s) recorded."));
            return 0;
        });
        return new Command("kpis", "KPI targets and thresholds.") { check };
    }

    private static string Value(double? value) => value is { } v ? Math.Round(v, 2).ToString(CultureInfo.InvariantCulture) : "-";
}
