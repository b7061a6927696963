using System.Globalization;
using Loopwise.Data;
using Loopwise.Features.Responses;
using Loopwise.Features.Touchpoints;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Support;

/// <summary>
/// Stores a batch of tickets and ticket events sent by a machine: every item is validated first and a batch with any
/// invalid item stores nothing (field paths such as <c>tickets[3].events[1].status</c>). New tickets and events for
/// stored tickets (by external id) may be mixed.
/// </summary>
public sealed class IngestTickets(LoopwiseDbContext db, TicketWriter writer, CustomerDirectory customers, SqliteWriteGate gate, TimeProvider clock)
{
    public const int MaxBatchSize = 10_000;

    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    /// <summary>Validates and stores; <paramref name="beforeCommit"/> runs inside the transaction with the outcome (idempotency record).</summary>
    public async Task<Result<TicketBatchResult>> HandleAsync(
        Guid workspaceId, IReadOnlyList<TicketInput?> items, Func<TicketBatchResult, CancellationToken, Task>? beforeCommit, CancellationToken ct)
    {
        if (items.Count is 0 or > MaxBatchSize)
        {
            return Error.Invalid.Field("tickets", $"Send 1 to {MaxBatchSize.ToString(CultureInfo.InvariantCulture)} tickets; this batch has {items.Count.ToString(CultureInfo.InvariantCulture)}.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var externalIds = items.Select(i => i?.ExternalId?.Trim()).Where(x => !string.IsNullOrEmpty(x)).Select(x => x!).Distinct(StringComparer.Ordinal).ToList();
        var stored = await db.Set<Ticket>().AsNoTracking().Where(t => externalIds.Contains(t.ExternalId))
            .Select(t => new { t.ExternalId, t.Id, t.CreatedAt }).ToDictionaryAsync(t => t.ExternalId, StringComparer.Ordinal, ct);
        var touchpointKeys = items.Select(i => i?.TouchpointKey?.Trim()).Where(k => !string.IsNullOrEmpty(k)).Distinct(StringComparer.Ordinal).ToList();
        var touchpoints = await db.Set<Touchpoint>().AsNoTracking().Where(t => touchpointKeys.Contains(t.Key)).ToDictionaryAsync(t => t.Key, t => t.Id, StringComparer.Ordinal, ct);

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var newTickets = new List<(Ticket Ticket, string? Customer)>();
        var events = new List<(Guid, TicketEventData)>();
        var ids = new Guid[items.Count];
        var updated = new HashSet<Guid>();
        for (var i = 0; i < items.Count; i++)
        {
            var prefix = $"tickets[{i.ToString(CultureInfo.InvariantCulture)}].";
            void Fail(string field, string message) => Add(errors, prefix + field, message);
            var item = items[i];
            if (item is null)
            {
                Fail("externalId", "A ticket is required.");
                continue;
            }

            var externalId = item.ExternalId?.Trim();
            if (string.IsNullOrEmpty(externalId) || externalId.Length > 100)
            {
                Fail("externalId", "An external id of 1 to 100 characters is required.");
                continue;
            }

            if (!seen.TryAdd(externalId, i))
            {
                Fail("externalId", $"The external id '{externalId}' is also used by item {seen[externalId].ToString(CultureInfo.InvariantCulture)} of this batch.");
                continue;
            }

            Guid ticketId;
            DateTime createdAt;
            if (stored.TryGetValue(externalId, out var existing))
            {
                if (item.Channel is not null || item.CreatedAt is not null || item.CustomerExternalId is not null || item.CreatedBy is not null
                    || item.TouchpointKey is not null || item.IssueKey is not null || item.Subject is not null)
                {
                    Fail("externalId", $"A ticket '{externalId}' is stored already: send only its externalId and new events.");
                    continue;
                }

                ticketId = existing.Id;
                createdAt = existing.CreatedAt;
                updated.Add(ticketId);
            }
            else
            {
                var ticket = ReadNew(workspaceId, item, externalId, touchpoints, now, Fail);
                if (ticket is null)
                {
                    continue;
                }

                ticketId = ticket.Id;
                createdAt = ticket.CreatedAt;
                newTickets.Add((ticket, item.CustomerExternalId?.Trim()));
            }

            ids[i] = ticketId;
            for (var e = 0; e < (item.Events?.Count ?? 0); e++)
            {
                var path = $"events[{e.ToString(CultureInfo.InvariantCulture)}].";
                if (ReadEvent(item.Events![e], createdAt, now, (f, m) => Fail(path + f, m)) is { } data)
                {
                    events.Add((ticketId, data));
                }
            }
        }

        if (errors.Count > 0)
        {
            var bad = errors.Keys.Select(k => k[..(k.IndexOf(']', StringComparison.Ordinal) + 1)]).Distinct(StringComparer.Ordinal).Count();
            return new Error.Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal),
                $"{bad.ToString(CultureInfo.InvariantCulture)} of {items.Count.ToString(CultureInfo.InvariantCulture)} tickets are invalid; nothing was stored.");
        }

        var result = new TicketBatchResult(newTickets.Count, updated.Count, ids);
        using var turn = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var wanted = newTickets.Where(t => t.Customer is not null).Select(t => t.Customer!).Distinct(StringComparer.Ordinal).ToDictionary(c => c, _ => (string?)null, StringComparer.Ordinal);
        var customerIds = wanted.Count == 0 ? [] : await customers.ResolveAsync(workspaceId, wanted, ct);
        var tickets = newTickets.Select(t => t.Customer is null ? t.Ticket : WithCustomer(t.Ticket, customerIds[t.Customer])).ToList();
        await writer.WriteAsync(workspaceId, tickets, events, ct);
        if (beforeCommit is not null)
        {
            await beforeCommit(result, ct);
        }

        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>A new ticket from its input, or null after reporting its errors.</summary>
    public static Ticket? ReadNew(Guid workspaceId, TicketInput item, string externalId, IReadOnlyDictionary<string, Guid> touchpoints, DateTime now, Action<string, string> fail)
    {
        var ok = true;
        void Fail(string field, string message)
        {
            ok = false;
            fail(field, message);
        }

        var channel = item.Channel?.Trim().ToLowerInvariant();
        if (channel is null || !TicketChannels.IsKnown(channel))
        {
            Fail("channel", $"The channel is one of {string.Join(", ", TicketChannels.All)}.");
        }

        if (item.CreatedAt is not { } created)
        {
            Fail("createdAt", "The creation time is required for a new ticket.");
            created = default;
        }
        else if (Utc(created) > now + FutureTolerance)
        {
            Fail("createdAt", "The creation time is in the future.");
        }

        var createdBy = item.CreatedBy?.Trim().ToLowerInvariant() ?? "customer";
        if (createdBy is not ("customer" or "agent"))
        {
            Fail("createdBy", "createdBy is customer or agent.");
        }

        var touchpointId = Guid.Empty;
        if (!string.IsNullOrWhiteSpace(item.TouchpointKey) && !touchpoints.TryGetValue(item.TouchpointKey.Trim(), out touchpointId))
        {
            Fail("touchpointKey", $"There is no touchpoint with key '{item.TouchpointKey}'.");
        }

        if (item.CustomerExternalId is { } customer && customer.Trim().Length is 0 or > 200)
        {
            Fail("customerExternalId", "A customer id has 1 to 200 characters.");
        }

        if (item.IssueKey is { Length: > 200 })
        {
            Fail("issueKey", "An issue key has at most 200 characters.");
        }

        if (item.Subject is { Length: > 500 })
        {
            Fail("subject", "A subject has at most 500 characters.");
        }

        return !ok ? null : new Ticket
        {
            WorkspaceId = workspaceId, Id = Guid.CreateVersion7(), ExternalId = externalId, Channel = channel!, TouchpointId = touchpointId,
            IssueKey = string.IsNullOrWhiteSpace(item.IssueKey) ? null : item.IssueKey.Trim(), Subject = item.Subject, CreatedAt = Utc(created),
            CreatedBy = createdBy, Status = "new",
        };
    }

    /// <summary>An event from its input, or null after reporting its errors.</summary>
    public static TicketEventData? ReadEvent(TicketEventInput? e, DateTime createdAt, DateTime now, Action<string, string> fail)
    {
        if (e is null)
        {
            fail("kind", "An event is required.");
            return null;
        }

        var ok = true;
        void Fail(string field, string message)
        {
            ok = false;
            fail(field, message);
        }

        var kind = e.Kind?.Trim().ToLowerInvariant();
        if (kind is null || !SupportNames.Kinds.Contains(kind, StringComparer.Ordinal))
        {
            Fail("kind", $"The kind is one of {string.Join(", ", SupportNames.Kinds)}.");
        }

        var at = e.At is { } a ? Utc(a) : default;
        if (e.At is null)
        {
            Fail("at", "The time of the event is required.");
        }
        else if (at < createdAt)
        {
            Fail("at", "An event cannot happen before its ticket was created.");
        }
        else if (at > now + FutureTolerance)
        {
            Fail("at", "The time of the event is in the future.");
        }

        var direction = e.Direction?.Trim().ToLowerInvariant();
        var author = e.Author?.Trim().ToLowerInvariant();
        var status = e.Status?.Trim().ToLowerInvariant();
        switch (kind)
        {
            case "message":
                if (direction is not ("inbound" or "outbound"))
                {
                    Fail("direction", "A message's direction is inbound or outbound.");
                }

                if (direction == "outbound")
                {
                    author ??= "human";
                    if (!SupportNames.Authors.Contains(author, StringComparer.Ordinal))
                    {
                        Fail("author", "An outbound message's author is human, bot or system.");
                    }
                }
                else
                {
                    author = null;
                }

                break;
            case "status":
                if (status is null || !SupportNames.Statuses.Contains(status, StringComparer.Ordinal))
                {
                    Fail("status", $"The status is one of {string.Join(", ", SupportNames.Statuses)}.");
                }

                break;
        }

        return !ok ? null : new TicketEventData(at, kind!, kind == "message" ? direction : null, kind == "message" ? author : null,
            kind == "message" ? e.Public ?? true : null, kind == "status" ? status : null, kind == "resolved_flag" ? e.Flag ?? true : null);
    }

    private static Ticket WithCustomer(Ticket t, Guid customerId) => new()
    {
        WorkspaceId = t.WorkspaceId, Id = t.Id, ExternalId = t.ExternalId, CustomerId = customerId, Channel = t.Channel, TouchpointId = t.TouchpointId,
        IssueKey = t.IssueKey, Subject = t.Subject, CreatedAt = t.CreatedAt, CreatedBy = t.CreatedBy, Status = t.Status,
    };

    private static void Add(Dictionary<string, List<string>> errors, string path, string message)
    {
        if (!errors.TryGetValue(path, out var list))
        {
            errors[path] = list = [];
        }

        list.Add(message);
    }

    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
