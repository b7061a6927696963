using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Loopwise.Data.Migrations;

/// <summary>
/// Rollup rows get a <c>slot</c> in their key. Every response of a day adds to the same few rollup rows, so on
/// PostgreSQL concurrent respondents queued on those rows' locks, each holding them through its commit's WAL flush
/// (about 500 submissions/s whatever the hardware). Small writes now pick one of several slots at random, and every
/// reader sums over slots. Bulk writes and SQLite (one writer at a time) use slot 0.
/// </summary>
[DbContext(typeof(LoopwiseDbContext))]
[Migration("20261123040000_RollupSlots")]
public sealed class RollupSlots : Migration
{
    private static readonly string[] AnswerKey = ["workspace_id", "survey_id", "question_id", "touchpoint_id", "day", "value"];
    private static readonly string[] ResponseKey = ["workspace_id", "survey_id", "touchpoint_id", "day"];

    protected override void Up(MigrationBuilder migrationBuilder) => Rekey(migrationBuilder, withSlot: true);

    protected override void Down(MigrationBuilder migrationBuilder) => Rekey(migrationBuilder, withSlot: false);

    private void Rekey(MigrationBuilder migrationBuilder, bool withSlot)
    {
        if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // SQLite cannot change a primary key in place: rebuild each table, summing slots away on the way down.
            RebuildSqlite(migrationBuilder, "answer_rollups", AnswerKey, ["count"], withSlot);
            RebuildSqlite(migrationBuilder, "response_rollups", ResponseKey, ["started", "completed"], withSlot);
            return;
        }

        foreach (var (table, key, sums) in new[] { ("answer_rollups", AnswerKey, new[] { "count" }), ("response_rollups", ResponseKey, ["started", "completed"]) })
        {
            migrationBuilder.DropPrimaryKey($"pk_{table}", table);
            if (withSlot)
            {
                migrationBuilder.AddColumn<int>("slot", table, nullable: false, defaultValue: 0);
                migrationBuilder.AddPrimaryKey($"pk_{table}", table, [.. key, "slot"]);
            }
            else
            {
                // Fold the slots back into one row per key before the key loses its slot.
                var keys = string.Join(", ", key);
                var columns = string.Join(", ", sums);
                migrationBuilder.Sql($"CREATE TEMPORARY TABLE {table}_folded AS SELECT {keys}, {string.Join(", ", sums.Select(c => $"SUM({c}) AS {c}"))} FROM {table} GROUP BY {keys}");
                migrationBuilder.Sql($"DELETE FROM {table}");
                migrationBuilder.Sql($"INSERT INTO {table} ({keys}, {columns}, slot) SELECT {keys}, {columns}, 0 FROM {table}_folded");
                migrationBuilder.Sql($"DROP TABLE {table}_folded");
                migrationBuilder.DropColumn("slot", table);
                migrationBuilder.AddPrimaryKey($"pk_{table}", table, key);
            }
        }
    }

    private static void RebuildSqlite(MigrationBuilder migrationBuilder, string table, string[] key, string[] sums, bool withSlot)
    {
        var keyColumns = string.Join(", ", key.Select(Quote));
        var columns = string.Join(",\n    ", key.Select(c => $"{Quote(c)} {(c == "value" ? "INTEGER" : "TEXT")} NOT NULL")
            .Concat(sums.Select(c => $"{Quote(c)} INTEGER NOT NULL"))
            .Concat(withSlot ? ["\"slot\" INTEGER NOT NULL DEFAULT 0"] : []));
        var primaryKey = withSlot ? keyColumns + ", \"slot\"" : keyColumns;
        var sumColumns = string.Join(", ", sums.Select(Quote));
        var copied = withSlot
            ? $"SELECT {keyColumns}, {sumColumns}, 0 FROM {Quote(table)}"
            : $"SELECT {keyColumns}, {string.Join(", ", sums.Select(c => $"SUM({Quote(c)})"))} FROM {Quote(table)} GROUP BY {keyColumns}";
        migrationBuilder.Sql($"CREATE TABLE \"{table}_rekeyed\" (\n    {columns},\n    CONSTRAINT \"pk_{table}\" PRIMARY KEY ({primaryKey})\n)");
        migrationBuilder.Sql($"INSERT INTO \"{table}_rekeyed\" ({keyColumns}, {sumColumns}{(withSlot ? ", \"slot\"" : string.Empty)}) {copied}");
        migrationBuilder.Sql($"DROP TABLE {Quote(table)}");
        migrationBuilder.Sql($"ALTER TABLE \"{table}_rekeyed\" RENAME TO {Quote(table)}");
    }

    private static string Quote(string name) => $"\"{name}\"";
}
