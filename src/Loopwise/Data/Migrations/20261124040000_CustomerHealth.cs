using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Loopwise.Data.Migrations;

/// <summary>
/// Customer health (cx-reference.md §3): the versioned health models of a workspace (append-only: a weight edit is a new
/// version, history is never rewritten) and the stored scores, each recording the model version that produced it.
/// </summary>
[DbContext(typeof(LoopwiseDbContext))]
[Migration("20261124040000_CustomerHealth")]
public sealed class CustomerHealth : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "health_models",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                model_id = table.Column<string>(maxLength: 64, nullable: false),
                version = table.Column<int>(nullable: false),
                effective_from = table.Column<DateOnly>(nullable: false),
                model_json = table.Column<string>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                created_by = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_health_models", x => new { x.workspace_id, x.model_id, x.version }));

        migrationBuilder.CreateTable(
            name: "health_scores",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                customer_id = table.Column<Guid>(nullable: false),
                model_id = table.Column<string>(maxLength: 64, nullable: false),
                model_version = table.Column<int>(nullable: false),
                scored_at = table.Column<DateTime>(nullable: false),
                score = table.Column<double>(nullable: true),
                coverage = table.Column<double>(nullable: false),
                band = table.Column<string>(maxLength: 16, nullable: true),
                contributions_json = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_health_scores", x => new { x.workspace_id, x.customer_id, x.model_id, x.scored_at }));
        migrationBuilder.CreateIndex("ix_health_scores_workspace_id_scored_at", "health_scores", ["workspace_id", "scored_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("health_scores");
        migrationBuilder.DropTable("health_models");
    }
}
