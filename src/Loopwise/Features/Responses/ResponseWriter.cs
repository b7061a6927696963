using System.Data.Common;
using System.Text;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Alerts;
using Loopwise.Features.Jobs;
using Loopwise.Features.TextAnalytics;
using Loopwise.Features.Customers;
using Loopwise.Features.Dimensions;
using Loopwise.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Loopwise.Features.Responses;

/// <summary>
/// Stores response facts and keeps the rollups in step, in one transaction (architecture.md: a rollup can never
/// disagree with the facts). Every path that creates responses (API, respondent page, import, demo) goes through here.
/// This is the ingestion hot path, so it bypasses EF change tracking: PostgreSQL gets a binary COPY and array-based
/// upserts, SQLite gets prepared multi-row INSERTs. Values are written in exactly the formats EF reads back
/// (<see cref="SqlValue"/>); a test round-trips them through EF on both providers.
/// </summary>
public sealed class ResponseWriter(LoopwiseDbContext db, LoopwiseMetrics metrics, DimensionCatalog dimensionCatalog, JobQueue jobs, AlertRuleCache alertRules)
{
    // Microsoft.Data.Sqlite binds each parameter by name (a linear search in the statement), so binding cost grows with
    // the square of a statement's parameter count: a few rows per statement beats hundreds.
    private const int SqliteRowsPerInsert = 8;
    private const int SqliteRollupsPerUpsert = 16;
    private const int PostgresInsertMaxRows = 4;

    private const string ResponseColumns =
        "workspace_id, id, survey_id, survey_version, touchpoint_id, customer_id, invitation_id, channel, language, " +
        "started_at, completed_at, answers_json, external_id, dimensions_json";

    private static readonly string[] ChannelNames = Enum.GetNames<DistributionChannel>();

