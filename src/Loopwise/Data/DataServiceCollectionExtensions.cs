using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Loopwise.Data;

internal static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddLoopwiseData(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddSingleton(database);
        services.AddScoped<WorkspaceScope>();
        services.AddSingleton<SqliteWriteGate>();
        // Options built once (they depend only on the database setting), not per request scope.
        services.AddDbContext<LoopwiseDbContext>(options => Configure(options, database), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.Postgres:
                options.UseNpgsql(database.ConnectionString);
                break;
            case DatabaseProvider.Sqlite:
                options.UseSqlite(database.ConnectionString).AddInterceptors(new SqlitePragmas());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(database), database.Provider, "Unknown database provider.");
        }

        // Migrations are hand-written (no design-time package here), so there is no model snapshot for EF to compare
        // against; a test migrates empty SQLite and PostgreSQL databases and round-trips every entity instead.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

        // Saved workspaces, surveys and touchpoints invalidate the respondent pages' cache of public links.
        options.AddInterceptors(Features.Respond.PublishedLinks.ChangeSignal.Instance);
    }
}
