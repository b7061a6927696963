using System.Data.Common;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Loopwise.Features.Responses;

/// <summary>
/// Stores response facts and keeps the rollups in step, in one transaction (architecture.md: a rollup can never
/// disagree with the facts). Every path that creates responses (API, respondent page, import, demo) goes through here.
/// </summary>
public sealed class ResponseWriter(LoopwiseDbContext db)
{
    /// <summary>
    /// Inserts completed responses and adds them to the rollups. Runs in the caller's transaction when one is open,
    /// else in its own. <paramref name="definitions"/> holds the definition of every survey referenced.
    /// </summary>
    public async Task WriteCompletedAsync(Guid workspaceId, IReadOnlyList<ResponseToStore> responses, IReadOnlyDictionary<Guid, SurveyDefinition> definitions, CancellationToken ct)
    {
        var delta = new RollupDelta();
        foreach (var response in responses)
        {
            delta.AddCompleted(definitions[response.SurveyId], response);
        }

        await InTransactionAsync(async () =>
        {
            await InsertAsync(workspaceId, responses, ct);
            await ApplyAsync(workspaceId, delta, ct);
        }, ct);
    }

    /// <summary>Adds rollup deltas for facts stored by the caller in the current transaction.</summary>
    public async Task ApplyAsync(Guid workspaceId, RollupDelta delta, CancellationToken ct)
    {
        if (delta.IsEmpty)
        {
            return;
        }

        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var values = new SqlValue(db.IsPostgres);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();

        await using (var answers = connection.CreateCommand())
        {
            answers.Transaction = transaction;
            answers.CommandText =
                "INSERT INTO answer_rollups (workspace_id, survey_id, question_id, touchpoint_id, day, value, count) " +
                "VALUES (@w, @s, @q, @t, @d, @v, @c) " +
                "ON CONFLICT (workspace_id, survey_id, question_id, touchpoint_id, day, value) " +
                "DO UPDATE SET count = answer_rollups.count + excluded.count";
            var (w, s, q, t, d, v, c) = (Add(answers, "w"), Add(answers, "s"), Add(answers, "q"), Add(answers, "t"), Add(answers, "d"), Add(answers, "v"), Add(answers, "c"));
            w.Value = values.Of(workspaceId);
            foreach (var (key, count) in delta.Answers)
            {
                (s.Value, q.Value, t.Value, d.Value, v.Value, c.Value) = (values.Of(key.SurveyId), key.QuestionId, values.Of(key.TouchpointId), values.Of(key.Day), key.Value, count);
                await answers.ExecuteNonQueryAsync(ct);
            }
        }

        await using (var totals = connection.CreateCommand())
        {
            totals.Transaction = transaction;
            totals.CommandText =
                "INSERT INTO response_rollups (workspace_id, survey_id, touchpoint_id, day, started, completed) " +
                "VALUES (@w, @s, @t, @d, @st, @co) " +
                "ON CONFLICT (workspace_id, survey_id, touchpoint_id, day) " +
                "DO UPDATE SET started = response_rollups.started + excluded.started, completed = response_rollups.completed + excluded.completed";
            var (w, s, t, d, st, co) = (Add(totals, "w"), Add(totals, "s"), Add(totals, "t"), Add(totals, "d"), Add(totals, "st"), Add(totals, "co"));
            w.Value = values.Of(workspaceId);
            foreach (var (key, counts) in delta.Responses)
            {
                (s.Value, t.Value, d.Value, st.Value, co.Value) = (values.Of(key.SurveyId), values.Of(key.TouchpointId), values.Of(key.Day), counts.Started, counts.Completed);
                await totals.ExecuteNonQueryAsync(ct);
            }
        }
    }

    private async Task InsertAsync(Guid workspaceId, IReadOnlyList<ResponseToStore> responses, CancellationToken ct)
    {
        foreach (var r in responses)
        {
            db.Add(new SurveyResponse
            {
                WorkspaceId = workspaceId,
                Id = r.Id,
                SurveyId = r.SurveyId,
                SurveyVersion = r.SurveyVersion,
                TouchpointId = r.TouchpointId,
                CustomerId = r.CustomerId,
                InvitationId = r.InvitationId,
                Channel = r.Channel,
                Language = r.Language,
                StartedAt = r.StartedAt,
                CompletedAt = r.CompletedAt,
                AnswersJson = SurveyJson.Serialize(r.Answers),
                ExternalId = r.ExternalId,
            });
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private async Task InTransactionAsync(Func<Task> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await work();
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await work();
        await transaction.CommitAsync(ct);
    }

    private static DbParameter Add(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
