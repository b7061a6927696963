using System.CommandLine;
using System.Text;
using Loopwise.Features.Invitations;
using Spectre.Console;

namespace Loopwise.Cli;

/// <summary><c>loopwise invitations create</c>: personalised links for a CSV of customers, written to a links CSV.</summary>
internal static class InvitationsCommand
{
    public static Command Create()
    {
        var workspace = CliWorkspace.Create();
        var survey = new Option<string>("--survey") { Description = "Survey id or link token", Required = true };
        var touchpoint = new Option<string?>("--touchpoint") { Description = "Touchpoint key the invitations are for (optional)" };
        var customers = new Option<FileInfo>("--customers") { Description = "CSV of customers: external_id (or customer_id), email, name, language, other columns as attributes", Required = true };
        var expires = new Option<int>("--expires-days") { Description = "Days until the links expire", DefaultValueFactory = _ => InvitationService.DefaultExpiresDays };
        var baseUrl = new Option<string>("--base-url") { Description = "Public address of this Loopwise server, used in the links", DefaultValueFactory = _ => "http://localhost:5000" };
        var sendEmail = new Option<bool>("--send-email") { Description = "Also e-mail each invitation to its customer (personal link, unsubscribe link); needs Loopwise:Smtp and a running server to deliver" };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the links CSV (external_id,email,name,language,link,expires_at)", Required = true };
        var create = new Command("create", "Create one-time invitation links for customers, applying the contact rules.")
        {
            workspace, survey, touchpoint, customers, expires, baseUrl, output, sendEmail,
        };
        create.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(customers)!;
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"error: no file {file.FullName}");
                return 2;
            }

            var parsed = CustomerCsv.Parse(await File.ReadAllTextAsync(file.FullName, Encoding.UTF8, ct));
            if (parsed.Error is not null)
            {
                await Console.Error.WriteLineAsync($"error: {file.Name}: {parsed.Error}");
                return 2;
            }

            await using var app = await CliHost.StartAsync(parse.GetValue(LoopwiseCli.Db), ct);
            await using var scope = app.Services.CreateAsyncScope();
            if (await CliWorkspace.EnterAsync(scope.ServiceProvider, parse.GetValue(workspace)!, ct) is null)
            {
                return 3;
            }

            var request = new CreateInvitations(parse.GetValue(survey)!, parse.GetValue(touchpoint), parsed.Rows, parsed.Rejected,
                parse.GetValue(expires), parse.GetValue(baseUrl)!, "cli") { SendEmail = parse.GetValue(sendEmail) };
            var service = scope.ServiceProvider.GetRequiredService<InvitationService>();
            // A console of its own: Spectre allows one live display per console, and tests run verbs side by side.
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            var result = await console.Progress().AutoClear(false).StartAsync(async progress =>
            {
                var task = progress.AddTask("Creating invitations", maxValue: Math.Max(1, parsed.Rows.Count));
                var report = new Progress<(int Done, int Total)>(p => task.Value = p.Done);
                var outcome = await service.CreateAsync(request, report, ct);
                task.Value = task.MaxValue;
                return outcome;
            });
            if (!result.IsSuccess)
            {
                return CliWorkspace.Fail(result.Error!);
            }

            var batch = result.Value!;
            await File.WriteAllTextAsync(parse.GetValue(output)!.FullName, LinksCsv.Write(batch.Created), new UTF8Encoding(false), ct);
            foreach (var row in batch.Suppressed)
            {
                await Console.Error.WriteLineAsync($"suppressed: line {row.Line}: {row.ExternalId}: {row.Reason}");
            }

            foreach (var row in batch.Rejected)
            {
                await Console.Error.WriteLineAsync($"rejected: line {row.Line}: {row.Reason}");
            }

            foreach (var row in batch.NotEmailed)
            {
                await Console.Error.WriteLineAsync($"not e-mailed: line {row.Line}: {row.ExternalId}: {row.Reason}");
            }

            var emailed = parse.GetValue(sendEmail) ? $", {batch.Emailed} e-mails queued (sent by the server's worker)" : string.Empty;
            Console.Out.WriteLine($"{batch.Created.Count} invitations created, {batch.Suppressed.Count} suppressed, {batch.Rejected.Count} rows rejected{emailed}; links written to {parse.GetValue(output)!.FullName}.");
            return 0;
        });
        return new Command("invitations", "Personalised survey invitations.") { create };
    }
}
