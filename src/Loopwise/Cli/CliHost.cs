using Loopwise.Hosting;

namespace Loopwise.Cli;

/// <summary>Builds the same host as <c>serve</c> (without starting it) so CLI verbs use the same services and database.</summary>
internal static class CliHost
{
    public static async Task<WebApplication> StartAsync(string? db, CancellationToken ct, params string[] extraArgs)
    {
        var args = new List<string> { "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning" };
        if (!string.IsNullOrWhiteSpace(db))
        {
            args.Add($"--Db={db}");
        }

        args.AddRange(extraArgs);
        var app = LoopwiseHost.CreateBuilder([.. args]).Build();
        await DatabaseMigrator.MigrateAsync(app.Services, ct);
        return app;
    }
}
