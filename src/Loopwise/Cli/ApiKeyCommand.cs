using System.CommandLine;
using Loopwise.Features.Users;

namespace Loopwise.Cli;

internal static class ApiKeyCommand
{
    public static Command Create()
    {
        var workspace = CliWorkspace.Create();
        var name = new Option<string>("--name") { Description = "What the key is for", Required = true };
        var scopes = new Option<string[]>("--scope")
        {
            Description = $"Capability, repeatable: {string.Join(", ", Permissions.All)}",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var add = new Command("add", "Create an API key; the key is printed once.") { workspace, name, scopes };
        add.SetAction(async (parse, ct) =>
        {
            await using var app = await CliHost.StartAsync(parse.GetValue(LoopwiseCli.Db), ct);
            await using var scope = app.Services.CreateAsyncScope();
            var ws = await CliWorkspace.EnterAsync(scope.ServiceProvider, parse.GetValue(workspace)!, ct);
            if (ws is null)
            {
                return 3;
            }

            var result = await scope.ServiceProvider.GetRequiredService<ApiKeyService>()
                .CreateAsync(ws.Id, parse.GetValue(name)!, parse.GetValue(scopes) ?? [], ct);
            if (!result.IsSuccess)
            {
                return CliWorkspace.Fail(result.Error!);
            }

            Console.Out.WriteLine(result.Value!.Key);
            return 0;
        });
        return new Command("apikey", "Manage API keys.") { add };
    }
}
