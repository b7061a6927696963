using Loopwise.Data;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Hosting;

/// <summary>Applies pending migrations when the server starts (turn off with <c>--migrate=false</c>).</summary>
internal sealed class DatabaseMigrator(IServiceProvider services, IConfiguration configuration, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Migrate", true))
        {
            return;
        }

        await MigrateAsync(services, cancellationToken);
        logger.LogInformation("Database schema is up to date");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>();
        await db.Database.MigrateAsync(ct);
    }
}
