using System.Text;
using Loopwise.Data;
using Loopwise.Features.Support;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Tests.Infrastructure;

/// <summary>
/// Checks the month rollups of a workspace against its day rollups folded by month, family by family, in SQL (slots
/// summed on both sides): the invariant every writer keeps (ADR 9).
/// </summary>
public static class MonthRollups
{
    private static readonly (string Family, string[] Key, string[] Sums)[] Families =
    [
        ("answer", ["survey_id", "question_id", "touchpoint_id", "value"], ["count"]),
        ("response", ["survey_id", "touchpoint_id"], ["started", "completed"]),
        ("answer_dimension", ["survey_id", "question_id", "dimension", "dimension_value", "value"], ["count"]),
        ("ticket", ["channel", "touchpoint_id"], TicketRollupDelta.Columns),
        ("ticket_duration", ["channel", "touchpoint_id", "clock", "bucket"], ["count"]),
    ];

    /// <summary>Per family: (day rows folded by month, month rows), one text line per key and month.</summary>
    public static async Task<Dictionary<string, (string Days, string Months)>> ReadAsync(LoopwiseDbContext db, Guid workspaceId)
    {
        var month = db.IsPostgres ? "CAST(CAST(date_trunc('month', day) AS date) AS text)" : "substr(day, 1, 7) || '-01'";
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync();
        foreach (var (family, key, sums) in Families)
        {
            var keys = string.Join(", ", key.Select(k => $"CAST({k} AS text)"));
            var summed = string.Join(", ", sums.Select(s => $"SUM({s})"));
            var days = await LinesAsync(db, workspaceId, $"SELECT {keys}, {month} AS period, {summed} FROM {family}_rollups WHERE workspace_id = @w GROUP BY {keys}, {month}");
            var months = await LinesAsync(db, workspaceId, $"SELECT {keys}, CAST(month AS text) AS period, {summed} FROM {family}_month_rollups WHERE workspace_id = @w GROUP BY {keys}, CAST(month AS text)");
            result[family] = (days, months);
        }

        return result;
    }

    /// <summary>Asserts that every family's month rows are its day rows folded by month, and that the named families hold rows.</summary>
    public static async Task AssertFoldOfDaysAsync(LoopwiseDbContext db, Guid workspaceId, params string[] nonEmpty)
    {
        foreach (var (family, (days, months)) in await ReadAsync(db, workspaceId))
        {
            Assert.True(days == months, $"{family}_month_rollups differ from {family}_rollups folded by month:\nday rows folded:\n{days}\nmonth rows:\n{months}");
            if (nonEmpty.Contains(family))
            {
                Assert.NotEqual(string.Empty, months);
            }
        }
    }

    private static async Task<string> LinesAsync(LoopwiseDbContext db, Guid workspaceId, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@w";
        parameter.Value = new SqlValue(db.IsPostgres).Of(workspaceId);
        command.Parameters.Add(parameter);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var line = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                line.Append(i == 0 ? string.Empty : "|").Append(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
            }

            lines.Add(line.ToString());
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }
}
