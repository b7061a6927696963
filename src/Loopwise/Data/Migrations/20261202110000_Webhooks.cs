using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Loopwise.Data.Migrations;

/// <summary>
/// Webhooks (ADR 14): each workspace's endpoints (with their encrypted signing secrets), one delivery per event and
/// endpoint, and the log of attempts; and the Data Protection key ring that encrypts the secrets, shared by every node.
/// </summary>
[DbContext(typeof(LoopwiseDbContext))]
[Migration("20261202110000_Webhooks")]
public sealed class Webhooks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "webhook_endpoints",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                url = table.Column<string>(maxLength: 2000, nullable: false),
                description = table.Column<string>(maxLength: 500, nullable: true),
                event_types = table.Column<string>(maxLength: 2000, nullable: true),
                enabled = table.Column<bool>(nullable: false),
                disabled_reason = table.Column<string>(maxLength: 500, nullable: true),
                secret = table.Column<string>(nullable: false),
                previous_secret = table.Column<string>(nullable: true),
                previous_secret_expires_at = table.Column<DateTime>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_webhook_endpoints", x => new { x.workspace_id, x.id });
                table.ForeignKey("fk_webhook_endpoints_workspaces", x => x.workspace_id, "workspaces", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "webhook_deliveries",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                endpoint_id = table.Column<Guid>(nullable: false),
                event_id = table.Column<string>(maxLength: 200, nullable: false),
                event_type = table.Column<string>(maxLength: 100, nullable: false),
                body = table.Column<string>(nullable: false),
                status = table.Column<string>(maxLength: 16, nullable: false),
                series = table.Column<int>(nullable: false),
                attempts = table.Column<int>(nullable: false),
                last_attempt_at = table.Column<DateTime>(nullable: true),
                last_status_code = table.Column<int>(nullable: true),
                last_error = table.Column<string>(maxLength: 2000, nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
                completed_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_webhook_deliveries", x => new { x.workspace_id, x.id });
                table.ForeignKey("fk_webhook_deliveries_webhook_endpoints", x => new { x.workspace_id, x.endpoint_id },
                    "webhook_endpoints", ["workspace_id", "id"], onDelete: ReferentialAction.Cascade);
            });
        // An endpoint's deliveries by time (the log, newest first, and the retention purge); one delivery per event and endpoint.
        migrationBuilder.CreateIndex("ix_webhook_deliveries_endpoint", "webhook_deliveries", ["workspace_id", "endpoint_id", "created_at"]);
        migrationBuilder.CreateIndex("ix_webhook_deliveries_event", "webhook_deliveries", ["workspace_id", "endpoint_id", "event_id"], unique: true);

        migrationBuilder.CreateTable(
            name: "webhook_attempts",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                delivery_id = table.Column<Guid>(nullable: false),
                number = table.Column<int>(nullable: false),
                series = table.Column<int>(nullable: false),
                job_id = table.Column<Guid>(nullable: false),
                attempted_at = table.Column<DateTime>(nullable: false),
                duration_ms = table.Column<int>(nullable: false),
                status_code = table.Column<int>(nullable: true),
                response_headers = table.Column<string>(nullable: true),
                response_body = table.Column<string>(nullable: true),
                error = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_webhook_attempts", x => new { x.workspace_id, x.delivery_id, x.number });
                table.ForeignKey("fk_webhook_attempts_webhook_deliveries", x => new { x.workspace_id, x.delivery_id },
                    "webhook_deliveries", ["workspace_id", "id"], onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "data_protection_keys",
            columns: table => new
            {
                name = table.Column<string>(maxLength: 200, nullable: false),
                xml = table.Column<string>(nullable: false),
                stored_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_data_protection_keys", x => x.name));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("data_protection_keys");
        migrationBuilder.DropTable("webhook_attempts");
        migrationBuilder.DropTable("webhook_deliveries");
        migrationBuilder.DropTable("webhook_endpoints");
    }
}
