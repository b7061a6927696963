using System.CommandLine;
using Loopwise.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Loopwise.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Start the server (the default verb). Settings as --key=value, e.g. --urls=http://0.0.0.0:8080.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse => RunAsync([.. parse.UnmatchedTokens, .. DbArg(parse)]));
        return command;
    }

    private static string[] DbArg(ParseResult parse) =>
        parse.GetValue(LoopwiseCli.Db) is { } db ? [$"--Db={db}"] : [];

    public static async Task<int> RunAsync(string[] args, Action<WebApplication>? beforeRun = null)
    {
        var app = LoopwiseHost.Configure(LoopwiseHost.CreateBuilder(args).Build());
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                Console.Out.WriteLine($"Loopwise is running: open {address.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal)}");
            }
        });
        beforeRun?.Invoke(app);
        await app.RunAsync();
        return 0;
    }
}
