using System.CommandLine;
using Loopwise.Features.Touchpoints;

namespace Loopwise.Cli;

internal static class TouchpointCommand
{
    public static Command Create()
    {
        var workspace = CliWorkspace.Create();
        var key = new Option<string>("--key") { Description = "URL-safe key used in links, e.g. checkout", Required = true };
        var name = new Option<string>("--name") { Description = "Display name", Required = true };
        var channel = new Option<string>("--channel") { Description = $"Channel: {string.Join(", ", Enum.GetNames<Channel>())}", Required = true };
        var stage = new Option<string?>("--stage") { Description = "Journey stage, e.g. Purchase" };
        var add = new Command("add", "Add a touchpoint to a workspace.") { workspace, key, name, channel, stage };
        add.SetAction(async (parse, ct) =>
        {
            await using var app = await CliHost.StartAsync(parse.GetValue(LoopwiseCli.Db), ct);
            await using var scope = app.Services.CreateAsyncScope();
            var ws = await CliWorkspace.EnterAsync(scope.ServiceProvider, parse.GetValue(workspace)!, ct);
            if (ws is null)
            {
                return 3;
            }

            var input = new TouchpointInput(parse.GetValue(key), parse.GetValue(name), parse.GetValue(channel), parse.GetValue(stage));
            var result = await scope.ServiceProvider.GetRequiredService<TouchpointService>().CreateAsync(input, "cli", ct);
            if (!result.IsSuccess)
            {
                return CliWorkspace.Fail(result.Error!);
            }

            Console.Out.WriteLine($"Touchpoint '{result.Value!.Key}' ({result.Value.Channel}) added to '{ws.Slug}'.");
            return 0;
        });
        return new Command("touchpoint", "Manage touchpoints.") { add };
    }
}
