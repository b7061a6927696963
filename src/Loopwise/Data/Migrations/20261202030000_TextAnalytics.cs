using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Loopwise.Data.Migrations;

/// <summary>
/// Text analytics (cx-reference.md §6): each comment's analysis (redacted text, language, sentiment, sentences, topics,
/// emotions), its topics as rows for grouping by topic and date, and each workspace's topic taxonomy.
/// </summary>
[DbContext(typeof(LoopwiseDbContext))]
[Migration("20261202030000_TextAnalytics")]
public sealed class TextAnalytics : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "comment_analyses",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                response_id = table.Column<Guid>(nullable: false),
                question_id = table.Column<string>(maxLength: 100, nullable: false),
                survey_id = table.Column<Guid>(nullable: false),
                touchpoint_id = table.Column<Guid>(nullable: false),
                customer_id = table.Column<Guid>(nullable: true),
                responded_at = table.Column<DateTime>(nullable: false),
                language = table.Column<string>(maxLength: 16, nullable: false),
                language_supported = table.Column<bool>(nullable: false),
                sentiment = table.Column<double>(nullable: false),
                label = table.Column<string>(maxLength: 8, nullable: true),
                nps = table.Column<int>(nullable: true),
                csat = table.Column<int>(nullable: true),
                text = table.Column<string>(nullable: false),
                sentences_json = table.Column<string>(nullable: false),
                topics_json = table.Column<string>(nullable: false),
                emotions_json = table.Column<string>(nullable: false),
                pii_count = table.Column<int>(nullable: false),
                model_version = table.Column<string>(maxLength: 32, nullable: false),
                taxonomy_version = table.Column<int>(nullable: false),
                analysed_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_comment_analyses", x => new { x.workspace_id, x.response_id, x.question_id }));
        migrationBuilder.CreateIndex("ix_comment_analyses_workspace_id_responded_at", "comment_analyses", ["workspace_id", "responded_at"]);

        migrationBuilder.CreateTable(
            name: "comment_topics",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                response_id = table.Column<Guid>(nullable: false),
                question_id = table.Column<string>(maxLength: 100, nullable: false),
                topic_key = table.Column<string>(maxLength: 200, nullable: false),
                responded_at = table.Column<DateTime>(nullable: false),
                touchpoint_id = table.Column<Guid>(nullable: false),
                sentiment = table.Column<double>(nullable: false),
                nps = table.Column<int>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_comment_topics", x => new { x.workspace_id, x.response_id, x.question_id, x.topic_key }));
        migrationBuilder.CreateIndex("ix_comment_topics_workspace_id_topic_key_responded_at", "comment_topics", ["workspace_id", "topic_key", "responded_at"]);

        migrationBuilder.CreateTable(
            name: "text_taxonomies",
            columns: table => new
            {
                workspace_id = table.Column<Guid>(nullable: false),
                industry = table.Column<string>(maxLength: 32, nullable: false),
                version = table.Column<int>(nullable: false),
                topics_json = table.Column<string>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
                updated_by = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_text_taxonomies", x => x.workspace_id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("text_taxonomies");
        migrationBuilder.DropTable("comment_topics");
        migrationBuilder.DropTable("comment_analyses");
    }
}
