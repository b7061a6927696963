using System.CommandLine;
using Loopwise.Features.Users;
using Loopwise.Web;

namespace Loopwise.Cli;

internal static class UserCommand
{
    public static Command Create()
    {
        var workspace = CliWorkspace.Create();
        var email = new Option<string>("--email") { Description = "Sign-in e-mail", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name (default: the e-mail's local part)" };
        var roles = new Option<Role[]>("--role")
        {
            Description = $"Role, repeatable: {string.Join(", ", Enum.GetNames<Role>())}",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var password = new Option<string?>("--password")
        {
            Description = "Password (default: LOOPWISE_PASSWORD, else a generated one that is printed once)",
        };
        var add = new Command("add", "Add a person to a workspace with one or more roles.") { workspace, email, name, roles, password };
        add.SetAction(async (parse, ct) =>
        {
            await using var app = await CliHost.StartAsync(parse.GetValue(LoopwiseCli.Db), ct);
            await using var scope = app.Services.CreateAsyncScope();
            var ws = await CliWorkspace.EnterAsync(scope.ServiceProvider, parse.GetValue(workspace)!, ct);
            if (ws is null)
            {
                return 3;
            }

            var address = parse.GetValue(email)!;
            var given = parse.GetValue(password) ?? Environment.GetEnvironmentVariable("LOOPWISE_PASSWORD");
            var secret = given ?? Tokens.Random(16);
            var result = await scope.ServiceProvider.GetRequiredService<UserService>().AddAsync(
                ws.Id, address, parse.GetValue(name) ?? address.Split('@')[0], secret, parse.GetValue(roles) ?? [], ct);
            if (!result.IsSuccess)
            {
                return CliWorkspace.Fail(result.Error!);
            }

            Console.Out.WriteLine($"{result.Value!.Email} can sign in to '{ws.Slug}' as {string.Join(", ", parse.GetValue(roles)!)}.");
            if (given is null)
            {
                Console.Out.WriteLine($"Password (shown once): {secret}");
            }

            return 0;
        });
        return new Command("user", "Manage people.") { add };
    }
}
