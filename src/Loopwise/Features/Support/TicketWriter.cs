using System.Data.Common;
using System.Globalization;
using System.Text;
using Loopwise.Core.Support;
using Loopwise.Data;
using Loopwise.Features.Responses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Loopwise.Features.Support;

/// <summary>One event to append, before it has a sequence number.</summary>
public sealed record TicketEventData(DateTime At, string Kind, string? Direction = null, string? Author = null, bool? Public = null, string? Status = null, bool? Flag = null);

/// <summary>
/// Stores ticket facts and keeps the ticket summaries and rollups in step, in the caller's transaction (or its own).
/// New tickets get their created event; appended events get the next sequence numbers. Every ticket touched, and every
/// other ticket of the same customer and issue key, has its summary derived again with the Core rules; the difference
/// between its old and new contribution goes to its creation day's rollup rows (old out, new in).
/// Ticket and event rows go through EF (batched inserts); rollups through raw upserts (PostgreSQL: arrays + unnest,
/// SQLite: multi-row INSERT ... ON CONFLICT), keys sorted.
/// </summary>
public sealed class TicketWriter(LoopwiseDbContext db, SupportSettingsService settings)
{
    private const int SqliteRowsPerUpsert = 16;
    private const int SmallWrite = 4;

    public async Task WriteAsync(Guid workspaceId, IReadOnlyList<Ticket> newTickets, IReadOnlyList<(Guid TicketId, TicketEventData Event)> events, CancellationToken ct)
    {
        if (newTickets.Count == 0 && events.Count == 0)
        {
            return;
        }

        var rules = await settings.RulesAsync(ct);
        var delta = new TicketRollupDelta();
        var newIds = newTickets.Select(t => t.Id).ToHashSet();
        var existingIds = events.Select(e => e.TicketId).Where(id => !newIds.Contains(id)).Distinct().ToList();
        var existing = existingIds.Count == 0 ? [] : await db.Set<Ticket>().Where(t => existingIds.Contains(t.Id)).ToListAsync(ct);
        var timelines = new Dictionary<Guid, List<TicketEvent>>();
        if (existingIds.Count > 0)
        {
            foreach (var stored in await db.Set<TicketEvent>().AsNoTracking().Where(e => existingIds.Contains(e.TicketId)).ToListAsync(ct))
            {
                Timeline(timelines, stored.TicketId).Add(stored);
            }
        }

        foreach (var t in existing)
        {
            delta.Add(t, -1);
        }

        var touched = new Dictionary<Guid, Ticket>();
        var added = new List<TicketEvent>();
        foreach (var t in newTickets)
        {
            touched[t.Id] = t;
            var created = new TicketEvent { WorkspaceId = workspaceId, TicketId = t.Id, Seq = 0, At = t.CreatedAt, Kind = "created", Author = t.CreatedBy };
            t.EventCount = 1;
            Timeline(timelines, t.Id).Add(created);
            added.Add(created);
        }

        foreach (var t in existing)
        {
            touched[t.Id] = t;
        }

        foreach (var (ticketId, e) in events)
        {
            var t = touched[ticketId];
            var row = new TicketEvent
            {
                WorkspaceId = workspaceId, TicketId = ticketId, Seq = t.EventCount++, At = e.At, Kind = e.Kind, Direction = e.Direction,
                Author = e.Author, IsPublic = e.Public, Status = e.Status, Flag = e.Flag,
            };
            Timeline(timelines, ticketId).Add(row);
            added.Add(row);
        }

        foreach (var t in touched.Values)
        {
            Apply(t, timelines[t.Id], rules);
        }

        var members = await RelinkAsync(workspaceId, touched, rules.FcrWindowDays, delta, ct);
        foreach (var t in touched.Values.Concat(members))
        {
            delta.Add(t, 1);
        }

        delta.Compact();
        db.AddRange(newTickets);
        await InTransactionAsync(async () =>
        {
            // Tickets first: EF does not order the event rows after them (no navigation), and events reference them.
            await db.SaveChangesAsync(ct);
            db.AddRange(added);
            await db.SaveChangesAsync(ct);
            await ApplyAsync(workspaceId, delta, touched.Count + members.Count <= SmallWrite && db.IsPostgres ? RollupSlots.Random() : 0, ct);
        }, ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Derives a ticket's summary (all but the issue links) from its events with the Core rules.</summary>
    public static void Apply(Ticket t, List<TicketEvent> events, SupportRules rules)
    {
        var ordered = events.OrderBy(e => e.At).ThenBy(e => e.Seq).ToList();
        var facts = TicketTimeline.Derive([.. ordered.Select(e => e.ToTimeline())], rules.Calendar);
        t.Status = ordered.LastOrDefault(e => e.Kind == "status")?.Status ?? "new";
        t.ClockStartedAt = facts.ClockStartAt;
        t.FirstResponseAt = facts.FirstResponseAt;
        t.FrtSeconds = facts.FrtSeconds;
        t.FrtBusinessSeconds = facts.FrtBusinessSeconds;
        t.SlaMet = Sla.Met(facts.FrtBusinessSeconds, rules.SlaTargetSeconds);
        t.SolvedAt = facts.SolvedAt;
        t.ReopenedCount = facts.ReopenCount;
        t.Contacts = facts.Contacts;
        t.Transferred = facts.Transferred;
        t.AgentFlaggedFcr = facts.AgentFlagged;
        t.CustomerReturnAt = facts.CustomerReturnAt;
    }

    /// <summary>The Core issue contact of a ticket whose summary is derived.</summary>
    public static IssueContact Contact(Ticket t) =>
        new(t.Id, t.CreatedAt, t.CreatedBy == "customer" || t.Contacts > 0, t.CustomerReturnAt);

    /// <summary>Sets first-contact and repeat links of the touched tickets and of the other tickets of their issues; returns those others.</summary>
    private async Task<List<Ticket>> RelinkAsync(Guid workspaceId, Dictionary<Guid, Ticket> touched, int windowDays, TicketRollupDelta delta, CancellationToken ct)
    {
        var grouped = touched.Values.Where(t => t.CustomerId is not null && t.IssueKey is not null).ToList();
        var members = new List<Ticket>();
        if (grouped.Count > 0)
        {
            var pairs = grouped.Select(t => (Customer: t.CustomerId!.Value, Key: t.IssueKey!)).Distinct().ToList();
            var candidates = await IssueTicketsAsync(workspaceId, pairs, ct);
            members = [.. candidates.Where(c => !touched.ContainsKey(c.Id))];
            foreach (var m in members)
            {
                delta.Add(m, -1);
            }
        }

        foreach (var group in touched.Values.Concat(members).GroupBy(t => t.CustomerId is null || t.IssueKey is null ? (null, null, t.Id) : (t.CustomerId, t.IssueKey, Guid.Empty)))
        {
            var tickets = group.ToDictionary(t => t.Id);
            foreach (var link in RepeatContacts.Link([.. group.Select(Contact)], windowDays))
            {
                tickets[link.TicketId].IsFirstContact = link.IsFirstContact;
                tickets[link.TicketId].RepeatContactAt = link.RepeatAt;
            }
        }

        return members;
    }

    /// <summary>
    /// The stored tickets of the given (customer, issue key) pairs, tracked. One index seek per pair: a filter of
    /// customers IN (...) AND keys IN (...) made SQLite seek every customer with every key (25 million seeks for a
    /// batch of 5 000 tickets with their own issues).
    /// </summary>
    private async Task<List<Ticket>> IssueTicketsAsync(Guid workspaceId, List<(Guid Customer, string Key)> pairs, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            return await db.Set<Ticket>()
                .FromSqlRaw(
                    "SELECT t.* FROM unnest({0}, {1}) AS w(customer_id, issue_key) " +
                    "JOIN tickets AS t ON t.workspace_id = {2} AND t.customer_id = w.customer_id AND t.issue_key = w.issue_key",
                    new NpgsqlParameter<Guid[]>("customers", [.. pairs.Select(p => p.Customer)]),
                    new NpgsqlParameter<string[]>("keys", [.. pairs.Select(p => p.Key)]),
                    new NpgsqlParameter<Guid>("workspace", workspaceId))
                .ToListAsync(ct);
        }

        // SQLite: the pairs as one JSON array parameter; Guids as EF stores them (upper-case text). CROSS JOIN keeps the
        // pairs outside (SQLite's planner does not know json_each is short and would scan the workspace's tickets).
        var values = new SqlValue(postgres: false);
        var json = System.Text.Json.JsonSerializer.Serialize(pairs.Select(p => new[] { (string)values.Of(p.Customer), p.Key }));
        return await db.Set<Ticket>()
            .FromSqlRaw(
                "SELECT t.* FROM json_each({0}) AS w " +
                "CROSS JOIN tickets AS t ON t.workspace_id = {1} AND t.customer_id = json_extract(w.value, '$[0]') AND t.issue_key = json_extract(w.value, '$[1]')",
                json,
                values.Of(workspaceId))
            .ToListAsync(ct);
    }

    private static List<TicketEvent> Timeline(Dictionary<Guid, List<TicketEvent>> timelines, Guid ticketId)
    {
        if (!timelines.TryGetValue(ticketId, out var list))
        {
            timelines[ticketId] = list = [];
        }

        return list;
    }

    /// <summary>Adds the delta to the day rollups and, folded by month, to the month rollups (one round trip on PostgreSQL).</summary>
    private async Task ApplyAsync(Guid workspaceId, TicketRollupDelta delta, int slot, CancellationToken ct)
    {
        var grains = RollupGrain.All.Select(grain => (Grain: grain, Delta: ReferenceEquals(grain, RollupGrain.Month) ? delta.ByMonth() : delta)).ToList();
        await db.Database.OpenConnectionAsync(ct);
        if (db.IsPostgres)
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection())
            {
                Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
            };
            foreach (var (grain, changes) in grains)
            {
                foreach (var command in UpsertPostgres(workspaceId, changes, grain, slot))
                {
                    batch.BatchCommands.Add(command);
                }
            }

            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(ct);
            }

