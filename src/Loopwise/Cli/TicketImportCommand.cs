using System.CommandLine;
using System.Globalization;
using Loopwise.Features.Responses.Import;
using Loopwise.Features.Support.Import;
using Spectre.Console;

namespace Loopwise.Cli;

/// <summary><c>loopwise import tickets</c>: a Zendesk ticket export or our plain ticket CSV.</summary>
internal static class TicketImportCommand
{
    public static Command Create()
    {
        var workspace = CliWorkspace.Create();
        var format = new Option<TicketImportFormat>("--format") { Description = "zendesk or csv", Required = true };
        var file = new Argument<FileInfo>("FILE") { Description = "The exported CSV file" };
        var command = new Command("tickets", "Import support tickets from a CSV export; every rejected row is reported with its line number.") { workspace, format, file };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"error: no file '{path.FullName}'.");
                return 2;
            }

            await using var app = await CliHost.StartAsync(parse.GetValue(LoopwiseCli.Db), ct);
            await using var scope = app.Services.CreateAsyncScope();
            if (await CliWorkspace.EnterAsync(scope.ServiceProvider, parse.GetValue(workspace)!, ct) is null)
            {
                return 3;
            }

            var importer = scope.ServiceProvider.GetRequiredService<TicketImporter>();
            await using var stream = path.OpenRead();
            var result = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask($"Importing {path.Name}", maxValue: Math.Max(1, path.Length));
                    var reporter = new Progress<ImportProgress>(p =>
                    {
                        task.Value = p.BytesRead;
                        task.Description = $"Importing {path.Name}: {p.Rows.ToString("N0", CultureInfo.InvariantCulture)} rows";
                    });
                    var outcome = await importer.ImportAsync(parse.GetValue(format), stream, reporter, ct);
                    task.Value = task.MaxValue;
                    return outcome;
                });
            if (!result.IsSuccess)
            {
                return CliWorkspace.Fail(result.Error!);
            }

            var report = result.Value!;
            foreach (var warning in report.Warnings)
            {
                await Console.Error.WriteLineAsync($"warning: {warning}");
            }

            Console.Out.WriteLine($"Rows read: {report.Rows}. Imported: {report.Imported}. Skipped as duplicates: {report.Duplicates.Count}. Rejected: {report.RejectedLines.Count}.");
            foreach (var skipped in report.Duplicates)
            {
                Console.Out.WriteLine($"  line {skipped.Line}: ticket '{skipped.ResponseId}' is stored already");
            }

            foreach (var error in report.Errors)
            {
                Console.Out.WriteLine($"  line {error.Line}: {error.Field}: {error.Message}");
            }

            return report.Errors.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
