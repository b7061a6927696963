using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Loopwise.Data.Migrations;

/// <summary>Workspaces, people, keys, touchpoints, surveys, customers, invitations, responses and their rollups.</summary>
[DbContext(typeof(LoopwiseDbContext))]
[Migration("20261123000000_Foundation")]
public sealed class Foundation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "workspaces",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                slug = table.Column<string>(maxLength: 64, nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                default_language = table.Column<string>(maxLength: 16, nullable: false),
                quarantine_days = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_workspaces", x => x.id));
        migrationBuilder.CreateIndex("ix_workspaces_slug", "workspaces", "slug", unique: true);

        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                email = table.Column<string>(maxLength: 320, nullable: false),
                display_name = table.Column<string>(maxLength: 200, nullable: false),
                password_hash = table.Column<string>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_users", x => x.id));
        migrationBuilder.CreateIndex("ix_users_email", "users", "email", unique: true);

        migrationBuilder.CreateTable(
            name: "memberships",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                role = table.Column<string>(maxLength: 32, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_memberships", x => new { x.workspace_id, x.user_id, x.role });
                table.ForeignKey("fk_memberships_workspaces", x => x.workspace_id, "workspaces", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_memberships_users", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_memberships_user_id", "memberships", "user_id");

        migrationBuilder.CreateTable(
            name: "api_keys",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                prefix = table.Column<string>(maxLength: 32, nullable: false),
                secret_hash = table.Column<byte[]>(nullable: false),
                scopes = table.Column<string>(maxLength: 1000, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                revoked_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_api_keys", x => new { x.workspace_id, x.id });
                table.ForeignKey("fk_api_keys_workspaces", x => x.workspace_id, "workspaces", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_api_keys_prefix", "api_keys", "prefix");

        migrationBuilder.CreateTable(
            name: "touchpoints",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                key = table.Column<string>(maxLength: 64, nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                channel = table.Column<string>(maxLength: 16, nullable: false),
                journey_stage = table.Column<string>(maxLength: 100, nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_touchpoints", x => new { x.workspace_id, x.id });
                table.ForeignKey("fk_touchpoints_workspaces", x => x.workspace_id, "workspaces", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_touchpoints_workspace_id_key", "touchpoints", ["workspace_id", "key"], unique: true);

        migrationBuilder.CreateTable(
            name: "surveys",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                kind = table.Column<string>(maxLength: 16, nullable: false),
                status = table.Column<string>(maxLength: 16, nullable: false),
                link_token = table.Column<string>(maxLength: 32, nullable: false),
                definition_json = table.Column<string>(nullable: false),
                version = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_surveys", x => new { x.workspace_id, x.id });
                table.ForeignKey("fk_surveys_workspaces", x => x.workspace_id, "workspaces", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_surveys_workspace_id_link_token", "surveys", ["workspace_id", "link_token"], unique: true);

        migrationBuilder.CreateTable(
            name: "customers",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                external_id = table.Column<string>(maxLength: 200, nullable: false),
                email = table.Column<string>(maxLength: 320, nullable: true),
                name = table.Column<string>(maxLength: 200, nullable: true),
                language = table.Column<string>(maxLength: 16, nullable: true),
                attributes_json = table.Column<string>(nullable: true),
                last_invited_at = table.Column<DateTime>(nullable: true),
                unsubscribed_at = table.Column<DateTime>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_customers", x => new { x.workspace_id, x.id });
                table.ForeignKey("fk_customers_workspaces", x => x.workspace_id, "workspaces", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_customers_workspace_id_external_id", "customers", ["workspace_id", "external_id"], unique: true);

        migrationBuilder.CreateTable(
            name: "invitations",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                token = table.Column<string>(maxLength: 32, nullable: false),
                survey_id = table.Column<Guid>(nullable: false),
                touchpoint_id = table.Column<Guid>(nullable: true),
                customer_id = table.Column<Guid>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                expires_at = table.Column<DateTime>(nullable: false),
                opened_at = table.Column<DateTime>(nullable: true),
                responded_at = table.Column<DateTime>(nullable: true),
                response_id = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_invitations", x => new { x.workspace_id, x.id });
                table.ForeignKey("fk_invitations_surveys", x => new { x.workspace_id, x.survey_id }, "surveys", ["workspace_id", "id"], onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_invitations_customers", x => new { x.workspace_id, x.customer_id }, "customers", ["workspace_id", "id"], onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_invitations_workspace_id_token", "invitations", ["workspace_id", "token"], unique: true);
        migrationBuilder.CreateIndex("ix_invitations_workspace_id_customer_id", "invitations", ["workspace_id", "customer_id"]);

        migrationBuilder.CreateTable(
            name: "responses",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                survey_id = table.Column<Guid>(nullable: false),
                survey_version = table.Column<int>(nullable: false),
                touchpoint_id = table.Column<Guid>(nullable: false),
                customer_id = table.Column<Guid>(nullable: true),
                invitation_id = table.Column<Guid>(nullable: true),
                channel = table.Column<string>(maxLength: 16, nullable: false),
                language = table.Column<string>(maxLength: 16, nullable: false),
                started_at = table.Column<DateTime>(nullable: false),
                completed_at = table.Column<DateTime>(nullable: true),
                answers_json = table.Column<string>(nullable: false),
                external_id = table.Column<string>(maxLength: 100, nullable: true),
                resume_token = table.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_responses", x => new { x.workspace_id, x.id }));
        migrationBuilder.CreateIndex("ix_responses_workspace_id_survey_id_completed_at", "responses", ["workspace_id", "survey_id", "completed_at"]);
        migrationBuilder.CreateIndex("ix_responses_workspace_id_survey_id_external_id", "responses", ["workspace_id", "survey_id", "external_id"], unique: true);

        migrationBuilder.CreateTable(
            name: "answer_rollups",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                survey_id = table.Column<Guid>(nullable: false),
                question_id = table.Column<string>(maxLength: 64, nullable: false),
                touchpoint_id = table.Column<Guid>(nullable: false),
                day = table.Column<DateOnly>(nullable: false),
                value = table.Column<int>(nullable: false),
                count = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_answer_rollups", x => new { x.workspace_id, x.survey_id, x.question_id, x.touchpoint_id, x.day, x.value }));

        migrationBuilder.CreateTable(
            name: "response_rollups",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                survey_id = table.Column<Guid>(nullable: false),
                touchpoint_id = table.Column<Guid>(nullable: false),
                day = table.Column<DateOnly>(nullable: false),
                started = table.Column<long>(nullable: false),
                completed = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_response_rollups", x => new { x.workspace_id, x.survey_id, x.touchpoint_id, x.day }));

        migrationBuilder.CreateTable(
            name: "idempotency_records",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                key = table.Column<string>(maxLength: 200, nullable: false),
                request_hash = table.Column<byte[]>(nullable: false),
                status_code = table.Column<int>(nullable: false),
                response_json = table.Column<string>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_idempotency_records", x => new { x.workspace_id, x.key }));

        migrationBuilder.CreateTable(
            name: "audit_entries",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                at = table.Column<DateTime>(nullable: false),
                actor = table.Column<string>(maxLength: 100, nullable: false),
                action = table.Column<string>(maxLength: 100, nullable: false),
                target = table.Column<string>(maxLength: 200, nullable: false),
                details = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_audit_entries", x => new { x.workspace_id, x.id }));
        migrationBuilder.CreateIndex("ix_audit_entries_workspace_id_at", "audit_entries", ["workspace_id", "at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
        {
            "audit_entries", "idempotency_records", "response_rollups", "answer_rollups", "responses", "invitations",
            "customers", "surveys", "touchpoints", "api_keys", "memberships", "users", "workspaces",
        })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
