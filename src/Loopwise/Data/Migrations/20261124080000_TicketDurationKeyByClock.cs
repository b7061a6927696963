using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Loopwise.Data.Migrations;

/// <summary>
/// The first response time bucket rollups are keyed clock, period, bucket first (then channel, touchpoint, slot): every
/// read takes one clock, and the overview's read (a year of business-hours buckets summed by month and bucket) then
/// runs along the key with no sort. At a million tickets on SQLite: 35 ms before, 6 ms after (ADR 9).
/// </summary>
[DbContext(typeof(LoopwiseDbContext))]
[Migration("20261124080000_TicketDurationKeyByClock")]
public sealed class TicketDurationKeyByClock : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Rekey(migrationBuilder, byClock: true);

    protected override void Down(MigrationBuilder migrationBuilder) => Rekey(migrationBuilder, byClock: false);

    private void Rekey(MigrationBuilder migrationBuilder, bool byClock)
    {
        foreach (var (table, period) in new[] { ("ticket_duration_rollups", "day"), ("ticket_duration_month_rollups", "month") })
        {
            string[] key = byClock
                ? ["workspace_id", "clock", period, "bucket", "channel", "touchpoint_id", "slot"]
                : ["workspace_id", period, "channel", "touchpoint_id", "clock", "bucket", "slot"];
            var keyList = string.Join(", ", key.Select(c => $"\"{c}\""));
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                // SQLite cannot change a primary key in place: rebuild the (WITHOUT ROWID) table in the new key order.
                var columns = key.Select(c => c is "bucket" or "slot" ? $"\"{c}\" INTEGER NOT NULL{(c == "slot" ? " DEFAULT 0" : string.Empty)}" : $"\"{c}\" TEXT NOT NULL")
                    .Append("\"count\" INTEGER NOT NULL");
                var names = keyList + ", \"count\"";
                migrationBuilder.Sql($"CREATE TABLE \"{table}_rekeyed\" (\n    {string.Join(",\n    ", columns)},\n    CONSTRAINT \"pk_{table}\" PRIMARY KEY ({keyList})\n) WITHOUT ROWID");
                migrationBuilder.Sql($"INSERT INTO \"{table}_rekeyed\" ({names}) SELECT {names} FROM \"{table}\"");
                migrationBuilder.Sql($"DROP TABLE \"{table}\"");
                migrationBuilder.Sql($"ALTER TABLE \"{table}_rekeyed\" RENAME TO \"{table}\"");
            }
            else
            {
                migrationBuilder.DropPrimaryKey($"pk_{table}", table);
                migrationBuilder.AddPrimaryKey($"pk_{table}", table, key);
            }
        }
    }
}
