using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Loopwise.Data.Migrations;

/// <summary>
/// The external-id uniqueness index only needs rows that have an external id (imports, API senders that set one):
/// a partial index spares every other response one B-tree insert on the ingestion path (SQLite and PostgreSQL).
/// </summary>
[DbContext(typeof(LoopwiseDbContext))]
[Migration("20261123020000_ResponsesExternalIdPartialIndex")]
public sealed class ResponsesExternalIdPartialIndex : Migration
{
    private const string Name = "ix_responses_workspace_id_survey_id_external_id";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(Name, "responses");
        migrationBuilder.CreateIndex(Name, "responses", ["workspace_id", "survey_id", "external_id"], unique: true, filter: "external_id IS NOT NULL");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(Name, "responses");
        migrationBuilder.CreateIndex(Name, "responses", ["workspace_id", "survey_id", "external_id"], unique: true);
    }
}
