using System.CommandLine;
using Loopwise.Features.Support.Import;

namespace Loopwise.Cli;

/// <summary><c>loopwise import tickets</c>: a Zendesk ticket export or our plain ticket CSV.</summary>
internal static class TicketImportCommand
{
    public static Command Create()
    {
        var workspace = CliWorkspace.Create();
        var format = new Option<TicketImportFormat>("--format") { Description = "zendesk or csv", Required = true };
        var file = new Argument<FileInfo>("FILE") { Description = "The exported CSV file" };
        var errors = new Option<FileInfo?>("--errors") { Description = "Write the rejected rows (line, ticket_id, field, message) to this CSV file" };
        var command = new Command("tickets", "Import support tickets from a CSV export; every rejected row is reported with its line number.") { workspace, format, errors, file };
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
            var result = await ImportConsole.WithProgressAsync(path, reporter => importer.ImportAsync(parse.GetValue(format), stream, reporter, ct));
            if (!result.IsSuccess)
            {
                return CliWorkspace.Fail(result.Error!);
            }

            var report = result.Value!;
            return await ImportConsole.ReportAsync(
                new ImportSummary(report.Rows, report.Imported, report.Duplicates, report.Errors, report.Warnings,
                    d => $"ticket '{d.ResponseId}' is stored already", writer => ImportConsole.WriteErrorsCsvAsync(writer, report.Errors, "ticket_id")),
                parse.GetValue(errors));
        });
        return command;
    }
}
