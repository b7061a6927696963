using Loopwise.Data;
using Loopwise.Features.Responses;
using Loopwise.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Loopwise.Tests.Data;

/// <summary>
/// Upgrading a database that already holds rollups keeps every count (SQLite rebuilds the tables to change their key),
/// and going back down folds the slots into one row per key.
/// </summary>
public abstract class RollupSlotsMigrationTests
{
    private const string BeforeSlots = "20261123020000_ResponsesExternalIdPartialIndex";
    private const string Slots = "20261123040000_RollupSlots";
    private static readonly Guid Workspace = Guid.Parse("0197a5d0-0000-7000-8000-000000000001");
    private static readonly Guid Survey = Guid.Parse("0197a5d0-0000-7000-8000-000000000002");
    private static readonly Guid Touchpoint = Guid.Parse("0197a5d0-0000-7000-8000-000000000003");

    protected abstract Task<string> NewDatabaseAsync();

    [Fact]
    public async Task Upgrade_keeps_existing_counts_in_slot_0_and_downgrade_sums_the_slots()
    {
        var options = DatabaseOptions.Parse(await NewDatabaseAsync());
        await using var db = Context(options, new WorkspaceScope());
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(BeforeSlots);
        var values = new SqlValue(db.IsPostgres);
        await ExecuteAsync(db, "INSERT INTO answer_rollups (workspace_id, survey_id, question_id, touchpoint_id, day, value, count) VALUES (@w, @s, 'nps', @t, @d, 9, 40), (@w, @s, 'nps', @t, @d, 3, 7)", values);
        await ExecuteAsync(db, "INSERT INTO response_rollups (workspace_id, survey_id, touchpoint_id, day, started, completed) VALUES (@w, @s, @t, @d, 50, 47)", values);

        await migrator.MigrateAsync(Slots);
        var scope = new WorkspaceScope();
        scope.Set(Workspace);
        await using var rows = Context(options, scope);
        var answers = await rows.Set<AnswerRollup>().AsNoTracking().OrderBy(r => r.Value).ToListAsync();
        var totals = await rows.Set<ResponseRollup>().AsNoTracking().ToListAsync();

        Assert.Equal(new[] { (3, 0, 7L), (9, 0, 40L) }, answers.Select(a => (a.Value, a.Slot, a.Count)));
        Assert.Equal((0, 50L, 47L), totals.Select(t => (t.Slot, t.Started, t.Completed)).Single());

        // A second slot of the same keys, as concurrent respondents write on PostgreSQL; then back down.
        await ExecuteAsync(db, "INSERT INTO answer_rollups (workspace_id, survey_id, question_id, touchpoint_id, day, value, slot, count) VALUES (@w, @s, 'nps', @t, @d, 9, 5, 2)", values);
        await ExecuteAsync(db, "INSERT INTO response_rollups (workspace_id, survey_id, touchpoint_id, day, slot, started, completed) VALUES (@w, @s, @t, @d, 5, 3, 2)", values);
        await migrator.MigrateAsync(BeforeSlots);

        Assert.Equal(new[] { "3:7", "9:42" }, await ReadAsync(db, "SELECT value, count FROM answer_rollups ORDER BY value"));
        Assert.Equal(new[] { "53:49" }, await ReadAsync(db, "SELECT started, completed FROM response_rollups"));
    }

    private static LoopwiseDbContext Context(DatabaseOptions options, WorkspaceScope scope)
    {
        var builder = new DbContextOptionsBuilder<LoopwiseDbContext>();
        DataServiceCollectionExtensions.Configure(builder, options);
        return new LoopwiseDbContext(builder.Options, scope);
    }

    private static async Task ExecuteAsync(LoopwiseDbContext db, string sql, SqlValue values)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in new[] { ("w", values.Of(Workspace)), ("s", values.Of(Survey)), ("t", values.Of(Touchpoint)), ("d", values.Of(new DateOnly(2026, 3, 4))) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> ReadAsync(LoopwiseDbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add($"{Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)}:{Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)}");
        }

        return rows;
    }
}

public sealed class RollupSlotsMigrationTests_Sqlite : RollupSlotsMigrationTests
{
    protected override Task<string> NewDatabaseAsync() => Task.FromResult(Databases.NewSqliteFile());
}

public sealed class RollupSlotsMigrationTests_Postgres : RollupSlotsMigrationTests
{
    protected override Task<string> NewDatabaseAsync() => Databases.NewPostgresDatabaseAsync();
}
