using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Surveys;
using Loopwise.Features.Touchpoints;
using Loopwise.Features.Users;
using Loopwise.Features.Workspaces;
using Loopwise.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Loopwise.Load;

/// <summary>A real Loopwise server (Kestrel on 127.0.0.1, random port) in this process, on a fresh database.</summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<Task> _cleanup;

    private BenchServer(WebApplication app, DatabaseOptions database, Uri address, Func<Task> cleanup)
    {
        _app = app;
        Database = database;
        Address = address;
        _cleanup = cleanup;
    }

    public DatabaseOptions Database { get; }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts the server. <paramref name="db"/>: null for a temporary SQLite file; a PostgreSQL server connection
    /// string gets a new database created on it (dropped afterwards unless <paramref name="keep"/>).
    /// </summary>
    public static async Task<BenchServer> StartAsync(string? db, bool keep, params string[] settings)
    {
        string setting;
        Func<Task> cleanup;
        if (db is null || DatabaseOptions.Parse(db).Provider == DatabaseProvider.Sqlite)
        {
            var file = db ?? Path.Combine(Path.GetTempPath(), "loopwise-load", $"{Guid.NewGuid():N}.db");
            setting = file;
            cleanup = () =>
            {
                if (!keep && db is null)
                {
                    foreach (var path in new[] { file, file + "-wal", file + "-shm" })
                    {
                        File.Delete(path);
                    }
                }

                return Task.CompletedTask;
            };
        }
        else
        {
            var server = new NpgsqlConnectionStringBuilder(DatabaseOptions.Parse(db).ConnectionString);
            var name = $"loopwise_load_{Guid.NewGuid():N}";
            await ExecuteAsync(server.ConnectionString, $"CREATE DATABASE \"{name}\"");
            setting = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, MaxPoolSize = 50 }.ConnectionString;
            cleanup = async () =>
            {
                if (!keep)
                {
                    NpgsqlConnection.ClearAllPools();
                    await ExecuteAsync(server.ConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                }
            };
        }

        var builder = LoopwiseHost.CreateBuilder(
        [
            "--urls=http://127.0.0.1:0", $"--Db={setting}", "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning", .. settings,
        ]);
        var app = LoopwiseHost.Configure(builder.Build());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchServer(app, app.Services.GetRequiredService<DatabaseOptions>(), new Uri(address), cleanup);
    }

    /// <summary>A workspace, a touchpoint, a published NPS + CSAT survey and an API key that may write responses.</summary>
    public async Task<BenchTarget> CreateTargetAsync(CancellationToken ct)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var slug = "load-" + Guid.NewGuid().ToString("N")[..8];
        var workspace = (await services.GetRequiredService<WorkspaceService>().CreateAsync(slug, "Load test", ct)).Value!;
        services.GetRequiredService<WorkspaceScope>().Set(workspace.Id);
        var db = services.GetRequiredService<LoopwiseDbContext>();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var definition = new SurveyDefinition
        {
            DefaultLanguage = "en",
            Languages = ["en"],
            Title = new LocalizedText("en", "After checkout"),
            Questions =
            [
                new Question { Id = "nps", Type = QuestionType.Nps, Text = new LocalizedText("en", "How likely are you to recommend us?"), Required = true },
                new Question { Id = "csat", Type = QuestionType.Csat, Text = new LocalizedText("en", "How satisfied are you with your order?"), Required = true },
                new Question { Id = "reason", Type = QuestionType.Text, Text = new LocalizedText("en", "Why?") },
            ],
        };
        var survey = new Survey
        {
            WorkspaceId = workspace.Id,
            Id = Guid.CreateVersion7(),
            Name = "After checkout",
            Kind = SurveyKind.Transactional,
            Status = SurveyStatus.Published,
            LinkToken = "bench" + Guid.NewGuid().ToString("N")[..10],
            DefinitionJson = SurveyJson.Serialize(definition),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(survey);
        db.Add(new Touchpoint { WorkspaceId = workspace.Id, Id = Guid.CreateVersion7(), Key = "web-checkout", Name = "Web checkout", Channel = Channel.Web, CreatedAt = now });
        await db.SaveChangesAsync(ct);
        var key = (await services.GetRequiredService<ApiKeyService>().CreateAsync(workspace.Id, "load", [Permissions.ResponsesWrite], ct)).Value!;
        return new BenchTarget(Address, slug, survey.Id, survey.LinkToken, "web-checkout", key.Key);
    }

    public async Task<(long Responses, string Version)> InspectAsync(Guid workspaceId, CancellationToken ct)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = db.IsPostgres ? "SELECT version()" : "SELECT 'SQLite ' || sqlite_version()";
        var version = (string)(await command.ExecuteScalarAsync(ct))!;
        command.CommandText = "SELECT count(*) FROM responses";
        var count = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        _ = workspaceId;
        return (count, version);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _cleanup();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