    /// <summary>The INSERT of 1 to <see cref="PostgresInsertMaxRows"/> responses, built once per row count.</summary>
    private static readonly string[] PostgresInserts = [.. Enumerable.Range(1, PostgresInsertMaxRows).Select(rows =>
    {
        var sql = new StringBuilder($"INSERT INTO responses ({ResponseColumns}) VALUES ");
        for (var i = 0; i < rows; i++)
        {
            var n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? "(@w" : ",(@w");
            foreach (var column in new[] { "i", "s", "v", "t", "cu", "in", "ch", "l", "st", "co", "a", "e", "di" })
            {
                sql.Append(",@").Append(column).Append(n);
            }

            sql.Append(')');
        }

        return sql.ToString();
    })];

    /// <summary>
    /// Inserts completed responses and adds them to the rollups. Runs in the caller's transaction when one is open,
    /// else in its own. <paramref name="definitions"/> holds the definition of every survey referenced.
    /// </summary>
    public async Task WriteCompletedAsync(Guid workspaceId, IReadOnlyList<ResponseToStore> responses, IReadOnlyDictionary<Guid, SurveyDefinition> definitions, CancellationToken ct)
    {
        if (responses.Count == 0)
        {
            return;
        }

        responses = await WithDimensionsAsync(workspaceId, responses, ct);
        var delta = new RollupDelta();
        foreach (var response in responses)
        {
            delta.AddCompleted(definitions[response.SurveyId], response);
        }

        if (db.IsPostgres && responses.Count <= PostgresInsertMaxRows)
        {
            // A few responses (a respondent's form, a small API call): the insert and the rollups in one round trip.
            // Without a caller's transaction the batch is atomic by itself (one implicit transaction up to its Sync),
            // and the rollup rows stay locked only while the server runs it, not for a client round trip.
            // The slot is held by this write until its commit (the end of the batch when it is its own transaction).
            await db.Database.OpenConnectionAsync(ct);
            using var slot = RollupSlots.Take();
            var analyse = await FollowUpJobsAsync(workspaceId, responses, ct);
            await ExecutePostgresAsync(
                [InsertPostgres(workspaceId, responses), .. UpsertPostgres(workspaceId, delta, slot.Slot), .. analyse.Count > 0 ? [jobs.PostgresBatchCommand(analyse)] : Array.Empty<NpgsqlBatchCommand>()],
                ct);
            if (analyse.Count > 0 && db.Database.CurrentTransaction is null)
            {
                JobSignal.Process.Notify();
            }
        }
        else
        {
            await InTransactionAsync(async () =>
            {
                await InsertAsync(workspaceId, responses, ct);
                await ApplyAsync(workspaceId, delta, ct);
                if (await FollowUpJobsAsync(workspaceId, responses, ct) is { Count: > 0 } analyse)
                {
                    await jobs.EnqueueAsync(analyse, ct);
                }
            }, ct);
        }

        // Counted once the caller's transaction (if any) was not rolled back here; a later rollback by the caller can
        // over-count by one batch, which a rate metric tolerates.
        foreach (var channel in responses.GroupBy(r => r.Channel))
        {
            metrics.ResponsesStored(channel.LongCount(), ChannelNames[(int)channel.Key]);
        }
    }

    /// <summary>
    /// The jobs committed with the responses: the comment analysis of responses with a free-text answer (ADR 11), one
    /// job per <see cref="TextAnalysisJob.MaxResponses"/>; and the alert rules' evaluation (ADR 12) when the workspace
    /// has enabled rules, one job per <see cref="AlertEvaluationJob.MaxResponses"/>.
    /// </summary>
    private async Task<List<NewJob>> FollowUpJobsAsync(Guid workspaceId, IReadOnlyList<ResponseToStore> responses, CancellationToken ct)
    {
        var ids = responses.Where(r => r.Answers.Answers.Values.Any(a => !string.IsNullOrWhiteSpace(a.Text))).Select(r => r.Id).ToList();
        List<NewJob> jobs = [.. ids.Chunk(TextAnalysisJob.MaxResponses).Select(chunk => TextAnalysisJob.For(workspaceId, chunk))];
        if (await alertRules.AnyEnabledAsync(db, workspaceId, ct))
        {
            jobs.AddRange(responses.Select(r => r.Id).Chunk(AlertEvaluationJob.MaxResponses).Select(chunk => AlertEvaluationJob.For(workspaceId, chunk)));
        }

        return jobs;
    }

    /// <summary>Adds rollup deltas for facts stored by the caller in the current transaction.</summary>
    public async Task ApplyAsync(Guid workspaceId, RollupDelta delta, CancellationToken ct)
    {
        if (delta.IsEmpty)
        {
            return;
        }

        await db.Database.OpenConnectionAsync(ct);
        if (db.IsPostgres)
        {
            // A respondent's page or a few responses spread over the slots; bulk writes keep to slot 0 (fewer rows).
            var responses = delta.Responses.Sum(r => r.Value.Started + r.Value.Completed);
            await ExecutePostgresAsync(UpsertPostgres(workspaceId, delta, responses <= PostgresInsertMaxRows ? RollupSlots.Random() : 0), ct);
        }
        else
        {
            foreach (var (grain, changes) in Grains(delta))
            {
                await UpsertSqliteAsync(workspaceId, grain, Sorted(changes.Answers, AnswerKeyOrder.Instance), Sorted(changes.Responses, ResponseKeyOrder.Instance), ct);
                await UpsertSqliteDimensionsAsync(workspaceId, grain, Sorted(changes.Dimensions, DimensionKeyOrder.Instance), ct);
            }
        }
    }

    /// <summary>
    /// The responses with their customer's dimension values (the workspace's dimensions, read from the customers'
    /// attributes now): stored on each response and counted in the dimension rollups, so both always agree.
    /// </summary>
    public async Task<IReadOnlyList<ResponseToStore>> WithDimensionsAsync(Guid workspaceId, IReadOnlyList<ResponseToStore> responses, CancellationToken ct)
    {
        var customerIds = responses.Where(r => r.CustomerId is not null).Select(r => r.CustomerId!.Value).Distinct().ToList();
        if (customerIds.Count == 0)
        {
            return responses;
        }

        var dimensions = await dimensionCatalog.AttributesAsync(db, workspaceId, ct);
        if (dimensions.Count == 0)
        {
            return responses;
        }

        var attributes = await db.Set<Customer>().AsNoTracking().Where(c => customerIds.Contains(c.Id))
            .Select(c => new { c.Id, c.AttributesJson }).ToDictionaryAsync(c => c.Id, c => DimensionRules.Snapshot(c.AttributesJson, dimensions), ct);
        return [.. responses.Select(r => r.CustomerId is { } id && attributes.GetValueOrDefault(id) is { } snapshot ? r with { Dimensions = snapshot } : r)];
    }

    private async Task InsertAsync(Guid workspaceId, IReadOnlyList<ResponseToStore> responses, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        if (db.IsPostgres)
        {
            await CopyPostgresAsync(workspaceId, responses, ct);
        }
        else
        {
            await InsertSqliteAsync(workspaceId, responses, ct);
        }
    }

    private async Task CopyPostgresAsync(Guid workspaceId, IReadOnlyList<ResponseToStore> responses, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        // COPY runs inside the connection's open transaction, so a later failure rolls these rows back too.
        await using var copy = await connection.BeginBinaryImportAsync($"COPY responses ({ResponseColumns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var r in responses)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(workspaceId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(r.SurveyId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(r.SurveyVersion, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(r.TouchpointId, NpgsqlDbType.Uuid, ct);
            await WriteNullableAsync(copy, r.CustomerId, ct);
            await WriteNullableAsync(copy, r.InvitationId, ct);
            await copy.WriteAsync(ChannelNames[(int)r.Channel], NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.Language, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(Utc(r.StartedAt), NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(Utc(r.CompletedAt), NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(AnswersJson.Serialize(r.Answers), NpgsqlDbType.Text, ct);
            await WriteNullableAsync(copy, r.ExternalId, ct);
            await WriteNullableAsync(copy, DimensionRules.Serialize(r.Dimensions), ct);
        }

        await copy.CompleteAsync(ct);
    }

    // A COPY costs extra round trips (start, data, end): a respondent's single response is one plain INSERT instead.
    private static NpgsqlBatchCommand InsertPostgres(Guid workspaceId, IReadOnlyList<ResponseToStore> responses)
    {
        var command = new NpgsqlBatchCommand(PostgresInserts[responses.Count - 1]);
        var parameters = command.Parameters;
        parameters.Add(new NpgsqlParameter<Guid>("w", workspaceId));
        for (var i = 0; i < responses.Count; i++)
        {
            var r = responses[i];
            var n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameters.Add(new NpgsqlParameter<Guid>("i" + n, r.Id));
            parameters.Add(new NpgsqlParameter<Guid>("s" + n, r.SurveyId));
            parameters.Add(new NpgsqlParameter<int>("v" + n, r.SurveyVersion));
            parameters.Add(new NpgsqlParameter<Guid>("t" + n, r.TouchpointId));
            parameters.Add(new NpgsqlParameter("cu" + n, NpgsqlDbType.Uuid) { Value = r.CustomerId is { } c ? c : DBNull.Value });
            parameters.Add(new NpgsqlParameter("in" + n, NpgsqlDbType.Uuid) { Value = r.InvitationId is { } inv ? inv : DBNull.Value });
            parameters.Add(new NpgsqlParameter<string>("ch" + n, ChannelNames[(int)r.Channel]));
            parameters.Add(new NpgsqlParameter<string>("l" + n, r.Language));
            parameters.Add(new NpgsqlParameter<DateTime>("st" + n, Utc(r.StartedAt)) { NpgsqlDbType = NpgsqlDbType.TimestampTz });
            parameters.Add(new NpgsqlParameter<DateTime>("co" + n, Utc(r.CompletedAt)) { NpgsqlDbType = NpgsqlDbType.TimestampTz });
            parameters.Add(new NpgsqlParameter<string>("a" + n, AnswersJson.Serialize(r.Answers)));
            parameters.Add(new NpgsqlParameter("e" + n, NpgsqlDbType.Text) { Value = (object?)r.ExternalId ?? DBNull.Value });
            parameters.Add(new NpgsqlParameter("di" + n, NpgsqlDbType.Text) { Value = (object?)DimensionRules.Serialize(r.Dimensions) ?? DBNull.Value });
        }

        return command;
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct)
    {
        if (value is not null)
        {
            await copy.WriteAsync(value, NpgsqlDbType.Text, ct);
        }
        else
        {
            await copy.WriteNullAsync(ct);
        }
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, Guid? value, CancellationToken ct)
    {
        if (value is { } v)
        {
            await copy.WriteAsync(v, NpgsqlDbType.Uuid, ct);
        }
        else
        {
            await copy.WriteNullAsync(ct);
        }
    }

    private async Task InsertSqliteAsync(Guid workspaceId, IReadOnlyList<ResponseToStore> responses, CancellationToken ct)
    {
        const int columns = 13; // besides workspace_id, which is one shared parameter
        var values = new SqlValue(postgres: false);
        var workspace = values.Of(workspaceId);
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < responses.Count; start += SqliteRowsPerInsert)
            {
                var rows = Math.Min(SqliteRowsPerInsert, responses.Count - start);
                // One prepared statement for every full chunk (Microsoft.Data.Sqlite keeps it prepared while the text is
                // unchanged); the last, shorter chunk gets its own.
                var command = rows == SqliteRowsPerInsert ? full ??= CreateSqliteInsert(rows, columns) : CreateSqliteInsert(rows, columns);
                command.Parameters[0].Value = workspace;
                var p = 1;
                for (var i = start; i < start + rows; i++)
                {
                    var r = responses[i];
                    var parameters = command.Parameters;
                    parameters[p++].Value = values.Of(r.Id);
                    parameters[p++].Value = values.Of(r.SurveyId);
                    parameters[p++].Value = r.SurveyVersion;
                    parameters[p++].Value = values.Of(r.TouchpointId);
                    parameters[p++].Value = values.Of(r.CustomerId);
                    parameters[p++].Value = values.Of(r.InvitationId);
                    parameters[p++].Value = ChannelNames[(int)r.Channel];
                    parameters[p++].Value = r.Language;
                    parameters[p++].Value = values.Of(Utc(r.StartedAt));
                    parameters[p++].Value = values.Of(Utc(r.CompletedAt));
                    parameters[p++].Value = AnswersJson.Serialize(r.Answers);
                    parameters[p++].Value = SqlValue.Of(r.ExternalId);
                    parameters[p++].Value = SqlValue.Of(DimensionRules.Serialize(r.Dimensions));
                }

                await command.ExecuteNonQueryAsync(ct);
                if (!ReferenceEquals(command, full))
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
    }

    private DbCommand CreateSqliteInsert(int rows, int columns)
    {
        var command = NewCommand();
        var sql = new StringBuilder($"INSERT INTO responses ({ResponseColumns}) VALUES ");
        AddParameter(command, "$w");
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "($w" : ",($w");
            for (var column = 0; column < columns; column++)
            {
                var name = "$p" + (row * columns + column).ToString(System.Globalization.CultureInfo.InvariantCulture);
                sql.Append(',').Append(name);
                AddParameter(command, name);
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        return command;
    }

    /// <summary>The delta for the day rollups, and folded by month for the month rollups.</summary>
    private static IEnumerable<(RollupGrain Grain, RollupDelta Delta)> Grains(RollupDelta delta) =>
        RollupGrain.All.Select(grain => (grain, ReferenceEquals(grain, RollupGrain.Month) ? delta.ByMonth() : delta));

    private static IEnumerable<NpgsqlBatchCommand> UpsertPostgres(Guid workspaceId, RollupDelta delta, int slot) =>
        Grains(delta).SelectMany(g => UpsertPostgres(workspaceId, g.Delta, g.Grain, slot));

    private static IEnumerable<NpgsqlBatchCommand> UpsertPostgres(Guid workspaceId, RollupDelta delta, RollupGrain grain, int slot)
    {
        var sql = ReferenceEquals(grain, RollupGrain.Month) ? PostgresUpserts.Month : PostgresUpserts.Day;

        // Sorted keys: concurrent writers lock rollup rows in one order, so they queue instead of deadlocking.
        var answers = Sorted(delta.Answers, AnswerKeyOrder.Instance);
        var totals = Sorted(delta.Responses, ResponseKeyOrder.Instance);

        // One statement per table whatever the batch size: the rows travel as arrays and are unnested server-side.
        if (answers.Count > 0)
        {
            var command = new NpgsqlBatchCommand(sql.Answers);
            var parameters = command.Parameters;
            parameters.Add(new NpgsqlParameter<Guid>("w", workspaceId));
            parameters.Add(new NpgsqlParameter<int>("slot", slot));
            parameters.Add(new NpgsqlParameter<Guid[]>("s", [.. answers.Select(a => a.Key.SurveyId)]));
            parameters.Add(new NpgsqlParameter<string[]>("q", [.. answers.Select(a => a.Key.QuestionId)]));
            parameters.Add(new NpgsqlParameter<Guid[]>("t", [.. answers.Select(a => a.Key.TouchpointId)]));
            parameters.Add(new NpgsqlParameter<DateOnly[]>("d", [.. answers.Select(a => a.Key.Day)]));
            parameters.Add(new NpgsqlParameter<int[]>("v", [.. answers.Select(a => a.Key.Value)]));
            parameters.Add(new NpgsqlParameter<long[]>("c", [.. answers.Select(a => a.Value)]));
            yield return command;
        }

        if (delta.Dimensions.Count > 0)
        {
            var dimensions = Sorted(delta.Dimensions, DimensionKeyOrder.Instance);
            var command = new NpgsqlBatchCommand(sql.Dimensions);
            var parameters = command.Parameters;
            parameters.Add(new NpgsqlParameter<Guid>("w", workspaceId));
            parameters.Add(new NpgsqlParameter<int>("slot", slot));
            parameters.Add(new NpgsqlParameter<Guid[]>("s", [.. dimensions.Select(a => a.Key.SurveyId)]));
            parameters.Add(new NpgsqlParameter<string[]>("q", [.. dimensions.Select(a => a.Key.QuestionId)]));
            parameters.Add(new NpgsqlParameter<string[]>("k", [.. dimensions.Select(a => a.Key.Dimension)]));
            parameters.Add(new NpgsqlParameter<string[]>("kv", [.. dimensions.Select(a => a.Key.DimensionValue)]));
            parameters.Add(new NpgsqlParameter<DateOnly[]>("d", [.. dimensions.Select(a => a.Key.Day)]));
            parameters.Add(new NpgsqlParameter<int[]>("v", [.. dimensions.Select(a => a.Key.Value)]));
            parameters.Add(new NpgsqlParameter<long[]>("c", [.. dimensions.Select(a => a.Value)]));
            yield return command;
        }

        if (totals.Count > 0)
        {
            var command = new NpgsqlBatchCommand(sql.Responses);
            var parameters = command.Parameters;
            parameters.Add(new NpgsqlParameter<Guid>("w", workspaceId));
            parameters.Add(new NpgsqlParameter<int>("slot", slot));
            parameters.Add(new NpgsqlParameter<Guid[]>("s", [.. totals.Select(a => a.Key.SurveyId)]));
            parameters.Add(new NpgsqlParameter<Guid[]>("t", [.. totals.Select(a => a.Key.TouchpointId)]));
            parameters.Add(new NpgsqlParameter<DateOnly[]>("d", [.. totals.Select(a => a.Key.Day)]));
            parameters.Add(new NpgsqlParameter<long[]>("st", [.. totals.Select(a => a.Value.Started)]));
            parameters.Add(new NpgsqlParameter<long[]>("co", [.. totals.Select(a => a.Value.Completed)]));
            yield return command;
        }
    }

    private async Task UpsertSqliteAsync(
        Guid workspaceId,
        RollupGrain grain,
        List<KeyValuePair<RollupDelta.AnswerKey, long>> answers,
        List<KeyValuePair<RollupDelta.ResponseKey, (long Started, long Completed)>> totals,
        CancellationToken ct)
    {
        var values = new SqlValue(postgres: false);
        var workspace = values.Of(workspaceId);
        var (period, table, totalsTable) = (grain.Column, grain.Table("answer"), grain.Table("response"));
        for (var start = 0; start < answers.Count; start += SqliteRollupsPerUpsert)
        {
            var chunk = answers.GetRange(start, Math.Min(SqliteRollupsPerUpsert, answers.Count - start));
            await using var command = CreateSqliteUpsert(
                $"INSERT INTO {table} (workspace_id, survey_id, question_id, touchpoint_id, {period}, value, count) VALUES ",
                $"ON CONFLICT (workspace_id, survey_id, question_id, touchpoint_id, {period}, value, slot) DO UPDATE SET count = {table}.count + excluded.count",
                workspace,
                chunk.Select(a => new object[] { values.Of(a.Key.SurveyId), a.Key.QuestionId, values.Of(a.Key.TouchpointId), values.Of(a.Key.Day), a.Key.Value, a.Value }));
            await command.ExecuteNonQueryAsync(ct);
        }

        for (var start = 0; start < totals.Count; start += SqliteRollupsPerUpsert)
        {
            var chunk = totals.GetRange(start, Math.Min(SqliteRollupsPerUpsert, totals.Count - start));
            await using var command = CreateSqliteUpsert(
                $"INSERT INTO {totalsTable} (workspace_id, survey_id, touchpoint_id, {period}, started, completed) VALUES ",
                $"ON CONFLICT (workspace_id, survey_id, touchpoint_id, {period}, slot) DO UPDATE SET " +
                $"started = {totalsTable}.started + excluded.started, completed = {totalsTable}.completed + excluded.completed",
                workspace,
                chunk.Select(t => new object[] { values.Of(t.Key.SurveyId), values.Of(t.Key.TouchpointId), values.Of(t.Key.Day), t.Value.Started, t.Value.Completed }));
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task UpsertSqliteDimensionsAsync(Guid workspaceId, RollupGrain grain, List<KeyValuePair<RollupDelta.DimensionKey, long>> rows, CancellationToken ct)
    {
        var values = new SqlValue(postgres: false);
        var workspace = values.Of(workspaceId);
        var (period, table) = (grain.Column, grain.Table("answer_dimension"));
        for (var start = 0; start < rows.Count; start += SqliteRollupsPerUpsert)
        {
            var chunk = rows.GetRange(start, Math.Min(SqliteRollupsPerUpsert, rows.Count - start));
            await using var command = CreateSqliteUpsert(
                $"INSERT INTO {table} (workspace_id, survey_id, question_id, dimension, dimension_value, {period}, value, count) VALUES ",
                $"ON CONFLICT (workspace_id, survey_id, question_id, dimension, dimension_value, {period}, value, slot) DO UPDATE SET count = {table}.count + excluded.count",
                workspace,
                chunk.Select(a => new object[] { values.Of(a.Key.SurveyId), a.Key.QuestionId, a.Key.Dimension, a.Key.DimensionValue, values.Of(a.Key.Day), a.Key.Value, a.Value }));
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private DbCommand CreateSqliteUpsert(string insert, string onConflict, object workspace, IEnumerable<object[]> rows)
    {
        var command = NewCommand();
        var sql = new StringBuilder(insert);
        AddParameter(command, "$w").Value = workspace;
        var n = 0;
        foreach (var row in rows)
        {
            sql.Append(n == 0 ? "($w" : ",($w");
            foreach (var value in row)
            {
                var name = "$p" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                n++;
                sql.Append(',').Append(name);
                AddParameter(command, name).Value = value;
            }

            sql.Append(')');
        }

        command.CommandText = sql.Append(' ').Append(onConflict).ToString();
        return command;
    }

    private static List<KeyValuePair<TKey, TValue>> Sorted<TKey, TValue>(IEnumerable<KeyValuePair<TKey, TValue>> rows, IComparer<TKey> order) =>
        rows.OrderBy(r => r.Key, order).ToList();

    /// <summary>Runs the commands in one round trip, in the current transaction.</summary>
    private async Task ExecutePostgresAsync(IEnumerable<NpgsqlBatchCommand> commands, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection())
        {
            Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
        };
        foreach (var command in commands)
        {
            batch.BatchCommands.Add(command);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
    }

    private DbCommand NewCommand()
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
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

    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static DbParameter AddParameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>
    /// The PostgreSQL upserts of one grain, built once: the same text on every call, so that Npgsql finds it among the
    /// connection's prepared statements without building it again.
    /// </summary>
    private sealed class PostgresUpserts
    {
        private PostgresUpserts(RollupGrain grain)
        {
            var period = grain.Column;
            var table = grain.Table("answer");
            Answers =
                $"INSERT INTO {table} (workspace_id, survey_id, question_id, touchpoint_id, {period}, value, slot, count) " +
                "SELECT @w, s, q, t, d, v, @slot, c FROM unnest(@s, @q, @t, @d, @v, @c) AS x(s, q, t, d, v, c) " +
                $"ON CONFLICT (workspace_id, survey_id, question_id, touchpoint_id, {period}, value, slot) " +
                $"DO UPDATE SET count = {table}.count + excluded.count";
            table = grain.Table("answer_dimension");
            Dimensions =
                $"INSERT INTO {table} (workspace_id, survey_id, question_id, dimension, dimension_value, {period}, value, slot, count) " +
                "SELECT @w, s, q, k, kv, d, v, @slot, c FROM unnest(@s, @q, @k, @kv, @d, @v, @c) AS x(s, q, k, kv, d, v, c) " +
                $"ON CONFLICT (workspace_id, survey_id, question_id, dimension, dimension_value, {period}, value, slot) " +
                $"DO UPDATE SET count = {table}.count + excluded.count";
            table = grain.Table("response");
            Responses =
                $"INSERT INTO {table} (workspace_id, survey_id, touchpoint_id, {period}, slot, started, completed) " +
                "SELECT @w, s, t, d, @slot, st, co FROM unnest(@s, @t, @d, @st, @co) AS x(s, t, d, st, co) " +
                $"ON CONFLICT (workspace_id, survey_id, touchpoint_id, {period}, slot) " +
                $"DO UPDATE SET started = {table}.started + excluded.started, completed = {table}.completed + excluded.completed";
        }

        public static PostgresUpserts Day { get; } = new(RollupGrain.Day);

        public static PostgresUpserts Month { get; } = new(RollupGrain.Month);

        public string Answers { get; }

        public string Dimensions { get; }

        public string Responses { get; }
    }

    private sealed class AnswerKeyOrder : IComparer<RollupDelta.AnswerKey>
    {
        public static readonly AnswerKeyOrder Instance = new();

        public int Compare(RollupDelta.AnswerKey x, RollupDelta.AnswerKey y)
        {
            var c = x.SurveyId.CompareTo(y.SurveyId);
            c = c != 0 ? c : string.CompareOrdinal(x.QuestionId, y.QuestionId);
            c = c != 0 ? c : x.TouchpointId.CompareTo(y.TouchpointId);
            c = c != 0 ? c : x.Day.CompareTo(y.Day);
            return c != 0 ? c : x.Value.CompareTo(y.Value);
        }
    }

    private sealed class DimensionKeyOrder : IComparer<RollupDelta.DimensionKey>
    {
        public static readonly DimensionKeyOrder Instance = new();

        public int Compare(RollupDelta.DimensionKey x, RollupDelta.DimensionKey y)
        {
            var c = x.SurveyId.CompareTo(y.SurveyId);
            c = c != 0 ? c : string.CompareOrdinal(x.QuestionId, y.QuestionId);
            c = c != 0 ? c : string.CompareOrdinal(x.Dimension, y.Dimension);
            c = c != 0 ? c : string.CompareOrdinal(x.DimensionValue, y.DimensionValue);
            c = c != 0 ? c : x.Day.CompareTo(y.Day);
            return c != 0 ? c : x.Value.CompareTo(y.Value);
        }
    }

    private sealed class ResponseKeyOrder : IComparer<RollupDelta.ResponseKey>
    {
        public static readonly ResponseKeyOrder Instance = new();

        public int Compare(RollupDelta.ResponseKey x, RollupDelta.ResponseKey y)
        {
            var c = x.SurveyId.CompareTo(y.SurveyId);
            c = c != 0 ? c : x.TouchpointId.CompareTo(y.TouchpointId);
            return c != 0 ? c : x.Day.CompareTo(y.Day);
        }
    }
}
