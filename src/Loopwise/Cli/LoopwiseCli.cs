using System.CommandLine;

namespace Loopwise.Cli;

internal static class LoopwiseCli
{
    /// <summary><c>--db</c>: the database (SQLite path or PostgreSQL connection string); defaults to LOOPWISE_DB, then ./data/loopwise.db.</summary>
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "Database: a SQLite file path, or a PostgreSQL connection string/URL. Default: LOOPWISE_DB or ./data/loopwise.db",
        Recursive = true,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-') && args[0] is not ("-h" or "--help" or "-?" or "--version"))
        {
            return await ServeCommand.RunAsync(args);
        }

        var root = new RootCommand("Loopwise: listen to customers, understand what drives their experience, act, and close the loop.");
        root.Options.Add(Db);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(WorkspaceCommand.Create());
        root.Subcommands.Add(UserCommand.Create());
        root.Subcommands.Add(ApiKeyCommand.Create());
        root.Subcommands.Add(TouchpointCommand.Create());
        root.Subcommands.Add(SurveyCommand.Create());
        root.Subcommands.Add(MetricsCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(InvitationsCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(Features.Targets.KpisCommand.Create());
        root.Subcommands.Add(Features.CustomerHealth.HealthCommand.Create());
        root.Subcommands.Add(Features.TextAnalytics.TextCommand.Create());
        root.Subcommands.Add(Features.Jobs.JobsCommand.Create());
        return await root.Parse(args).InvokeAsync();
    }
}
