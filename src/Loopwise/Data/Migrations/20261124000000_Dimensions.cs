using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Loopwise.Data.Migrations;

/// <summary>
/// Dimensions: the customer attributes a workspace slices metrics by, a snapshot of them on each response, and answer
/// rollups per dimension value (slot last in the key, see 20261123040000_RollupSlots).
/// </summary>
[DbContext(typeof(LoopwiseDbContext))]
[Migration("20261124000000_Dimensions")]
public sealed class Dimensions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "workspace_dimensions",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                attribute = table.Column<string>(maxLength: 64, nullable: false),
                label = table.Column<string>(maxLength: 100, nullable: false),
                position = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_workspace_dimensions", x => new { x.workspace_id, x.attribute }));

        migrationBuilder.CreateTable(
            name: "answer_dimension_rollups",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                survey_id = table.Column<Guid>(nullable: false),
                question_id = table.Column<string>(maxLength: 64, nullable: false),
                dimension = table.Column<string>(maxLength: 64, nullable: false),
                dimension_value = table.Column<string>(maxLength: 100, nullable: false),
                day = table.Column<DateOnly>(nullable: false),
                value = table.Column<int>(nullable: false),
                slot = table.Column<int>(nullable: false, defaultValue: 0),
                count = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_answer_dimension_rollups", x => new { x.workspace_id, x.survey_id, x.question_id, x.dimension, x.dimension_value, x.day, x.value, x.slot }));

        migrationBuilder.AddColumn<string>("dimensions_json", "responses", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // EF's SQLite provider refuses DropColumn without a model to rebuild from; SQLite 3.35+ drops it in place.
            migrationBuilder.Sql("ALTER TABLE \"responses\" DROP COLUMN \"dimensions_json\"");
        }
        else
        {
            migrationBuilder.DropColumn("dimensions_json", "responses");
        }

        migrationBuilder.DropTable("answer_dimension_rollups");
        migrationBuilder.DropTable("workspace_dimensions");
    }
}
