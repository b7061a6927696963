using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Loopwise.Features.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Spectre.Console;

namespace Loopwise.Cli;

/// <summary><c>loopwise demo</c>: builds the Northwind Outfitters demo workspace (once), then starts the server.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var responses = new Option<int>("--responses")
        {
            Description = "Completed responses to generate over the last 12 months",
            DefaultValueFactory = _ => 50_000,
        };
        responses.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 5_000_000)
            {
                r.AddError("--responses must be between 1 and 5000000.");
            }
        });
        var seed = new Option<int>("--seed") { Description = "Seed of the generator: the same seed gives the same data", DefaultValueFactory = _ => 42 };
        var reset = new Option<bool>("--reset") { Description = "Delete the demo workspace's data and build it again" };
        var noServe = new Option<bool>("--no-serve") { Description = "Build only; do not start the server" };
        var urls = new Option<string>("--urls") { Description = "Where the server listens", DefaultValueFactory = _ => "http://localhost:5000" };
        var command = new Command("demo", "Build a realistic demo workspace (Northwind Outfitters, a year of feedback) and start the server.")
        {
            responses, seed, reset, noServe, urls,
        };
        command.SetAction(async (parse, ct) =>
        {
            var db = parse.GetValue(LoopwiseCli.Db);
            var options = new DemoOptions { Responses = parse.GetValue(responses), Seed = parse.GetValue(seed), Reset = parse.GetValue(reset) };
            var built = await BuildAsync(db, options, ct);
            if (built is null)
            {
                return 2;
            }

            PrintSummary(built);
            var address = parse.GetValue(urls)!;
            if (parse.GetValue(noServe))
            {
                Console.Out.WriteLine();
                Console.Out.WriteLine($"Start the server with: loopwise serve --urls={address}{(db is null ? string.Empty : " --db \"" + db + "\"")}");
                return 0;
            }

            return await ServeAsync(db, address, built);
        });
        return command;
    }

    private static async Task<DemoResult?> BuildAsync(string? db, DemoOptions options, CancellationToken ct)
    {
        await using var app = await CliHost.StartAsync(db, ct);
        await using var scope = app.Services.CreateAsyncScope();
        var generator = scope.ServiceProvider.GetRequiredService<DemoGenerator>();
        AnsiConsole.MarkupLine($"Building the demo workspace [bold]{Markup.Escape(DemoCompany.Name)}[/] ({options.Responses.ToString("N0", CultureInfo.InvariantCulture)} responses, seed {options.Seed.ToString(CultureInfo.InvariantCulture)})...");

        Web.Result<DemoResult> result = default;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var setup = context.AddTask("Workspace, people, touchpoints, surveys", maxValue: 3);
                var customers = context.AddTask("Customers", autoStart: false);
                var stored = context.AddTask("Responses", autoStart: false);
                var operations = context.AddTask("Tickets, memberships, acquisitions", autoStart: false);
                var comments = context.AddTask("Comments: sentiment, topics, emotions", autoStart: false);
                var watch = new Stopwatch();
                var progress = new DemoProgressSink(p =>
                {
                    switch (p.Step)
                    {
                        case DemoStep.Workspace:
                            setup.Value = p.Done;
                            break;
                        case DemoStep.Customers:
                            setup.Value = setup.MaxValue;
                            customers.MaxValue = Math.Max(1, p.Total);
                            customers.StartTask();
                            customers.Value = p.Done;
                            customers.Description = $"Customers ({p.Done.ToString("N0", CultureInfo.InvariantCulture)})";
                            break;
                        case DemoStep.Responses:
                            customers.Value = customers.MaxValue;
                            stored.MaxValue = Math.Max(1, p.Total);
                            if (!watch.IsRunning)
                            {
                                watch.Start();
                                stored.StartTask();
                            }

                            stored.Value = p.Done;
                            var rate = p.Done / Math.Max(0.001, watch.Elapsed.TotalSeconds);
                            stored.Description = $"Responses ({p.Done.ToString("N0", CultureInfo.InvariantCulture)}, {rate.ToString("N0", CultureInfo.InvariantCulture)}/s)";
                            break;
                        case DemoStep.Operations:
                            stored.Value = stored.MaxValue;
                            operations.MaxValue = Math.Max(1, p.Total);
                            operations.StartTask();
                            operations.Value = p.Done;
                            break;
                        case DemoStep.Comments:
                            operations.Value = operations.MaxValue;
                            comments.MaxValue = Math.Max(1, p.Total);
                            comments.StartTask();
                            comments.Value = p.Done;
                            break;
                        default:
                            throw new ArgumentOutOfRangeException(nameof(p), p.Step, "Unknown step.");
                    }
                });
                result = await generator.BuildAsync(options, progress, ct);
                foreach (var task in new[] { setup, customers, stored, operations, comments })
                {
                    task.Value = task.MaxValue;
                    task.StopTask();
                }
            });

        if (!result.IsSuccess)
        {
            CliWorkspace.Fail(result.Error!);
            return null;
        }

        return result.Value;
    }

    private static void PrintSummary(DemoResult demo)
    {
        var n = (long value) => value.ToString("N0", CultureInfo.InvariantCulture);
        Console.Out.WriteLine();
        if (demo.AlreadyBuilt)
        {
            AnsiConsole.MarkupLine($"Demo workspace '[bold]{Markup.Escape(demo.Slug)}[/]' is already built: reusing it (rebuild with --reset).");
        }
        else
        {
            AnsiConsole.MarkupLine($"Built [bold]{Markup.Escape(demo.Name)}[/] (workspace '{Markup.Escape(demo.Slug)}') in {demo.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.");
        }

        Console.Out.WriteLine($"  {demo.Touchpoints} touchpoints on {demo.Channels} channels, {demo.Surveys} published surveys, {n(demo.Customers)} customers");
        Console.Out.WriteLine($"  {n(demo.Completed)} completed responses and {n(demo.Partial)} abandoned ones, {demo.From:yyyy-MM-dd} to {demo.To:yyyy-MM-dd}");
        Console.Out.WriteLine();
        Console.Out.WriteLine($"Accounts (password for all: {demo.Password}):");
        var width = demo.Accounts.Max(a => a.Email.Length);
        foreach (var account in demo.Accounts)
        {
            Console.Out.WriteLine($"  {account.Email.PadRight(width)}  {string.Join(", ", account.Roles),-15} {account.What}");
        }

        Console.Out.WriteLine(demo.ApiKey is { } key
            ? $"API key (all scopes, shown once): {key}"
            : $"API key: shown when the demo was built; make another with: loopwise apikey add -w {demo.Slug} --name mine --scope responses.read");
    }

    private static async Task<int> ServeAsync(string? db, string urls, DemoResult demo)
    {
        string[] args =
        [
            $"--urls={urls}",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
            "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning",
            .. db is null ? Array.Empty<string>() : [$"--Db={db}"],
        ];
        var manager = demo.Accounts[0];
        try
        {
            return await ServeCommand.RunAsync(args, app => app.Lifetime.ApplicationStarted.Register(() =>
            {
                var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
                var address = addresses.Select(a => a.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal))
                    .FirstOrDefault() ?? urls;
                Console.Out.WriteLine();
                Console.Out.WriteLine($"Open {address} and sign in as {manager.Email} / {demo.Password}");
                Console.Out.WriteLine($"(or any account above, same password). Press Ctrl+C to stop.");
            }));
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"error: could not start the server on {urls}: {e.Message}");
            await Console.Error.WriteLineAsync("The demo is built; start it on another port with: loopwise demo --urls http://localhost:5050");
            return 1;
        }
    }
}
