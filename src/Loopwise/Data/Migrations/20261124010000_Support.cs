using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Loopwise.Data.Migrations;

/// <summary>Support tickets: ticket summaries, their append-only events, per-workspace support settings and the ticket rollups.</summary>
[DbContext(typeof(LoopwiseDbContext))]
[Migration("20261124010000_Support")]
public sealed class Support : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "tickets",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                external_id = table.Column<string>(maxLength: 100, nullable: false),
                customer_id = table.Column<Guid>(nullable: true),
                channel = table.Column<string>(maxLength: 16, nullable: false),
                touchpoint_id = table.Column<Guid>(nullable: false),
                issue_key = table.Column<string>(maxLength: 200, nullable: true),
                subject = table.Column<string>(maxLength: 500, nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                created_by = table.Column<string>(maxLength: 16, nullable: false),
                status = table.Column<string>(maxLength: 16, nullable: false),
                clock_started_at = table.Column<DateTime>(nullable: true),
                first_response_at = table.Column<DateTime>(nullable: true),
                frt_seconds = table.Column<long>(nullable: true),
                frt_business_seconds = table.Column<long>(nullable: true),
                sla_met = table.Column<bool>(nullable: false),
                solved_at = table.Column<DateTime>(nullable: true),
                reopened_count = table.Column<int>(nullable: false),
                contacts = table.Column<int>(nullable: false),
                agent_flagged_fcr = table.Column<bool>(nullable: false),
                transferred = table.Column<bool>(nullable: false),
                is_first_contact = table.Column<bool>(nullable: false),
                repeat_contact_at = table.Column<DateTime>(nullable: true),
                customer_return_at = table.Column<DateTime>(nullable: true),
                event_count = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_tickets", x => new { x.workspace_id, x.id });
                table.ForeignKey("fk_tickets_workspaces", x => x.workspace_id, "workspaces", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_tickets_workspace_id_external_id", "tickets", ["workspace_id", "external_id"], unique: true);
        migrationBuilder.CreateIndex("ix_tickets_workspace_id_customer_id_issue_key", "tickets", ["workspace_id", "customer_id", "issue_key"]);

        migrationBuilder.CreateTable(
            name: "ticket_events",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                ticket_id = table.Column<Guid>(nullable: false),
                seq = table.Column<int>(nullable: false),
                at = table.Column<DateTime>(nullable: false),
                kind = table.Column<string>(maxLength: 16, nullable: false),
                direction = table.Column<string>(maxLength: 16, nullable: true),
                author = table.Column<string>(maxLength: 16, nullable: true),
                is_public = table.Column<bool>(nullable: true),
                status = table.Column<string>(maxLength: 16, nullable: true),
                flag = table.Column<bool>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_ticket_events", x => new { x.workspace_id, x.ticket_id, x.seq });
                table.ForeignKey("fk_ticket_events_tickets", x => new { x.workspace_id, x.ticket_id }, "tickets", ["workspace_id", "id"], onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "support_settings",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                calendar_json = table.Column<string>(nullable: false),
                fcr_window_days = table.Column<int>(nullable: false),
                sla_first_response_seconds = table.Column<long>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_support_settings", x => x.workspace_id);
                table.ForeignKey("fk_support_settings_workspaces", x => x.workspace_id, "workspaces", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ticket_rollups",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                day = table.Column<DateOnly>(nullable: false),
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
            constraints: table => table.PrimaryKey("pk_ticket_rollups", x => new { x.workspace_id, x.day, x.channel, x.touchpoint_id, x.slot }));

        migrationBuilder.CreateTable(
            name: "ticket_duration_rollups",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                day = table.Column<DateOnly>(nullable: false),
                channel = table.Column<string>(maxLength: 16, nullable: false),
                touchpoint_id = table.Column<Guid>(nullable: false),
                clock = table.Column<string>(maxLength: 16, nullable: false),
                bucket = table.Column<int>(nullable: false),
                slot = table.Column<int>(nullable: false, defaultValue: 0),
                count = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_ticket_duration_rollups", x => new { x.workspace_id, x.day, x.channel, x.touchpoint_id, x.clock, x.bucket, x.slot }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ticket_duration_rollups");
        migrationBuilder.DropTable("ticket_rollups");
        migrationBuilder.DropTable("support_settings");
        migrationBuilder.DropTable("ticket_events");
        migrationBuilder.DropTable("tickets");
    }
}
