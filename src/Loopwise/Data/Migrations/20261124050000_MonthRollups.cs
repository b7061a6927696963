using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Loopwise.Data.Migrations;

/// <summary>
/// A month table beside each day rollup (ADR 9): the same counts per calendar month, written by the same statements as
/// the day rows from now on, and filled here from the day rows already stored (slots folded into slot 0).
/// </summary>
[DbContext(typeof(LoopwiseDbContext))]
[Migration("20261124050000_MonthRollups")]
public sealed class MonthRollups : Migration
{
    private static readonly string[] TicketSums =
    [
        "opened", "created_by_agent", "first_contacts", "agent_flagged_fcr", "repeat_within_window", "transferred",
        "clock_started", "replied", "frt_sum_seconds", "frt_business_sum_seconds", "sla_met", "reopened", "solved",
    ];

    /// <summary>Each family: its key columns besides workspace and period, and its summed columns.</summary>
    private static readonly (string Family, string[] Key, string[] Sums)[] Families =
    [
        ("answer", ["survey_id", "question_id", "touchpoint_id", "value"], ["count"]),
        ("response", ["survey_id", "touchpoint_id"], ["started", "completed"]),
        ("answer_dimension", ["survey_id", "question_id", "dimension", "dimension_value", "value"], ["count"]),
        ("ticket", ["channel", "touchpoint_id"], TicketSums),
        ("ticket_duration", ["channel", "touchpoint_id", "clock", "bucket"], ["count"]),
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "answer_month_rollups",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                survey_id = table.Column<Guid>(nullable: false),
                question_id = table.Column<string>(maxLength: 64, nullable: false),
                touchpoint_id = table.Column<Guid>(nullable: false),
                month = table.Column<DateOnly>(nullable: false),
                value = table.Column<int>(nullable: false),
                slot = table.Column<int>(nullable: false, defaultValue: 0),
                count = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_answer_month_rollups", x => new { x.workspace_id, x.survey_id, x.question_id, x.touchpoint_id, x.month, x.value, x.slot }));

        migrationBuilder.CreateTable(
            name: "response_month_rollups",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                survey_id = table.Column<Guid>(nullable: false),
                touchpoint_id = table.Column<Guid>(nullable: false),
                month = table.Column<DateOnly>(nullable: false),
                slot = table.Column<int>(nullable: false, defaultValue: 0),
                started = table.Column<long>(nullable: false),
                completed = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_response_month_rollups", x => new { x.workspace_id, x.survey_id, x.touchpoint_id, x.month, x.slot }));

        migrationBuilder.CreateTable(
            name: "answer_dimension_month_rollups",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                survey_id = table.Column<Guid>(nullable: false),
                question_id = table.Column<string>(maxLength: 64, nullable: false),
                dimension = table.Column<string>(maxLength: 64, nullable: false),
                dimension_value = table.Column<string>(maxLength: 100, nullable: false),
                month = table.Column<DateOnly>(nullable: false),
                value = table.Column<int>(nullable: false),
                slot = table.Column<int>(nullable: false, defaultValue: 0),
                count = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_answer_dimension_month_rollups", x => new { x.workspace_id, x.survey_id, x.question_id, x.dimension, x.dimension_value, x.month, x.value, x.slot }));

        migrationBuilder.CreateTable(
            name: "ticket_month_rollups",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                month = table.Column<DateOnly>(nullable: false),
                channel = table.Column<string>(maxLength: 16, nullable: false),
                touchpoint_id = table.Column<Guid>(nullable: false),
                slot = table.Column<int>(nullable: false, defaultValue: 0),
                opened = table.Column<long>(nullable: false),
                created_by_agent = table.Column<long>(nullable: false),
                first_contacts = table.Column<long>(nullable: false),
                agent_flagged_fcr = table.Column<long>(nullable: false),
                repeat_within_window = table.Column<long>(nullable: false),
                transferred = table.Column<long>(nullable: false),
                clock_started = table.Column<long>(nullable: false),
                replied = table.Column<long>(nullable: false),
                frt_sum_seconds = table.Column<long>(nullable: false),
                frt_business_sum_seconds = table.Column<long>(nullable: false),
                sla_met = table.Column<long>(nullable: false),
                reopened = table.Column<long>(nullable: false),
                solved = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_ticket_month_rollups", x => new { x.workspace_id, x.month, x.channel, x.touchpoint_id, x.slot }));

        migrationBuilder.CreateTable(
            name: "ticket_duration_month_rollups",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                month = table.Column<DateOnly>(nullable: false),
                channel = table.Column<string>(maxLength: 16, nullable: false),
                touchpoint_id = table.Column<Guid>(nullable: false),
                clock = table.Column<string>(maxLength: 16, nullable: false),
                bucket = table.Column<int>(nullable: false),
                slot = table.Column<int>(nullable: false, defaultValue: 0),
                count = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_ticket_duration_month_rollups", x => new { x.workspace_id, x.month, x.channel, x.touchpoint_id, x.clock, x.bucket, x.slot }));

        // Day rows already stored, folded by month (dates are ISO text on SQLite, date on PostgreSQL).
        var month = ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite" ? "substr(day, 1, 7) || '-01'" : "CAST(date_trunc('month', day) AS date)";
        foreach (var (family, key, sums) in Families)
        {
            var keys = string.Join(", ", key);
            migrationBuilder.Sql(
                $"INSERT INTO {family}_month_rollups (workspace_id, {keys}, month, slot, {string.Join(", ", sums)}) " +
                $"SELECT workspace_id, {keys}, {month}, 0, {string.Join(", ", sums.Select(s => $"SUM({s})"))} " +
                $"FROM {family}_rollups GROUP BY workspace_id, {keys}, {month}");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var (family, _, _) in Families.Reverse())
        {
            migrationBuilder.DropTable($"{family}_month_rollups");
        }
    }
}
