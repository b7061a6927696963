using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Loopwise.Data.Migrations;

/// <summary>
/// The jobs table (transactional outbox, ADR 10). Its key is the job id alone: system jobs have no workspace, and
/// workers claim across workspaces. Partial indexes keep each worker query on the few rows it is about: due queued
/// jobs by run_at (claim), running jobs by lease expiry (requeue, renewal), succeeded jobs by completion (purge), dead
/// jobs by completion (gauges, recent dead); a unique (kind, dedupe_key) where a key is given; and workspace, status,
/// kind for the admin API's counts.
/// </summary>
[DbContext(typeof(LoopwiseDbContext))]
[Migration("20261202010000_Jobs")]
public sealed class Jobs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "jobs",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                workspace_id = table.Column<Guid>(nullable: true),
                kind = table.Column<string>(maxLength: 100, nullable: false),
                payload = table.Column<string>(nullable: false),
                dedupe_key = table.Column<string>(maxLength: 200, nullable: true),
                status = table.Column<string>(maxLength: 16, nullable: false),
                attempts = table.Column<int>(nullable: false),
                max_attempts = table.Column<int>(nullable: false),
                run_at = table.Column<DateTime>(nullable: false),
                lease_owner = table.Column<string>(maxLength: 200, nullable: true),
                lease_expires_at = table.Column<DateTime>(nullable: true),
                last_error = table.Column<string>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
                completed_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_jobs", x => x.id));

        migrationBuilder.CreateIndex("ix_jobs_due", "jobs", "run_at", filter: "status = 'queued'");
        migrationBuilder.CreateIndex("ix_jobs_lease", "jobs", "lease_expires_at", filter: "status = 'running'");
        migrationBuilder.CreateIndex("ix_jobs_kind_dedupe_key", "jobs", ["kind", "dedupe_key"], unique: true, filter: "dedupe_key IS NOT NULL");
        migrationBuilder.CreateIndex("ix_jobs_workspace_id_status_kind", "jobs", ["workspace_id", "status", "kind"]);
        migrationBuilder.CreateIndex("ix_jobs_succeeded", "jobs", "completed_at", filter: "status = 'succeeded'");
        migrationBuilder.CreateIndex("ix_jobs_dead", "jobs", "completed_at", filter: "status = 'dead'");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("jobs");
}
