using System.Data.Common;
using System.Text;
using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Loopwise.Features.Metrics;

/// <summary>One row of <see cref="RollupReader"/>: answer counts (IsAnswer) or started/completed counts (Count = started).</summary>
internal readonly record struct RollupRow(bool IsAnswer, string QuestionId, Guid TouchpointId, DateOnly Day, int Value, long Count, long Completed);

/// <summary>
/// Reads the answer and response rollups of one survey in one round trip (a UNION ALL of two GROUP BYs). Raw SQL
/// bypasses the tenant query filter, so the workspace is always bound explicitly from the current scope.
/// </summary>
internal static class RollupReader
{
    public static async Task<List<RollupRow>> ReadAsync(
        LoopwiseDbContext db, Guid surveyId, DateOnly? from, DateOnly? to, Guid? touchpointId, CancellationToken ct)
    {
        var values = new SqlValue(db.IsPostgres);
        var where = new StringBuilder("WHERE workspace_id = @w AND survey_id = @s");
        if (from is not null)
        {
            where.Append(" AND day >= @from");
        }

        if (to is not null)
        {
            where.Append(" AND day <= @to");
        }

        if (touchpointId is not null)
        {
            where.Append(" AND touchpoint_id = @t");
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText =
                $"SELECT 0 AS kind, question_id, touchpoint_id, day, value, CAST(SUM(count) AS BIGINT) AS a, CAST(0 AS BIGINT) AS b " +
                $"FROM answer_rollups {where} GROUP BY question_id, touchpoint_id, day, value " +
                $"UNION ALL " +
                $"SELECT 1, '', touchpoint_id, day, 0, CAST(SUM(started) AS BIGINT), CAST(SUM(completed) AS BIGINT) " +
                $"FROM response_rollups {where} GROUP BY touchpoint_id, day";
            Add(command, "w", values.Of(db.Scope.WorkspaceId));
            Add(command, "s", values.Of(surveyId));
            if (from is { } f)
            {
                Add(command, "from", values.Of(f));
            }

            if (to is { } t)
            {
                Add(command, "to", values.Of(t));
            }

            if (touchpointId is { } tp)
            {
                Add(command, "t", values.Of(tp));
            }

            var rows = new List<RollupRow>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new RollupRow(
                    reader.GetInt32(0) == 0,
                    reader.GetString(1),
                    reader.GetGuid(2),
                    reader.GetFieldValue<DateOnly>(3),
                    reader.GetInt32(4),
                    reader.GetInt64(5),
                    reader.GetInt64(6)));
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
