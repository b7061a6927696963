using System.CommandLine;
using Loopwise.Features.Workspaces;

namespace Loopwise.Cli;

internal static class WorkspaceCommand
{
    public static Command Create()
    {
        var slug = new Option<string>("--slug") { Description = "URL-safe short name, e.g. acme", Required = true };
        var name = new Option<string>("--name") { Description = "Display name", Required = true };
        var add = new Command("add", "Create a workspace.") { slug, name };
        add.SetAction(async (parse, ct) =>
        {
            await using var app = await CliHost.StartAsync(parse.GetValue(LoopwiseCli.Db), ct);
            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<WorkspaceService>()
                .CreateAsync(parse.GetValue(slug)!, parse.GetValue(name)!, ct);
            if (!result.IsSuccess)
            {
                return CliWorkspace.Fail(result.Error!);
            }

            Console.Out.WriteLine($"Created workspace '{result.Value!.Slug}' ({result.Value.Id}).");
            return 0;
        });
        return new Command("workspace", "Manage workspaces.") { add };
    }
}
