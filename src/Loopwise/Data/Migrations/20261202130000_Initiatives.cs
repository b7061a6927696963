using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Loopwise.Data.Migrations;

/// <summary>Outer-loop improvement initiatives (cx-reference.md §7), measured before and after their delivery.</summary>
[DbContext(typeof(LoopwiseDbContext))]
[Migration("20261202130000_Initiatives")]
public sealed class Initiatives : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "initiatives",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                title = table.Column<string>(maxLength: 300, nullable: false),
                description = table.Column<string>(nullable: true),
                owner_user_id = table.Column<Guid>(nullable: true),
                root_cause = table.Column<string>(maxLength: 100, nullable: true),
                touchpoint_id = table.Column<Guid>(nullable: true),
                kpi = table.Column<string>(maxLength: 64, nullable: false),
                expected_impact = table.Column<double>(nullable: false),
                effort = table.Column<double>(nullable: false),
                status = table.Column<string>(maxLength: 16, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
                delivered_on = table.Column<DateOnly>(nullable: true),
                measured_at = table.Column<DateTime>(nullable: true),
                measurement_json = table.Column<string>(nullable: true),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_initiatives", x => new { x.workspace_id, x.id }));
        migrationBuilder.CreateIndex("ix_initiatives_workspace_id_status", "initiatives", ["workspace_id", "status"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("initiatives");
}
