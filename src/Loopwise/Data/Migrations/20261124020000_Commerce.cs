using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Loopwise.Data.Migrations;

/// <summary>
/// Customer, commercial and journey facts (orders, subscriptions and their events, referrals, journey steps, attribute
/// changes), customers' acquisition fields, journey definitions and the rollups that answer revenue, activity, churn,
/// referral and journey questions (Features/Commerce).
/// </summary>
[DbContext(typeof(LoopwiseDbContext))]
[Migration("20261124020000_Commerce")]
public sealed class Commerce : Migration
{
    private static readonly string[] Tables =
    [
        "journey_rollups", "referrer_months", "referral_rollups", "subscription_cancel_rollups", "subscription_rollups",
        "customer_activity_months", "revenue_rollups", "journeys", "journey_steps", "referrals", "subscription_events",
        "subscriptions", "orders", "customer_attribute_changes",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>("acquired_at", "customers", nullable: true);
        migrationBuilder.AddColumn<string>("acquisition_source", "customers", maxLength: 32, nullable: true);
        migrationBuilder.AddColumn<Guid>("referrer_id", "customers", nullable: true);
        migrationBuilder.CreateIndex("ix_customers_workspace_id_acquired_at", "customers", ["workspace_id", "acquired_at"]);

        migrationBuilder.CreateTable(
            name: "customer_attribute_changes",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                customer_id = table.Column<Guid>(nullable: false),
                attribute = table.Column<string>(maxLength: 100, nullable: false),
                old_value = table.Column<string>(nullable: true),
                new_value = table.Column<string>(nullable: true),
                changed_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_customer_attribute_changes", x => new { x.workspace_id, x.id });
                table.ForeignKey("fk_customer_attribute_changes_workspaces", x => x.workspace_id, "workspaces", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_customer_attribute_changes_workspace_id_customer_id_changed_at", "customer_attribute_changes", ["workspace_id", "customer_id", "changed_at"]);

        migrationBuilder.CreateTable(
            name: "orders",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                external_id = table.Column<string>(maxLength: 100, nullable: false),
                customer_id = table.Column<Guid>(nullable: false),
                ordered_at = table.Column<DateTime>(nullable: false),
                amount_minor = table.Column<long>(nullable: false),
                currency = table.Column<string>(maxLength: 3, nullable: false),
                channel = table.Column<string>(maxLength: 32, nullable: true),
                touchpoint_id = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_orders", x => new { x.workspace_id, x.id });
                table.ForeignKey("fk_orders_workspaces", x => x.workspace_id, "workspaces", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_orders_workspace_id_external_id", "orders", ["workspace_id", "external_id"], unique: true);
        migrationBuilder.CreateIndex("ix_orders_workspace_id_customer_id_ordered_at", "orders", ["workspace_id", "customer_id", "ordered_at"]);

        migrationBuilder.CreateTable(
            name: "subscriptions",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                external_id = table.Column<string>(maxLength: 100, nullable: false),
                customer_id = table.Column<Guid>(nullable: false),
                plan = table.Column<string>(maxLength: 100, nullable: false),
                started_at = table.Column<DateTime>(nullable: false),
                cancelled_at = table.Column<DateTime>(nullable: true),
                mrr_minor = table.Column<long>(nullable: false),
                currency = table.Column<string>(maxLength: 3, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_subscriptions", x => new { x.workspace_id, x.id });
                table.ForeignKey("fk_subscriptions_workspaces", x => x.workspace_id, "workspaces", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_subscriptions_workspace_id_external_id", "subscriptions", ["workspace_id", "external_id"], unique: true);
        migrationBuilder.CreateIndex("ix_subscriptions_workspace_id_customer_id", "subscriptions", ["workspace_id", "customer_id"]);

        migrationBuilder.CreateTable(
            name: "subscription_events",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                subscription_id = table.Column<Guid>(nullable: false),
                kind = table.Column<string>(maxLength: 16, nullable: false),
                at = table.Column<DateTime>(nullable: false),
                mrr_minor = table.Column<long>(nullable: false),
                recorded_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_subscription_events", x => new { x.workspace_id, x.id });
                table.ForeignKey("fk_subscription_events_workspaces", x => x.workspace_id, "workspaces", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_subscription_events_workspace_id_subscription_id", "subscription_events", ["workspace_id", "subscription_id"]);

        migrationBuilder.CreateTable(
            name: "referrals",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                referrer_id = table.Column<Guid>(nullable: false),
                referred_id = table.Column<Guid>(nullable: false),
                referred_at = table.Column<DateTime>(nullable: false),
                converted_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_referrals", x => new { x.workspace_id, x.id });
                table.ForeignKey("fk_referrals_workspaces", x => x.workspace_id, "workspaces", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_referrals_workspace_id_referrer_id_referred_id", "referrals", ["workspace_id", "referrer_id", "referred_id"], unique: true);

        migrationBuilder.CreateTable(
            name: "journey_steps",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                journey_key = table.Column<string>(maxLength: 64, nullable: false),
                step_key = table.Column<string>(maxLength: 64, nullable: false),
                customer_id = table.Column<Guid>(nullable: true),
                session_id = table.Column<string>(maxLength: 100, nullable: false),
                state = table.Column<string>(maxLength: 16, nullable: false),
                at = table.Column<DateTime>(nullable: false),
                touchpoint_id = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_journey_steps", x => new { x.workspace_id, x.id });
                table.ForeignKey("fk_journey_steps_workspaces", x => x.workspace_id, "workspaces", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(
            "ix_journey_steps_workspace_id_journey_key_session_id_step_key_state", "journey_steps",
            ["workspace_id", "journey_key", "session_id", "step_key", "state"], unique: true);

        migrationBuilder.CreateTable(
            name: "journeys",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                key = table.Column<string>(maxLength: 64, nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                steps_json = table.Column<string>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_journeys", x => new { x.workspace_id, x.key });
                table.ForeignKey("fk_journeys_workspaces", x => x.workspace_id, "workspaces", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "revenue_rollups",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                day = table.Column<DateOnly>(nullable: false),
                currency = table.Column<string>(maxLength: 3, nullable: false),
                slot = table.Column<int>(nullable: false, defaultValue: 0),
                orders = table.Column<long>(nullable: false),
                amount_minor = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_revenue_rollups", x => new { x.workspace_id, x.day, x.currency, x.slot }));

        migrationBuilder.CreateTable(
            name: "customer_activity_months",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                month = table.Column<DateOnly>(nullable: false),
                customer_id = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_customer_activity_months", x => new { x.workspace_id, x.month, x.customer_id }));

        migrationBuilder.CreateTable(
            name: "subscription_rollups",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                day = table.Column<DateOnly>(nullable: false),
                plan = table.Column<string>(maxLength: 100, nullable: false),
                currency = table.Column<string>(maxLength: 3, nullable: false),
                slot = table.Column<int>(nullable: false, defaultValue: 0),
                started = table.Column<long>(nullable: false),
                cancelled = table.Column<long>(nullable: false),
                started_mrr_minor = table.Column<long>(nullable: false),
                cancelled_mrr_minor = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_subscription_rollups", x => new { x.workspace_id, x.day, x.plan, x.currency, x.slot }));

        migrationBuilder.CreateTable(
            name: "subscription_cancel_rollups",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                cancel_day = table.Column<DateOnly>(nullable: false),
                start_day = table.Column<DateOnly>(nullable: false),
                plan = table.Column<string>(maxLength: 100, nullable: false),
                currency = table.Column<string>(maxLength: 3, nullable: false),
                slot = table.Column<int>(nullable: false, defaultValue: 0),
                cancelled = table.Column<long>(nullable: false),
                cancelled_mrr_minor = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_subscription_cancel_rollups", x => new { x.workspace_id, x.cancel_day, x.start_day, x.plan, x.currency, x.slot }));

        migrationBuilder.CreateTable(
            name: "referral_rollups",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                day = table.Column<DateOnly>(nullable: false),
                slot = table.Column<int>(nullable: false, defaultValue: 0),
                referrals = table.Column<long>(nullable: false),
                converted = table.Column<long>(nullable: false),
                new_customers = table.Column<long>(nullable: false),
                new_via_referral = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_referral_rollups", x => new { x.workspace_id, x.day, x.slot }));

        migrationBuilder.CreateTable(
            name: "referrer_months",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                month = table.Column<DateOnly>(nullable: false),
                customer_id = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_referrer_months", x => new { x.workspace_id, x.month, x.customer_id }));

        migrationBuilder.CreateTable(
            name: "journey_rollups",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                day = table.Column<DateOnly>(nullable: false),
                journey_key = table.Column<string>(maxLength: 64, nullable: false),
                step_key = table.Column<string>(maxLength: 64, nullable: false),
                touchpoint_id = table.Column<Guid>(nullable: false),
                slot = table.Column<int>(nullable: false, defaultValue: 0),
                started = table.Column<long>(nullable: false),
                completed = table.Column<long>(nullable: false),
                abandoned = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_journey_rollups", x => new { x.workspace_id, x.day, x.journey_key, x.step_key, x.touchpoint_id, x.slot }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.DropTable(table);
        }

        migrationBuilder.DropIndex("ix_customers_workspace_id_acquired_at", "customers");
        foreach (var column in new[] { "referrer_id", "acquisition_source", "acquired_at" })
        {
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                // EF's SQLite provider refuses DropColumn without a model to rebuild from; SQLite 3.35+ drops it in place.
                migrationBuilder.Sql($"ALTER TABLE \"customers\" DROP COLUMN \"{column}\"");
            }
            else
            {
                migrationBuilder.DropColumn(column, "customers");
            }
        }
    }
}
