using System.CommandLine;
using System.Globalization;
using System.Text;
using Loopwise.Features.Responses.Export;

namespace Loopwise.Cli;

/// <summary><c>loopwise export responses</c>: completed responses of a survey as CSV, streamed to a file or stdout.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var workspace = CliWorkspace.Create();
        var survey = new Option<string>("--survey") { Description = "Survey id or link token", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "Output file (default: standard output)" };
        var from = new Option<string?>("--from") { Description = "Only responses completed at or after this UTC date/time (e.g. 2026-01-01)" };
        var to = new Option<string?>("--to") { Description = "Only responses completed before this UTC date/time" };
        var responses = new Command("responses", "Export completed responses as CSV (one column per question).") { workspace, survey, output, from, to };
        responses.SetAction(async (parse, ct) =>
        {
            if (!TryInstant(parse.GetValue(from), out var start) || !TryInstant(parse.GetValue(to), out var end))
            {
                await Console.Error.WriteLineAsync("error: --from and --to take a date or date and time, e.g. 2026-01-01 or 2026-01-01T12:00:00Z.");
                return 2;
            }

            await using var app = await CliHost.StartAsync(parse.GetValue(LoopwiseCli.Db), ct);
            await using var scope = app.Services.CreateAsyncScope();
            if (await CliWorkspace.EnterAsync(scope.ServiceProvider, parse.GetValue(workspace)!, ct) is null)
            {
                return 3;
            }

            var exporter = scope.ServiceProvider.GetRequiredService<ResponseExporter>();
            var prepared = await exporter.PrepareAsync(parse.GetValue(survey)!, start, end, ct);
            if (!prepared.IsSuccess)
            {
                return CliWorkspace.Fail(prepared.Error!);
            }

            var file = parse.GetValue(output);
            await using var writer = file is null
                ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false))
                : new StreamWriter(file.FullName, append: false, new UTF8Encoding(false));
            var count = await exporter.WriteAsync(prepared.Value!, writer, ct);
            if (file is not null)
            {
                Console.Out.WriteLine($"Exported {count} responses to {file.FullName}.");
            }

            return 0;
        });
        return new Command("export", "Export data.") { responses };
    }

    private static bool TryInstant(string? text, out DateTime? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
            return true;
        }

        return false;
    }
}
