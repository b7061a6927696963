using Npgsql;

namespace Loopwise.Tests.Infrastructure;

/// <summary>Where test databases come from. PostgreSQL is never skipped: without a server the tests fail and say why.</summary>
public static class Databases
{
    public const string PostgresVariable = "LOOPWISE_TEST_PG";

    public static string NewSqliteFile() =>
        Path.Combine(Path.GetTempPath(), "loopwise-tests", $"{Guid.NewGuid():N}.db");

    /// <summary>Creates an empty PostgreSQL database on the test server and returns its connection string.</summary>
    public static async Task<string> NewPostgresDatabaseAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set. PostgreSQL tests never skip: run ./scripts/test.sh, which starts a " +
                $"throw-away server, or set {PostgresVariable}=\"Host=...;Username=...\" to a server where databases may be created.");
        }

        var name = $"loopwise_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
