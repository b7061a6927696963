using System.Data;
using System.Data.Common;
using System.Globalization;
using Loopwise.Core.Kpis;
using Loopwise.Data;
using Loopwise.Features.Alerts;
using Loopwise.Features.Jobs;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Loopwise.Features.Targets;

/// <summary>
/// Records the event "a KPI entered its action threshold" (issue 3; cx-reference.md §10) for the current workspace:
/// each status is compared with the last one seen (<c>kpi_status_snapshots</c>), <see cref="ThresholdCrossing.Detect"/>
/// decides, and the snapshots are updated, all in one transaction. At most one event per KPI and period
/// (a unique key, <c>INSERT ... ON CONFLICT DO NOTHING</c>), so checking a period again records nothing new.
/// </summary>
public sealed class ThresholdMonitor(LoopwiseDbContext db, SqliteWriteGate gate, TimeProvider clock, JobQueue queue)
{
    public const int MaxEvents = 1000;

    /// <summary>
    /// Compares each of <paramref name="current"/> (one per KPI) with its snapshot, records the crossings into Action
    /// for <paramref name="period"/> (e.g. <c>2026-11</c>) and stores the new statuses. Returns the events recorded now.
    /// </summary>
    /// <exception cref="ArgumentException">The period is empty or longer than 16 characters, or a KPI appears twice.</exception>
    public async Task<IReadOnlyList<ThresholdCrossing>> CheckAsync(IReadOnlyList<KpiStatusResult> current, string period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentException.ThrowIfNullOrWhiteSpace(period);
        if (period.Length > 16)
        {
            throw new ArgumentException("A period has at most 16 characters, e.g. 2026-11.", nameof(period));
        }

        if (current.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"'{twice.Key}' appears more than once.", nameof(current));
        }

        var workspaceId = db.Scope.WorkspaceId;
        var now = clock.GetUtcNow().UtcDateTime;
        var values = new SqlValue(db.IsPostgres);
        var recorded = new List<ThresholdCrossing>();
        var alerts = new List<NewJob>();
        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var before = await db.Set<KpiStatusSnapshot>().AsNoTracking().ToDictionaryAsync(s => s.KpiId, s => s.Status, StringComparer.Ordinal, ct);
            var connection = db.Database.GetDbConnection();
            await using var insert = Command(connection, transaction,
                "INSERT INTO kpi_threshold_events (workspace_id, id, kpi_id, period, value, n, threshold, direction, status_before, occurred_at) " +
                "VALUES (@w, @id, @k, @p, @v, @n, @t, @d, @b, @at) ON CONFLICT (workspace_id, kpi_id, period) DO NOTHING",
                ("w", DbType.Object), ("id", DbType.Object), ("k", DbType.String), ("p", DbType.String), ("v", DbType.Double),
                ("n", DbType.Int64), ("t", DbType.String), ("d", DbType.String), ("b", DbType.String), ("at", DbType.Object));
            await using var upsert = Command(connection, transaction,
                "INSERT INTO kpi_status_snapshots (workspace_id, kpi_id, status, value, n, period, evaluated_at) " +
                "VALUES (@w, @k, @s, @v, @n, @p, @at) ON CONFLICT (workspace_id, kpi_id) DO UPDATE SET " +
                "status = excluded.status, value = excluded.value, n = excluded.n, period = excluded.period, evaluated_at = excluded.evaluated_at",
                ("w", DbType.Object), ("k", DbType.String), ("s", DbType.String), ("v", DbType.Double), ("n", DbType.Int64),
                ("p", DbType.String), ("at", DbType.Object));

            foreach (var result in current.OrderBy(r => r.Id.Value, StringComparer.Ordinal))
            {
                var kpi = result.Id.Value;
                KpiStatus? previous = before.TryGetValue(kpi, out var text) && Enum.TryParse<KpiStatus>(text, out var parsed) ? parsed : null;
                if (ThresholdCrossing.Detect(previous, result) is { } crossing)
                {
                    var eventId = Guid.CreateVersion7(clock.GetUtcNow());
                    Set(insert, values.Of(workspaceId), values.Of(eventId), kpi, period, crossing.Value, crossing.N,
                        crossing.Threshold.ToString(), crossing.Direction.ToString(), previous?.ToString() ?? (object)DBNull.Value, values.Of(now));
                    if (await insert.ExecuteNonQueryAsync(ct) == 1)
                    {
                        recorded.Add(crossing);
                        alerts.Add(KpiAlertJob.For(workspaceId, new KpiAlertJob.Payload(
                            eventId, kpi, period, crossing.Value, crossing.N, crossing.Threshold.ToString(), crossing.Direction.ToString())));
                    }
                }

                Set(upsert, values.Of(workspaceId), kpi, result.Status.ToString(), result.Value is { } v ? v : DBNull.Value, result.N, period, values.Of(now));
                await upsert.ExecuteNonQueryAsync(ct);
            }

            // The KPI alert rules' evaluation commits with the events (ADR 12).
            if (alerts.Count > 0)
            {
                await queue.EnqueueAsync(connection, transaction.GetDbTransaction(), alerts, ct);
            }

            await transaction.CommitAsync(ct);
        }

        return recorded;
    }

    /// <summary>
    /// The current workspace's events that occurred between the UTC days <paramref name="from"/> and <paramref name="to"/>
    /// (inclusive, yyyy-MM-dd, both optional), newest first, at most <see cref="MaxEvents"/>.
    /// </summary>
    public async Task<Result<List<ThresholdEventDto>>> ListEventsAsync(string? from, string? to, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var first = Day(from, "from", errors);
        var last = Day(to, "to", errors);
        if (first is { } f && last is { } l && f > l)
        {
            errors["from"] = ["from must not be after to."];
        }

        if (errors.Count > 0)
        {
            return new Error.Invalid(errors);
        }

        var query = db.Set<KpiThresholdEvent>().AsNoTracking();
        if (first is { } start)
        {
            var at = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.OccurredAt >= at);
        }

        if (last is { } end)
        {
            var before = end.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.OccurredAt < before);
        }

        var rows = await query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(MaxEvents).ToListAsync(ct);
        return rows.Select(e => new ThresholdEventDto(
            e.Id, e.KpiId, e.Period, e.Value, e.N, e.Threshold, Enum.Parse<CrossingDirection>(e.Direction),
            e.StatusBefore is { } s && Enum.TryParse<KpiStatus>(s, out var status) ? status : null, e.OccurredAt)).ToList();
    }

    private static DateOnly? Day(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[field] = [$"'{text}' is not a date; use yyyy-MM-dd (a UTC calendar day)."];
        return null;
    }

    private static DbCommand Command(DbConnection connection, IDbContextTransaction transaction, string sql, params (string Name, DbType Type)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = sql;
        foreach (var (name, type) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            if (type != DbType.Object)
            {
                parameter.DbType = type;
            }

            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static void Set(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }
}
