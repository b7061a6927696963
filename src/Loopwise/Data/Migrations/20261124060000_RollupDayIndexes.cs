using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Loopwise.Data.Migrations;

/// <summary>
/// An index on the day right after the equality columns of the day rollups whose keys put the touchpoint or dimension
/// value first (ADR 9): a monthly series reads only the cut months at its ends from them, usually the current month to
/// date, and the index seeks to those days instead of running through a year of rows per question. Ticket rollups key
/// on the day first already.
/// </summary>
[DbContext(typeof(LoopwiseDbContext))]
[Migration("20261124060000_RollupDayIndexes")]
public sealed class RollupDayIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex("ix_answer_rollups_day", "answer_rollups", ["workspace_id", "survey_id", "question_id", "day"]);
        migrationBuilder.CreateIndex("ix_answer_dimension_rollups_day", "answer_dimension_rollups", ["workspace_id", "survey_id", "question_id", "dimension", "day"]);
        migrationBuilder.CreateIndex("ix_response_rollups_day", "response_rollups", ["workspace_id", "day"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("ix_response_rollups_day", "response_rollups");
        migrationBuilder.DropIndex("ix_answer_dimension_rollups_day", "answer_dimension_rollups");
        migrationBuilder.DropIndex("ix_answer_rollups_day", "answer_rollups");
    }
}
