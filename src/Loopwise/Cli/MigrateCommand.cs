using System.CommandLine;

namespace Loopwise.Cli;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Create or upgrade the database schema, then exit.");
        command.SetAction(async (parse, ct) =>
        {
            await using var app = await CliHost.StartAsync(parse.GetValue(LoopwiseCli.Db), ct);
            Console.Out.WriteLine("Database schema is up to date.");
            return 0;
        });
        return command;
    }
}
