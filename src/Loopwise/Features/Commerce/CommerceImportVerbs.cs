using System.CommandLine;
using Loopwise.Cli;

namespace Loopwise.Features.Commerce;

/// <summary>
/// <c>loopwise import customers|orders|subscriptions|referrals|journey-steps FILE</c>: a CSV file with a header row,
/// a progress bar, and a report of every rejected row with its line number.
/// </summary>
internal static class CommerceImportVerbs
{
    public static IEnumerable<Command> Create() =>
    [
        Verb("customers", CommerceImportKind.Customers, "Create or update customers (external_id, email, name, language, acquired_at, acquisition_source, referrer_external_id; other columns are attributes)."),
        Verb("orders", CommerceImportKind.Orders, "Import orders (external_id, customer_external_id, ordered_at, amount_minor, currency, channel, touchpoint_key)."),
        Verb("subscriptions", CommerceImportKind.Subscriptions, "Import subscriptions and cancellations (external_id, customer_external_id, plan, started_at, mrr_minor, currency, cancelled_at)."),
        Verb("referrals", CommerceImportKind.Referrals, "Import referrals (referrer_external_id, referred_external_id, referred_at, converted_at)."),
        Verb("journey-steps", CommerceImportKind.JourneySteps, "Import journey steps (journey, step, session_id, state, at, customer_external_id, touchpoint_key)."),
    ];

    private static Command Verb(string name, CommerceImportKind kind, string description)
    {
        var workspace = CliWorkspace.Create();
        var errors = new Option<FileInfo?>("--errors") { Description = "Write the rejected rows (line, key, field, message) to this CSV file" };
        var file = new Argument<FileInfo>("FILE") { Description = "The CSV file, with a header row" };
        var command = new Command(name, description + " Rejected rows are reported with their line numbers.") { workspace, errors, file };
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

            var importer = scope.ServiceProvider.GetRequiredService<CommerceImporter>();
            await using var stream = path.OpenRead();
            var result = await ImportConsole.WithProgressAsync(path, reporter => importer.ImportAsync(kind, stream, reporter, ct));
            if (!result.IsSuccess)
            {
                return CliWorkspace.Fail(result.Error!);
            }

            var report = result.Value!;
            return await ImportConsole.ReportAsync(
                new ImportSummary(report.Rows, report.Stored, report.Duplicates, report.Errors, [], d => $"stored already ({d.ResponseId})", report.WriteErrorsCsvAsync),
                parse.GetValue(errors));
        });
        return command;
    }
}
