using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Loopwise.Data.Migrations;

/// <summary>
/// KPI targets per workspace (overrides of the cx-reference.md §10 defaults, with an append-only history), the status
/// each KPI was last seen in, and the events recorded when a KPI enters its action threshold (one per KPI and period).
/// </summary>
[DbContext(typeof(LoopwiseDbContext))]
[Migration("20261124030000_KpiTargets")]
public sealed class KpiTargets : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "kpi_targets",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                kpi_id = table.Column<string>(maxLength: 64, nullable: false),
                target_json = table.Column<string>(nullable: false),
                version = table.Column<int>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
                updated_by = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_kpi_targets", x => new { x.workspace_id, x.kpi_id }));

        migrationBuilder.CreateTable(
            name: "kpi_target_history",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                kpi_id = table.Column<string>(maxLength: 64, nullable: false),
                version = table.Column<int>(nullable: false),
                action = table.Column<string>(maxLength: 16, nullable: false),
                previous_json = table.Column<string>(nullable: true),
                new_json = table.Column<string>(nullable: true),
                changed_at = table.Column<DateTime>(nullable: false),
                changed_by = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_kpi_target_history", x => new { x.workspace_id, x.id }));
        migrationBuilder.CreateIndex("ix_kpi_target_history_workspace_id_kpi_id_version", "kpi_target_history", ["workspace_id", "kpi_id", "version"]);

        migrationBuilder.CreateTable(
            name: "kpi_threshold_events",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                kpi_id = table.Column<string>(maxLength: 64, nullable: false),
                period = table.Column<string>(maxLength: 16, nullable: false),
                value = table.Column<double>(nullable: false),
                n = table.Column<long>(nullable: false),
                threshold = table.Column<string>(maxLength: 64, nullable: false),
                direction = table.Column<string>(maxLength: 16, nullable: false),
                status_before = table.Column<string>(maxLength: 16, nullable: true),
                occurred_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_kpi_threshold_events", x => new { x.workspace_id, x.id }));
        migrationBuilder.CreateIndex(
            "ix_kpi_threshold_events_workspace_id_kpi_id_period", "kpi_threshold_events", ["workspace_id", "kpi_id", "period"], unique: true);
        migrationBuilder.CreateIndex("ix_kpi_threshold_events_workspace_id_occurred_at", "kpi_threshold_events", ["workspace_id", "occurred_at"]);

        migrationBuilder.CreateTable(
            name: "kpi_status_snapshots",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                kpi_id = table.Column<string>(maxLength: 64, nullable: false),
                status = table.Column<string>(maxLength: 16, nullable: false),
                value = table.Column<double>(nullable: true),
                n = table.Column<long>(nullable: false),
                period = table.Column<string>(maxLength: 16, nullable: false),
                evaluated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_kpi_status_snapshots", x => new { x.workspace_id, x.kpi_id }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("kpi_status_snapshots");
        migrationBuilder.DropTable("kpi_threshold_events");
        migrationBuilder.DropTable("kpi_target_history");
        migrationBuilder.DropTable("kpi_targets");
    }
}