            return;
        }

        foreach (var (grain, changes) in grains)
        {
            await UpsertSqliteAsync(workspaceId, changes, grain, ct);
        }
    }

    private static List<KeyValuePair<TicketRollupDelta.Key, long[]>> SortedCounts(TicketRollupDelta delta) =>
        [.. delta.Counts.OrderBy(c => c.Key.Day).ThenBy(c => c.Key.Channel, StringComparer.Ordinal).ThenBy(c => c.Key.TouchpointId)];

    private static List<KeyValuePair<TicketRollupDelta.DurationKey, long>> SortedDurations(TicketRollupDelta delta) =>
        [.. delta.Durations.OrderBy(c => c.Key.Day).ThenBy(c => c.Key.Channel, StringComparer.Ordinal).ThenBy(c => c.Key.TouchpointId)
            .ThenBy(c => c.Key.Clock, StringComparer.Ordinal).ThenBy(c => c.Key.Bucket)];

    private static string Sums(string table) => string.Join(", ", TicketRollupDelta.Columns.Select(c => $"{c} = {table}.{c} + excluded.{c}"));

    private static IEnumerable<NpgsqlBatchCommand> UpsertPostgres(Guid workspaceId, TicketRollupDelta delta, RollupGrain grain, int slot)
    {
        var counts = SortedCounts(delta);
        var durations = SortedDurations(delta);
        var columns = TicketRollupDelta.Columns;
        var period = grain.Column;
        if (counts.Count > 0)
        {
            var table = grain.Table("ticket");
            var names = string.Join(", ", columns.Select((_, i) => "c" + i.ToString(CultureInfo.InvariantCulture)));
            var command = new NpgsqlBatchCommand(
                $"INSERT INTO {table} (workspace_id, {period}, channel, touchpoint_id, slot, {string.Join(", ", columns)}) " +
                $"SELECT @w, d, ch, t, @slot, {names} FROM unnest(@d, @ch, @t, {string.Join(", ", columns.Select((_, i) => "@c" + i.ToString(CultureInfo.InvariantCulture)))}) AS x(d, ch, t, {names}) " +
                $"ON CONFLICT (workspace_id, {period}, channel, touchpoint_id, slot) DO UPDATE SET {Sums(table)}");
            command.Parameters.Add(new NpgsqlParameter<Guid>("w", workspaceId));
            command.Parameters.Add(new NpgsqlParameter<int>("slot", slot));
            command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("d", [.. counts.Select(c => c.Key.Day)]));
            command.Parameters.Add(new NpgsqlParameter<string[]>("ch", [.. counts.Select(c => c.Key.Channel)]));
            command.Parameters.Add(new NpgsqlParameter<Guid[]>("t", [.. counts.Select(c => c.Key.TouchpointId)]));
            for (var i = 0; i < columns.Length; i++)
            {
                var column = i;
                command.Parameters.Add(new NpgsqlParameter<long[]>("c" + i.ToString(CultureInfo.InvariantCulture), [.. counts.Select(c => c.Value[column])]));
            }

            yield return command;
        }

        if (durations.Count > 0)
        {
            var table = grain.Table("ticket_duration");
            var command = new NpgsqlBatchCommand(
                $"INSERT INTO {table} (workspace_id, {period}, channel, touchpoint_id, clock, bucket, slot, count) " +
                "SELECT @w, d, ch, t, k, b, @slot, n FROM unnest(@d, @ch, @t, @k, @b, @n) AS x(d, ch, t, k, b, n) " +
                $"ON CONFLICT (workspace_id, {period}, channel, touchpoint_id, clock, bucket, slot) DO UPDATE SET count = {table}.count + excluded.count");
            command.Parameters.Add(new NpgsqlParameter<Guid>("w", workspaceId));
            command.Parameters.Add(new NpgsqlParameter<int>("slot", slot));
            command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("d", [.. durations.Select(c => c.Key.Day)]));
            command.Parameters.Add(new NpgsqlParameter<string[]>("ch", [.. durations.Select(c => c.Key.Channel)]));
            command.Parameters.Add(new NpgsqlParameter<Guid[]>("t", [.. durations.Select(c => c.Key.TouchpointId)]));
            command.Parameters.Add(new NpgsqlParameter<string[]>("k", [.. durations.Select(c => c.Key.Clock)]));
            command.Parameters.Add(new NpgsqlParameter<int[]>("b", [.. durations.Select(c => c.Key.Bucket)]));
            command.Parameters.Add(new NpgsqlParameter<long[]>("n", [.. durations.Select(c => c.Value)]));
            yield return command;
        }
    }

    private async Task UpsertSqliteAsync(Guid workspaceId, TicketRollupDelta delta, RollupGrain grain, CancellationToken ct)
    {
        var counts = SortedCounts(delta);
        var durations = SortedDurations(delta);
        var columns = TicketRollupDelta.Columns;
        var period = grain.Column;
        var values = new SqlValue(postgres: false);
        var table = grain.Table("ticket");
        for (var start = 0; start < counts.Count; start += SqliteRowsPerUpsert)
        {
            var chunk = counts.GetRange(start, Math.Min(SqliteRowsPerUpsert, counts.Count - start));
            await ExecuteSqliteAsync(
                $"INSERT INTO {table} (workspace_id, {period}, channel, touchpoint_id, {string.Join(", ", columns)}) VALUES ",
                $"ON CONFLICT (workspace_id, {period}, channel, touchpoint_id, slot) DO UPDATE SET {Sums(table)}",
                values.Of(workspaceId),
                chunk.Select(c => new object[] { values.Of(c.Key.Day), c.Key.Channel, values.Of(c.Key.TouchpointId) }.Concat(c.Value.Cast<object>()).ToArray()),
                ct);
        }

        var durationTable = grain.Table("ticket_duration");
        for (var start = 0; start < durations.Count; start += SqliteRowsPerUpsert)
        {
            var chunk = durations.GetRange(start, Math.Min(SqliteRowsPerUpsert, durations.Count - start));
            await ExecuteSqliteAsync(
                $"INSERT INTO {durationTable} (workspace_id, {period}, channel, touchpoint_id, clock, bucket, count) VALUES ",
                $"ON CONFLICT (workspace_id, {period}, channel, touchpoint_id, clock, bucket, slot) DO UPDATE SET count = {durationTable}.count + excluded.count",
                values.Of(workspaceId),
                chunk.Select(c => new object[] { values.Of(c.Key.Day), c.Key.Channel, values.Of(c.Key.TouchpointId), c.Key.Clock, c.Key.Bucket, c.Value }),
                ct);
        }
    }

    private async Task ExecuteSqliteAsync(string insert, string onConflict, object workspace, IEnumerable<object[]> rows, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var sql = new StringBuilder(insert);
        Add(command, "$w").Value = workspace;
        var n = 0;
        var first = true;
        foreach (var row in rows)
        {
            sql.Append(first ? "($w" : ",($w");
            first = false;
            foreach (var value in row)
            {
                var name = "$p" + n.ToString(CultureInfo.InvariantCulture);
                n++;
                sql.Append(',').Append(name);
                Add(command, name).Value = value;
            }

            sql.Append(')');
        }

        command.CommandText = sql.Append(' ').Append(onConflict).ToString();
        await command.ExecuteNonQueryAsync(ct);
    }

    private static DbParameter Add(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
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
}
