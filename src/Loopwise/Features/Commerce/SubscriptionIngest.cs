using Loopwise.Data;
using Loopwise.Features.Customers;
using Loopwise.Features.Responses;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Commerce;

/// <summary>
/// Subscriptions. A new one is inserted with a <c>started</c> event (and a <c>cancelled</c> one when it arrives
/// cancelled already); a stored one sent again with a cancellation time gets its <see cref="Subscription.CancelledAt"/>
/// set (once: it is never cleared or moved) and a <c>cancelled</c> event in the append-only
/// <see cref="SubscriptionEvent"/> log. The row holds the current state for simple queries, the log holds history.
/// Rollups: <see cref="SubscriptionRollup"/> by start and cancel day, <see cref="SubscriptionCancelRollup"/> by
/// (cancel day, start day).
/// </summary>
public sealed class SubscriptionIngest(LoopwiseDbContext db, SqliteWriteGate gate, TimeProvider clock, CustomerDirectory customers, FactSql sql)
    : FactIngest<SubscriptionInput, SubscriptionIngest.Fact>(db, gate, clock)
{
    private static readonly SqlColumn[] SubscriptionColumns =
    [
        new("workspace_id", SqlType.Uuid), new("id", SqlType.Uuid), new("external_id", SqlType.Text), new("customer_id", SqlType.Uuid),
        new("plan", SqlType.Text), new("started_at", SqlType.Timestamp), new("cancelled_at", SqlType.Timestamp),
        new("mrr_minor", SqlType.BigInt), new("currency", SqlType.Text),
    ];

    private static readonly SqlColumn[] EventColumns =
    [
        new("workspace_id", SqlType.Uuid), new("id", SqlType.Uuid), new("subscription_id", SqlType.Uuid), new("kind", SqlType.Text),
        new("at", SqlType.Timestamp), new("mrr_minor", SqlType.BigInt), new("recorded_at", SqlType.Timestamp),
    ];

    /// <summary>A checked subscription; <see cref="StoredId"/> is set for a cancellation of a stored one.</summary>
    public sealed record Fact(string ExternalId, string CustomerExternalId, string Plan, DateTime StartedAt, long MrrMinor, string Currency, DateTime? CancelledAt)
    {
        public Guid StoredId { get; set; }
    }

    protected override string Noun => "subscriptions";

    protected override string KeyField => "externalId";

    protected override Fact? Check(SubscriptionInput item, DateTime now, Action<string, string> fail)
    {
        var externalId = Text(item.ExternalId, "externalId", 100, required: true, fail);
        var customer = Text(item.CustomerExternalId, "customerExternalId", 200, required: true, fail);
        var plan = Text(item.Plan, "plan", 100, required: true, fail);
        var started = Time(item.StartedAt, "startedAt", required: true, now, fail);
        var cancelled = Time(item.CancelledAt, "cancelledAt", required: false, now, fail);
        var currency = Currency(item.Currency, "currency", fail);
        var bad = false;
        if (item.MrrMinor is not { } mrr || mrr < 0)
        {
            fail("mrrMinor", "Required: the monthly recurring revenue in minor units (cents), an integer of 0 or more.");
            bad = true;
        }

        if (started is { } s && cancelled is { } c && c < s)
        {
            fail("cancelledAt", "A subscription cannot be cancelled before it started.");
            bad = true;
        }

        return externalId is null || customer is null || plan is null || started is null || currency is null || bad || (item.CancelledAt is not null && cancelled is null)
            ? null
            : new Fact(externalId, customer, plan, OrderIngest.Precise(started.Value), item.MrrMinor!.Value, currency, cancelled is { } x ? OrderIngest.Precise(x) : null);
    }

    protected override string KeyOf(Fact fact) => fact.ExternalId;

    protected override async Task<FactState[]> CompareAsync(IReadOnlyList<Fact> facts, CancellationToken ct)
    {
        var ids = facts.Select(f => f.ExternalId).ToList();
        var stored = await Db.Set<Subscription>().AsNoTracking().Where(s => ids.Contains(s.ExternalId))
            .Join(Db.Set<Customer>(), s => s.CustomerId, c => c.Id, (s, c) => new { s.Id, Fact = new Fact(s.ExternalId, c.ExternalId, s.Plan, s.StartedAt, s.MrrMinor, s.Currency, s.CancelledAt) })
            .ToDictionaryAsync(s => s.Fact.ExternalId, StringComparer.Ordinal, ct);
        var states = new FactState[facts.Count];
        for (var i = 0; i < facts.Count; i++)
        {
            var f = facts[i];
            if (!stored.TryGetValue(f.ExternalId, out var row))
            {
                states[i] = new FactState(FactChange.Create);
                continue;
            }

            var s = row.Fact;
            string? field = s.CustomerExternalId != f.CustomerExternalId ? "customerExternalId"
                : s.Plan != f.Plan ? "plan"
                : OrderIngest.Precise(s.StartedAt) != f.StartedAt ? "startedAt"
                : s.MrrMinor != f.MrrMinor ? "mrrMinor"
                : s.Currency != f.Currency ? "currency"
                : null;
            if (field is not null)
            {
                states[i] = new FactState(FactChange.Conflict, field, $"The subscription '{f.ExternalId}' is stored with another {field}; only a cancellation can be added to a stored subscription (a plan or price change is a new subscription).");
            }
            else if (s.CancelledAt is null && f.CancelledAt is not null)
            {
                f.StoredId = row.Id;
                states[i] = new FactState(FactChange.Update);
            }
            else if (s.CancelledAt is { } was && (f.CancelledAt is not { } now || OrderIngest.Precise(was) != now))
            {
                states[i] = new FactState(FactChange.Conflict, "cancelledAt", FormattableString.Invariant($"The subscription '{f.ExternalId}' was cancelled at {was:yyyy-MM-dd'T'HH:mm:ss'Z'}; a cancellation cannot be undone or moved."));
            }
            else
            {
                states[i] = new FactState(FactChange.Unchanged);
            }
        }

        return states;
    }

    protected override async Task WriteAsync(Guid workspaceId, IReadOnlyList<Fact> created, IReadOnlyList<Fact> updated, int slot, CancellationToken ct)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var subscriptions = new List<object?[]>(created.Count);
        var events = new List<object?[]>(created.Count + updated.Count);
        var daily = new RollupSums(4);
        var cancels = new RollupSums(2);
        var customerIds = created.Count == 0
            ? []
            : await customers.ResolveAsync(workspaceId, created.Select(f => f.CustomerExternalId).Distinct(StringComparer.Ordinal).ToDictionary(c => c, _ => (string?)null, StringComparer.Ordinal), ct);
        foreach (var f in created)
        {
            var id = Guid.CreateVersion7(Clock.GetUtcNow());
            subscriptions.Add([workspaceId, id, f.ExternalId, customerIds[f.CustomerExternalId], f.Plan, f.StartedAt, f.CancelledAt, f.MrrMinor, f.Currency]);
            events.Add([workspaceId, Guid.CreateVersion7(Clock.GetUtcNow()), id, "started", f.StartedAt, f.MrrMinor, now]);
            daily.Add([DayOf(f.StartedAt), f.Plan, f.Currency], 1, 0, f.MrrMinor, 0);
            f.StoredId = id;
        }

        foreach (var f in created.Where(f => f.CancelledAt is not null).Concat(updated))
        {
            var cancelled = f.CancelledAt!.Value;
            events.Add([workspaceId, Guid.CreateVersion7(Clock.GetUtcNow()), f.StoredId, "cancelled", cancelled, f.MrrMinor, now]);
            daily.Add([DayOf(cancelled), f.Plan, f.Currency], 0, 1, 0, f.MrrMinor);
            cancels.Add([DayOf(cancelled), DayOf(f.StartedAt), f.Plan, f.Currency], 1, f.MrrMinor);
        }

        await sql.InsertAsync("subscriptions", SubscriptionColumns, subscriptions, null, ct);
        foreach (var f in updated)
        {
            var changed = await sql.ExecuteAsync(
                "UPDATE subscriptions SET cancelled_at = @c WHERE workspace_id = @w AND id = @id AND cancelled_at IS NULL",
                [("c", SqlType.Timestamp, f.CancelledAt), ("w", SqlType.Uuid, workspaceId), ("id", SqlType.Uuid, f.StoredId)], ct);
            if (changed != 1)
            {
                throw new FactRaceException($"The subscription '{f.ExternalId}' was cancelled meanwhile by another request.");
            }
        }

        await sql.InsertAsync("subscription_events", EventColumns, events, null, ct);
        await sql.UpsertSumsAsync(
            "subscription_rollups", OrderIngest.Keys("day", SqlType.Date, "plan", SqlType.Text, "currency", SqlType.Text),
            ["started", "cancelled", "started_mrr_minor", "cancelled_mrr_minor"], daily.Rows(workspaceId, slot), ct);
        await sql.UpsertSumsAsync(
            "subscription_cancel_rollups", OrderIngest.Keys("cancel_day", SqlType.Date, "start_day", SqlType.Date, "plan", SqlType.Text, "currency", SqlType.Text),
            ["cancelled", "cancelled_mrr_minor"], cancels.Rows(workspaceId, slot), ct);
    }
}

/// <summary>A stored fact changed between the check and the write (a concurrent request): the batch is refused.</summary>
public sealed class FactRaceException(string message) : Exception(message);
