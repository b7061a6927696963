using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Loopwise.Data.Migrations;

/// <summary>
/// Outbound e-mail (ADR 13): the messages (outbox and delivery log in one), each SMTP attempt, and each workspace's
/// sending limit. Indexes: a workspace's messages by creation (the delivery log), its messages holding a place in
/// the sending window by slot time (the limit's count), and the unsubscribe tokens (unique, looked up by the public
/// unsubscribe page across workspaces).
/// </summary>
[DbContext(typeof(LoopwiseDbContext))]
[Migration("20261202100000_Email")]
public sealed class Email : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "email_messages",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                purpose = table.Column<string>(maxLength: 32, nullable: false),
                to_address = table.Column<string>(maxLength: 320, nullable: false),
                to_name = table.Column<string>(maxLength: 200, nullable: true),
                subject = table.Column<string>(maxLength: 500, nullable: false),
                text_body = table.Column<string>(nullable: false),
                html_body = table.Column<string>(nullable: true),
                customer_id = table.Column<Guid>(nullable: true),
                related_id = table.Column<Guid>(nullable: true),
                status = table.Column<string>(maxLength: 16, nullable: false),
                attempts = table.Column<int>(nullable: false),
                sends = table.Column<int>(nullable: false),
                last_error = table.Column<string>(maxLength: 2000, nullable: true),
                last_reply = table.Column<string>(maxLength: 2000, nullable: true),
                message_id = table.Column<string>(maxLength: 200, nullable: false),
                unsubscribe_token = table.Column<string>(maxLength: 64, nullable: true),
                unsubscribe_url = table.Column<string>(maxLength: 1000, nullable: true),
                slot_at = table.Column<DateTime>(nullable: true),
                sent_at = table.Column<DateTime>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_email_messages", x => new { x.workspace_id, x.id }));
        migrationBuilder.CreateIndex("ix_email_messages_workspace_id_created_at", "email_messages", ["workspace_id", "created_at"]);
        migrationBuilder.CreateIndex("ix_email_messages_workspace_id_slot_at", "email_messages", ["workspace_id", "slot_at"], filter: "slot_at IS NOT NULL");
        migrationBuilder.CreateIndex("ix_email_messages_unsubscribe_token", "email_messages", "unsubscribe_token", unique: true, filter: "unsubscribe_token IS NOT NULL");

        migrationBuilder.CreateTable(
            name: "email_attempts",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                email_id = table.Column<Guid>(nullable: false),
                job_id = table.Column<Guid>(nullable: false),
                number = table.Column<int>(nullable: false),
                outcome = table.Column<string>(maxLength: 16, nullable: false),
                reply = table.Column<string>(maxLength: 2000, nullable: true),
                error = table.Column<string>(maxLength: 2000, nullable: true),
                started_at = table.Column<DateTime>(nullable: false),
                finished_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_email_attempts", x => new { x.workspace_id, x.id });
                table.ForeignKey("fk_email_attempts_email_messages", x => new { x.workspace_id, x.email_id }, "email_messages", ["workspace_id", "id"], onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_email_attempts_workspace_id_email_id", "email_attempts", ["workspace_id", "email_id"]);

        migrationBuilder.CreateTable(
            name: "email_settings",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                max_per_hour = table.Column<int>(nullable: true),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_email_settings", x => x.workspace_id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("email_settings");
        migrationBuilder.DropTable("email_attempts");
        migrationBuilder.DropTable("email_messages");
    }
}
