using Loopwise.Data;
using Loopwise.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Loopwise.Tests.Data;

/// <summary>
/// PostgreSQL connections prepare the statements they run often and keep them across pool returns (ADR 7), unless
/// the connection string says otherwise. NpgsqlConnectionStringBuilder.ContainsKey is true for every keyword Npgsql
/// knows, so a check through it never applied these defaults; the first test would have failed then.
/// </summary>
public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void Defaults_apply_when_the_connection_string_does_not_set_them()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DataServiceCollectionExtensions.Tuned("Host=db.example;Username=loopwise;Maximum Pool Size=50"));

        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(50, tuned.MaxPoolSize);
    }

    [Theory]
    [InlineData("Host=db.example;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db.example;MaxAutoPrepare=0;NoResetOnClose=false")]
    [InlineData("Host=db.example;max auto prepare=0;no reset on close=False")]
    public void Settings_given_in_the_connection_string_win(string connectionString)
    {
        var tuned = new NpgsqlConnectionStringBuilder(DataServiceCollectionExtensions.Tuned(connectionString));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }

    [Fact]
    public async Task A_statement_run_often_is_prepared_on_the_application_connection()
    {
        var builder = new DbContextOptionsBuilder<LoopwiseDbContext>();
        DataServiceCollectionExtensions.Configure(builder, DatabaseOptions.Parse(await Databases.NewPostgresDatabaseAsync()));
        await using var db = new LoopwiseDbContext(builder.Options, new WorkspaceScope());
        await db.Database.OpenConnectionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        const string Probe = "SELECT @n + 1 AS loopwise_prepare_probe";
        for (var i = 0; i < 6; i++)
        {
            await using var command = new NpgsqlCommand(Probe, connection);
            command.Parameters.Add(new NpgsqlParameter<int>("n", i));
            Assert.Equal(i + 1, await command.ExecuteScalarAsync());
        }

        await using var prepared = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%loopwise_prepare_probe%'", connection);
        Assert.Equal(1L, await prepared.ExecuteScalarAsync());
    }
}
