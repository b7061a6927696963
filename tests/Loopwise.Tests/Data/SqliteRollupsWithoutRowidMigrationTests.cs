using Loopwise.Data;
using Loopwise.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Loopwise.Tests.Data;

/// <summary>SQLite rollup tables are rebuilt WITHOUT ROWID and back, keeping their rows, keys and day indexes.</summary>
public sealed class SqliteRollupsWithoutRowidMigrationTests
{
    private const string Before = "20261124060000_RollupDayIndexes";
    private const string Clustered = "20261124070000_SqliteRollupsWithoutRowid";

    [Fact]
    public async Task Rollup_tables_become_without_rowid_with_their_rows_and_indexes_and_go_back()
    {
        var builder = new DbContextOptionsBuilder<LoopwiseDbContext>();
        DataServiceCollectionExtensions.Configure(builder, DatabaseOptions.Parse(Databases.NewSqliteFile()));
        await using var db = new LoopwiseDbContext(builder.Options, new WorkspaceScope());
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(Before);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO answer_rollups (workspace_id, survey_id, question_id, touchpoint_id, day, value, slot, count) VALUES ('W', 'S', 'nps', 'T', '2026-01-03', 9, 0, 40), ('W', 'S', 'nps', 'T', '2026-01-03', 9, 4, 2)");
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO ticket_duration_month_rollups (workspace_id, month, channel, touchpoint_id, clock, bucket, slot, count) VALUES ('W', '2026-01-01', 'email', 'T', 'business', 12, 0, 5)");

        await migrator.MigrateAsync(Clustered);
        var up = await SchemaAsync(db);
        await migrator.MigrateAsync(Before);
        var down = await SchemaAsync(db);

        Assert.All(up.Tables, t => Assert.EndsWith("WITHOUT ROWID", t.Sql.TrimEnd(), StringComparison.Ordinal));
        Assert.Equal(10, up.Tables.Count);
        Assert.All(down.Tables, t => Assert.DoesNotContain("WITHOUT ROWID", t.Sql, StringComparison.Ordinal));
        Assert.Equal(["ix_answer_dimension_rollups_day", "ix_answer_rollups_day", "ix_response_rollups_day"], up.Indexes);
        Assert.Equal(up.Indexes, down.Indexes);
        foreach (var schema in new[] { up, down })
        {
            Assert.Equal(["9|0|40", "9|4|2"], schema.Answers);
            Assert.Equal(["12|5"], schema.Durations);
        }
    }

    private static async Task<(List<(string Name, string Sql)> Tables, List<string> Indexes, List<string> Answers, List<string> Durations)> SchemaAsync(LoopwiseDbContext db) => (
        [.. (await db.Database.SqlQueryRaw<NameSql>("SELECT name AS Name, sql AS Sql FROM sqlite_master WHERE type = 'table' AND name LIKE '%rollups' AND name NOT IN ('revenue_rollups', 'subscription_rollups', 'subscription_cancel_rollups', 'referral_rollups', 'journey_rollups')").ToListAsync()).Select(r => (r.Name, r.Sql))],
        await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%rollups_day' ORDER BY name").ToListAsync(),
        await db.Database.SqlQueryRaw<string>("SELECT value || '|' || slot || '|' || count AS Value FROM answer_rollups ORDER BY slot").ToListAsync(),
        await db.Database.SqlQueryRaw<string>("SELECT bucket || '|' || count AS Value FROM ticket_duration_month_rollups").ToListAsync());

    private sealed record NameSql(string Name, string Sql);
}
