using System.CommandLine;
using Loopwise.Features.Responses.Import;

namespace Loopwise.Cli;

/// <summary><c>loopwise import responses</c>: a Qualtrics, SurveyMonkey or plain CSV export into a survey.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var workspace = CliWorkspace.Create();
        var survey = new Option<string>("--survey") { Description = "Survey id or link token", Required = true };
        var format = new Option<ImportFormat>("--format") { Description = "qualtrics, surveymonkey or csv", Required = true };
        var touchpoint = new Option<string?>("--touchpoint") { Description = "Touchpoint key for rows that name none" };
        var map = new Option<string[]>("--map")
        {
            Description = "column=questionId, repeatable: match a column (id or header text) to a question explicitly",
            AllowMultipleArgumentsPerToken = true,
        };
        var errors = new Option<FileInfo?>("--errors") { Description = "Write the rejected rows (line, response id, field, message) to this CSV file" };
        var file = new Argument<FileInfo>("FILE") { Description = "The exported CSV file" };
        var responses = new Command("responses", "Import responses from a CSV export; rejected rows are reported with their line numbers.")
        {
            workspace, survey, format, touchpoint, map, errors, file,
        };
        responses.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"error: no file '{path.FullName}'.");
                return 2;
            }

            var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in parse.GetValue(map) ?? [])
            {
                var cut = pair.LastIndexOf('=');
                if (cut <= 0 || cut == pair.Length - 1)
                {
                    await Console.Error.WriteLineAsync($"error: --map '{pair}' should be column=questionId.");
                    return 2;
                }

                pairs[pair[..cut].Trim()] = pair[(cut + 1)..].Trim();
            }

            await using var app = await CliHost.StartAsync(parse.GetValue(LoopwiseCli.Db), ct);
            await using var scope = app.Services.CreateAsyncScope();
            if (await CliWorkspace.EnterAsync(scope.ServiceProvider, parse.GetValue(workspace)!, ct) is null)
            {
                return 3;
            }

            var importer = scope.ServiceProvider.GetRequiredService<ResponseImporter>();
            var request = new ImportRequest(parse.GetValue(survey)!, parse.GetValue(format), parse.GetValue(touchpoint), pairs);
            await using var stream = path.OpenRead();
            var result = await ImportConsole.WithProgressAsync(path, reporter => importer.ImportAsync(request, stream, reporter, ct));
            if (!result.IsSuccess)
            {
                return CliWorkspace.Fail(result.Error!);
            }

            var report = result.Value!;
            return await ImportConsole.ReportAsync(
                new ImportSummary(report.Rows, report.Imported, report.Duplicates, report.Errors, report.Warnings,
                    d => $"duplicate of stored response '{d.ResponseId}'", report.WriteErrorsCsvAsync),
                parse.GetValue(errors));
        });
        var import = new Command("import", "Import data.") { responses, TicketImportCommand.Create() };
        foreach (var verb in Features.Commerce.CommerceImportVerbs.Create())
        {
            import.Subcommands.Add(verb);
        }

        return import;
    }
}
