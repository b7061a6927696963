using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Loopwise.Data.Migrations;

/// <summary>
/// The closed loop (cx-reference.md §7, ADR 12): cases and their event log, case settings (calendar, SLA targets, the
/// case number counter), teams and their members, ordered assignment rules, alert rules with their firings, and
/// response tags.
/// </summary>
[DbContext(typeof(LoopwiseDbContext))]
[Migration("20261202120000_Cases")]
public sealed class Cases : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "cases",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                number = table.Column<int>(nullable: false),
                title = table.Column<string>(maxLength: 300, nullable: false),
                state = table.Column<string>(maxLength: 24, nullable: false),
                priority = table.Column<string>(maxLength: 12, nullable: false),
                owner_user_id = table.Column<Guid>(nullable: true),
                team_id = table.Column<Guid>(nullable: true),
                customer_id = table.Column<Guid>(nullable: true),
                response_id = table.Column<Guid>(nullable: true),
                touchpoint_id = table.Column<Guid>(nullable: true),
                topic_key = table.Column<string>(maxLength: 200, nullable: true),
                alert_rule_id = table.Column<Guid>(nullable: true),
                open_key = table.Column<string>(maxLength: 300, nullable: true),
                root_cause = table.Column<string>(maxLength: 100, nullable: true),
                resolution_code = table.Column<string>(maxLength: 100, nullable: true),
                close_reason = table.Column<string>(maxLength: 16, nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
                acknowledged_at = table.Column<DateTime>(nullable: true),
                first_contact_at = table.Column<DateTime>(nullable: true),
                resolved_at = table.Column<DateTime>(nullable: true),
                closed_at = table.Column<DateTime>(nullable: true),
                first_response_due_at = table.Column<DateTime>(nullable: true),
                resolution_due_at = table.Column<DateTime>(nullable: true),
                sla_status = table.Column<string>(maxLength: 12, nullable: false),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_cases", x => new { x.workspace_id, x.id }));
        migrationBuilder.CreateIndex("ix_cases_workspace_id_number", "cases", ["workspace_id", "number"], unique: true);
        migrationBuilder.CreateIndex("ix_cases_workspace_id_open_key", "cases", ["workspace_id", "open_key"], unique: true, filter: "open_key IS NOT NULL");
        migrationBuilder.CreateIndex("ix_cases_workspace_id_owner_user_id_state", "cases", ["workspace_id", "owner_user_id", "state"]);
        migrationBuilder.CreateIndex("ix_cases_workspace_id_state_created_at", "cases", ["workspace_id", "state", "created_at"]);
        migrationBuilder.CreateIndex("ix_cases_workspace_id_response_id", "cases", ["workspace_id", "response_id"]);

        migrationBuilder.CreateTable(
            name: "case_events",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                case_id = table.Column<Guid>(nullable: false),
                sequence = table.Column<int>(nullable: false),
                at = table.Column<DateTime>(nullable: false),
                actor = table.Column<string>(maxLength: 100, nullable: false),
                kind = table.Column<string>(maxLength: 16, nullable: false),
                action = table.Column<string>(maxLength: 24, nullable: true),
                from_state = table.Column<string>(maxLength: 24, nullable: true),
                to_state = table.Column<string>(maxLength: 24, nullable: true),
                body = table.Column<string>(nullable: true),
                channel = table.Column<string>(maxLength: 16, nullable: true),
                outcome = table.Column<string>(maxLength: 16, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_case_events", x => new { x.workspace_id, x.id }));
        migrationBuilder.CreateIndex("ix_case_events_workspace_id_case_id_sequence", "case_events", ["workspace_id", "case_id", "sequence"], unique: true);

        migrationBuilder.CreateTable(
            name: "case_settings",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                last_number = table.Column<int>(nullable: false),
                settings_json = table.Column<string>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_case_settings", x => x.workspace_id));

        migrationBuilder.CreateTable(
            name: "case_teams",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                key = table.Column<string>(maxLength: 64, nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                strategy = table.Column<string>(maxLength: 16, nullable: false),
                is_fallback = table.Column<bool>(nullable: false),
                last_assigned_user_id = table.Column<Guid>(nullable: true),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_case_teams", x => new { x.workspace_id, x.id }));
        migrationBuilder.CreateIndex("ix_case_teams_workspace_id_key", "case_teams", ["workspace_id", "key"], unique: true);

        migrationBuilder.CreateTable(
            name: "case_team_members",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                team_id = table.Column<Guid>(nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                capacity = table.Column<double>(nullable: false),
                position = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_case_team_members", x => new { x.workspace_id, x.team_id, x.user_id }));

        migrationBuilder.CreateTable(
            name: "case_assignment_rules",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                position = table.Column<int>(nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                match_json = table.Column<string>(nullable: false),
                team_id = table.Column<Guid>(nullable: true),
                user_id = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_case_assignment_rules", x => new { x.workspace_id, x.id }));

        migrationBuilder.CreateTable(
            name: "alert_rules",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                enabled = table.Column<bool>(nullable: false),
                conditions_json = table.Column<string>(nullable: false),
                actions_json = table.Column<string>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_alert_rules", x => new { x.workspace_id, x.id }));

        migrationBuilder.CreateTable(
            name: "alert_firings",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                rule_id = table.Column<Guid>(nullable: false),
                response_id = table.Column<Guid>(nullable: false),
                fired_at = table.Column<DateTime>(nullable: false),
                case_id = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_alert_firings", x => new { x.workspace_id, x.rule_id, x.response_id }));
        migrationBuilder.CreateIndex("ix_alert_firings_workspace_id_response_id", "alert_firings", ["workspace_id", "response_id"]);

        migrationBuilder.CreateTable(
            name: "response_tags",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                response_id = table.Column<Guid>(nullable: false),
                tag = table.Column<string>(maxLength: 64, nullable: false),
                tagged_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_response_tags", x => new { x.workspace_id, x.response_id, x.tag }));
        migrationBuilder.CreateIndex("ix_response_tags_workspace_id_tag", "response_tags", ["workspace_id", "tag"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("response_tags");
        migrationBuilder.DropTable("alert_firings");
        migrationBuilder.DropTable("alert_rules");
        migrationBuilder.DropTable("case_assignment_rules");
        migrationBuilder.DropTable("case_team_members");
        migrationBuilder.DropTable("case_teams");
        migrationBuilder.DropTable("case_settings");
        migrationBuilder.DropTable("case_events");
        migrationBuilder.DropTable("cases");
    }
}
