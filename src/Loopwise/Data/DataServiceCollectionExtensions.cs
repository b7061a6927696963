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
                options.UseNpgsql(Tuned(database.ConnectionString));
                break;
            case DatabaseProvider.Sqlite:
                // A list in a query (ids.Contains(x.Id)) travels as one JSON parameter (json_each), not one parameter per
                // item: Microsoft.Data.Sqlite binds parameters by name, so 10 000 ids cost seconds (measured by bench/Loopwise.Dashboards).
                options.UseSqlite(database.ConnectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                    .AddInterceptors(new SqlitePragmas());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(database), database.Provider, "Unknown database provider.");
        }

        // Migrations are hand-written (no design-time package here), so there is no model snapshot for EF to compare
        // against; a test migrates empty SQLite and PostgreSQL databases and round-trips every entity instead.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

        // Saved workspaces, surveys and touchpoints invalidate the respondent pages' cache of public links.
        options.AddInterceptors(Features.Respond.PublishedLinks.ChangeSignal.Instance);

        // Jobs added to a context are stored by its SaveChanges, in its transaction; a commit that stored jobs wakes this
        // process's workers (ADR 10).
        options.AddInterceptors(Features.Jobs.JobOutbox.Instance, Features.Jobs.JobCommitSignal.Instance);
    }

    /// <summary>
    /// PostgreSQL defaults for a server that runs the same few statements all day: automatic preparation of the most
    /// used ones (parsed and planned once per connection), and no session reset when a connection returns to the pool
    /// (Loopwise never changes session state: no SET, no temporary tables, no LISTEN). A setting given in the
    /// connection string wins.
    /// </summary>
    internal static string Tuned(string connectionString)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey answers true for every keyword Npgsql knows, given or not, so the
        // keywords actually written are read with the plain builder (Npgsql accepts each with or without its spaces).
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!given.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}
