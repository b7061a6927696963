using Loopwise.Data;
using Loopwise.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Loopwise.Dashboards;

/// <summary>
/// The same services as <c>loopwise serve</c>, built but not started: no HTTP listener and no background services
/// (the threshold monitor would add work to the timings); only the schema migration runs.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchHost(WebApplication app, string description)
    {
        _app = app;
        Description = description;
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>Where the data lives (file path or PostgreSQL database), for the report.</summary>
    public string Description { get; }

    public DatabaseOptions Database => _app.Services.GetRequiredService<DatabaseOptions>();

    /// <summary>
    /// Opens the benchmark database. Null: a SQLite file in the temp folder (kept, so <c>--keep</c> can reuse it). A
    /// PostgreSQL connection string without a database gets the database <c>loopwise_bench</c>. <paramref name="fresh"/>
    /// starts those two defaults from scratch (a file or database given explicitly is never dropped).
    /// </summary>
    public static async Task<BenchHost> OpenAsync(string? db, bool fresh, CancellationToken ct)
    {
        string setting, description;
        if (db is null || DatabaseOptions.Parse(db).Provider == DatabaseProvider.Sqlite)
        {
            var file = db ?? Path.Combine(Path.GetTempPath(), "loopwise-dashboards", "bench.db");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            if (db is null && fresh)
            {
                foreach (var path in new[] { file, file + "-wal", file + "-shm" })
                {
                    File.Delete(path);
                }
            }

            setting = file;
            description = Path.GetFullPath(DatabaseOptions.Parse(file).ConnectionString["Data Source=".Length..]);
        }
        else
        {
            var builder = new NpgsqlConnectionStringBuilder(DatabaseOptions.Parse(db).ConnectionString);
            if (string.IsNullOrEmpty(builder.Database))
            {
                var server = builder.ConnectionString;
                builder.Database = "loopwise_bench";
                await using var connection = new NpgsqlConnection(server);
                await connection.OpenAsync(ct);
                if (fresh)
                {
                    await ExecuteAsync(connection, "DROP DATABASE IF EXISTS loopwise_bench WITH (FORCE)", ct);
                }

                await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = 'loopwise_bench'", connection);
                if (await exists.ExecuteScalarAsync(ct) is null)
                {
                    await ExecuteAsync(connection, "CREATE DATABASE loopwise_bench", ct);
                }
            }

            setting = builder.ConnectionString;
            description = $"database {builder.Database} on {builder.Host}:{builder.Port}";
        }

        var app = LoopwiseHost.CreateBuilder(
        [
            $"--Db={setting}", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning",
        ]).Build();

        // DatabaseMigrator is internal to Loopwise: start that one hosted service only (Kestrel and the monitors stay off).
        foreach (var service in app.Services.GetServices<IHostedService>().Where(s => s.GetType().Name == "DatabaseMigrator"))
        {
            await service.StartAsync(ct);
        }

        return new BenchHost(app, description);
    }

    /// <summary>The database's name and version (<c>PostgreSQL 17.x</c>, <c>SQLite 3.x</c>).</summary>
    public async Task<string> VersionAsync(CancellationToken ct)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = db.IsPostgres ? "SELECT version()" : "SELECT 'SQLite ' || sqlite_version()";
        var version = (string)(await command.ExecuteScalarAsync(ct))!;
        return version.Split(" on ")[0];
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
