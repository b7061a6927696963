using System.Data.Common;
using System.Globalization;
using System.Text;
using Loopwise.Data;
using Npgsql;
using NpgsqlTypes;

namespace Loopwise.Features.Jobs;

/// <summary>
/// The one insert of job rows, used by both enqueue paths (<see cref="JobQueue"/> directly, and <see cref="JobOutbox"/>
/// at the caller's SaveChanges). <c>ON CONFLICT DO NOTHING</c> makes a taken dedupe key a no-op. PostgreSQL gets one
/// statement with the rows as arrays (<c>unnest</c>), SQLite multi-row INSERTs of a few rows each (parameters are bound
/// by name there, so very wide statements cost more than they save).
/// </summary>
internal static class JobSql
{
    private const int SqliteRowsPerInsert = 16;

    private const string Columns = "id, workspace_id, kind, payload, dedupe_key, status, attempts, max_attempts, run_at, created_at, updated_at";

    private const string PostgresInsert =
        $"INSERT INTO jobs ({Columns}) " +
        "SELECT i, w, k, p, d, 'queued', 0, m, r, c, c FROM unnest(@i, @w, @k, @p, @d, @m, @r, @c) AS x(i, w, k, p, d, m, r, c) " +
        "ON CONFLICT DO NOTHING";

    /// <summary>The rows to send: one per (kind, dedupe key), the first wins, as the database would keep it.</summary>
    public static IReadOnlyList<Job> Distinct(IReadOnlyList<Job> jobs)
    {
        if (jobs.All(j => j.DedupeKey is null))
        {
            return jobs;
        }

        var seen = new HashSet<(string, string)>();
        return [.. jobs.Where(j => j.DedupeKey is not { } key || seen.Add((j.Kind, key)))];
    }

    /// <summary>Inserts the jobs on an open connection, in <paramref name="transaction"/> when given; returns the rows stored.</summary>
    public static async Task<int> InsertAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<Job> jobs, CancellationToken ct)
    {
        var stored = 0;
        foreach (var command in Commands(connection, transaction, Distinct(jobs)))
        {
            await using (command)
            {
                stored += await command.ExecuteNonQueryAsync(ct);
            }
        }

        return stored;
    }

    public static int Insert(DbConnection connection, DbTransaction? transaction, IReadOnlyList<Job> jobs)
    {
        var stored = 0;
        foreach (var command in Commands(connection, transaction, Distinct(jobs)))
        {
            using (command)
            {
                stored += command.ExecuteNonQuery();
            }
        }

        return stored;
    }

    /// <summary>The PostgreSQL insert as one command of an <see cref="NpgsqlBatch"/> (no dedupe within the batch: call <see cref="Distinct"/>).</summary>
    public static NpgsqlBatchCommand PostgresBatchCommand(IReadOnlyList<Job> jobs)
    {
        var command = new NpgsqlBatchCommand(PostgresInsert);
        AddPostgresParameters(command.Parameters, Distinct(jobs));
        return command;
    }

    private static IEnumerable<DbCommand> Commands(DbConnection connection, DbTransaction? transaction, IReadOnlyList<Job> jobs)
    {
        if (jobs.Count == 0)
        {
            yield break;
        }

        if (connection is NpgsqlConnection postgres)
        {
            var command = new NpgsqlCommand(PostgresInsert, postgres, (NpgsqlTransaction?)transaction);
            AddPostgresParameters(command.Parameters, jobs);
            yield return command;
            yield break;
        }

        var values = new SqlValue(postgres: false);
        for (var start = 0; start < jobs.Count; start += SqliteRowsPerInsert)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder($"INSERT INTO jobs ({Columns}) VALUES ");
            for (var i = start; i < Math.Min(jobs.Count, start + SqliteRowsPerInsert); i++)
            {
                var job = jobs[i];
                var n = i.ToString(CultureInfo.InvariantCulture);
                sql.Append(i == start ? "(" : ",(")
                    .Append($"$i{n}, $w{n}, $k{n}, $p{n}, $d{n}, 'queued', 0, $m{n}, $r{n}, $c{n}, $c{n}")
                    .Append(')');
                Add(command, "$i" + n, values.Of(job.Id));
                Add(command, "$w" + n, values.Of(job.WorkspaceId));
                Add(command, "$k" + n, job.Kind);
                Add(command, "$p" + n, job.Payload);
                Add(command, "$d" + n, SqlValue.Of(job.DedupeKey));
                Add(command, "$m" + n, job.MaxAttempts);
                Add(command, "$r" + n, values.Of(job.RunAt));
                Add(command, "$c" + n, values.Of(job.CreatedAt));
            }

            command.CommandText = sql.Append(" ON CONFLICT DO NOTHING").ToString();
            yield return command;
        }
    }

    private static void AddPostgresParameters(NpgsqlParameterCollection parameters, IReadOnlyList<Job> jobs)
    {
        parameters.Add(new NpgsqlParameter<Guid[]>("i", [.. jobs.Select(j => j.Id)]));
        parameters.Add(new NpgsqlParameter<Guid?[]>("w", [.. jobs.Select(j => j.WorkspaceId)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        parameters.Add(new NpgsqlParameter<string[]>("k", [.. jobs.Select(j => j.Kind)]));
        parameters.Add(new NpgsqlParameter<string[]>("p", [.. jobs.Select(j => j.Payload)]));
        parameters.Add(new NpgsqlParameter<string?[]>("d", [.. jobs.Select(j => j.DedupeKey)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<int[]>("m", [.. jobs.Select(j => j.MaxAttempts)]));
        parameters.Add(new NpgsqlParameter<DateTime[]>("r", [.. jobs.Select(j => Utc(j.RunAt))]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        parameters.Add(new NpgsqlParameter<DateTime[]>("c", [.. jobs.Select(j => Utc(j.CreatedAt))]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
