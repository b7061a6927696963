using Loopwise.Data;
using Loopwise.Features.Customers;
using Loopwise.Features.Responses;
using Loopwise.Features.Touchpoints;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Commerce;

/// <summary>
/// Orders: inserted with their revenue rollup (per day and currency) and the customer's activity month, in one
/// transaction. An order is immutable: the same external id with the same values is a duplicate, with other values a
/// conflict (a correction is a new order, e.g. a negative refund).
/// </summary>
public sealed class OrderIngest(LoopwiseDbContext db, SqliteWriteGate gate, TimeProvider clock, CustomerDirectory customers, FactSql sql)
    : FactIngest<OrderInput, OrderIngest.Fact>(db, gate, clock)
{
    private static readonly SqlColumn[] OrderColumns =
    [
        new("workspace_id", SqlType.Uuid), new("id", SqlType.Uuid), new("external_id", SqlType.Text), new("customer_id", SqlType.Uuid),
        new("ordered_at", SqlType.Timestamp), new("amount_minor", SqlType.BigInt), new("currency", SqlType.Text),
        new("channel", SqlType.Text), new("touchpoint_id", SqlType.Uuid),
    ];

    private Dictionary<string, Guid> _touchpoints = new(StringComparer.Ordinal);

    /// <summary>A checked order.</summary>
    public sealed record Fact(string ExternalId, string CustomerExternalId, DateTime OrderedAt, long AmountMinor, string Currency, string? Channel, Guid? TouchpointId);

    protected override string Noun => "orders";

    protected override string KeyField => "externalId";

    protected override async Task LoadAsync(IReadOnlyList<OrderInput> items, CancellationToken ct) =>
        _touchpoints = await Touchpoints.ByKeyAsync(Db, items.Select(i => i.TouchpointKey), ct);

    protected override Fact? Check(OrderInput item, DateTime now, Action<string, string> fail)
    {
        var externalId = Text(item.ExternalId, "externalId", 100, required: true, fail);
        var customer = Text(item.CustomerExternalId, "customerExternalId", 200, required: true, fail);
        var at = Time(item.OrderedAt, "orderedAt", required: true, now, fail);
        var currency = Currency(item.Currency, "currency", fail);
        if (item.AmountMinor is null)
        {
            fail("amountMinor", "Required: the amount in minor units (cents) as an integer.");
        }

        var channel = Text(item.Channel, "channel", 32, required: false, fail)?.ToLowerInvariant();
        var touchpoint = Touchpoints.Find(_touchpoints, item.TouchpointKey, "touchpointKey", fail, out var bad);
        return externalId is null || customer is null || at is null || currency is null || item.AmountMinor is null || bad
            ? null
            : new Fact(externalId, customer, Precise(at.Value), item.AmountMinor.Value, currency, channel, touchpoint);
    }

    protected override string KeyOf(Fact fact) => fact.ExternalId;

    protected override async Task<FactState[]> CompareAsync(IReadOnlyList<Fact> facts, CancellationToken ct)
    {
        var ids = facts.Select(f => f.ExternalId).ToList();
        var stored = await Db.Set<Order>().AsNoTracking().Where(o => ids.Contains(o.ExternalId))
            .Join(Db.Set<Customer>(), o => o.CustomerId, c => c.Id, (o, c) => new Fact(o.ExternalId, c.ExternalId, o.OrderedAt, o.AmountMinor, o.Currency, o.Channel, o.TouchpointId))
            .ToDictionaryAsync(f => f.ExternalId, StringComparer.Ordinal, ct);
        return [.. facts.Select(f => !stored.TryGetValue(f.ExternalId, out var s)
            ? new FactState(FactChange.Create)
            : s with { OrderedAt = Precise(s.OrderedAt) } == f
                ? new FactState(FactChange.Unchanged)
                : new FactState(FactChange.Conflict, "externalId", $"An order '{f.ExternalId}' is stored with other values; an order cannot change (send a correction as a new order)."))];
    }

    protected override async Task WriteAsync(Guid workspaceId, IReadOnlyList<Fact> created, IReadOnlyList<Fact> updated, int slot, CancellationToken ct)
    {
        if (created.Count == 0)
        {
            return;
        }

        var customerIds = await customers.ResolveAsync(workspaceId, created.Select(f => f.CustomerExternalId).Distinct(StringComparer.Ordinal).ToDictionary(c => c, _ => (string?)null, StringComparer.Ordinal), ct);
        var rows = new List<object?[]>(created.Count);
        var revenue = new RollupSums(2);
        var months = new RollupSums(0);
        foreach (var f in created)
        {
            var customer = customerIds[f.CustomerExternalId];
            rows.Add([workspaceId, Guid.CreateVersion7(Clock.GetUtcNow()), f.ExternalId, customer, f.OrderedAt, f.AmountMinor, f.Currency, f.Channel, f.TouchpointId]);
            revenue.Add([DayOf(f.OrderedAt), f.Currency], 1, f.AmountMinor);
            months.Add([MonthOf(f.OrderedAt), customer]);
        }

        await sql.InsertAsync("orders", OrderColumns, rows, null, ct);
        await sql.UpsertSumsAsync("revenue_rollups", Keys("day", SqlType.Date, "currency", SqlType.Text), ["orders", "amount_minor"], revenue.Rows(workspaceId, slot), ct);
        await sql.InsertAsync("customer_activity_months", Keys("month", SqlType.Date, "customer_id", SqlType.Uuid, slot: false), months.Rows(workspaceId), "ON CONFLICT DO NOTHING", ct);
    }

    /// <summary>Times kept to the microsecond, what PostgreSQL stores, so SQLite and PostgreSQL compare alike.</summary>
    internal static DateTime Precise(DateTime utc) => new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    /// <summary>Key columns of a rollup: workspace_id, the given pairs, then slot.</summary>
    internal static SqlColumn[] Keys(params object[] pairs) => Keys(pairs, slot: true);

    internal static SqlColumn[] Keys(string a, SqlType at, string b, SqlType bt, bool slot) => Keys([a, at, b, bt], slot);

    private static SqlColumn[] Keys(object[] pairs, bool slot)
    {
        var columns = new List<SqlColumn> { new("workspace_id", SqlType.Uuid) };
        for (var i = 0; i < pairs.Length; i += 2)
        {
            columns.Add(new((string)pairs[i], (SqlType)pairs[i + 1]));
        }

        if (slot)
        {
            columns.Add(new("slot", SqlType.Int));
        }

        return [.. columns];
    }
}

/// <summary>Touchpoint lookup by key for fact checks.</summary>
internal static class Touchpoints
{
    public static async Task<Dictionary<string, Guid>> ByKeyAsync(LoopwiseDbContext db, IEnumerable<string?> keys, CancellationToken ct)
    {
        var wanted = keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        return wanted.Count == 0
            ? new Dictionary<string, Guid>(StringComparer.Ordinal)
            : await db.Set<Touchpoint>().AsNoTracking().Where(t => wanted.Contains(t.Key)).ToDictionaryAsync(t => t.Key, t => t.Id, StringComparer.Ordinal, ct);
    }

    public static Guid? Find(Dictionary<string, Guid> touchpoints, string? key, string field, Action<string, string> fail, out bool bad)
    {
        bad = false;
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        if (touchpoints.TryGetValue(key.Trim(), out var id))
        {
            return id;
        }

        bad = true;
        fail(field, $"There is no touchpoint with key '{key.Trim()}'.");
        return null;
    }
}
