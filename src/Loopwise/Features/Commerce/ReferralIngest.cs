using Loopwise.Data;
using Loopwise.Features.Customers;
using Loopwise.Features.Responses;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Commerce;

/// <summary>
/// Referrals (one per referrer and referred customer). A stored referral sent again with a conversion time gets it
/// (once). Rollups: referrals per referral day, conversions per conversion day (<see cref="ReferralRollup"/>) and the
/// referrer's month (<see cref="ReferrerMonth"/>, for the advocacy basis).
/// </summary>
public sealed class ReferralIngest(LoopwiseDbContext db, SqliteWriteGate gate, TimeProvider clock, CustomerDirectory customers, FactSql sql)
    : FactIngest<ReferralInput, ReferralIngest.Fact>(db, gate, clock)
{
    private static readonly SqlColumn[] ReferralColumns =
    [
        new("workspace_id", SqlType.Uuid), new("id", SqlType.Uuid), new("referrer_id", SqlType.Uuid), new("referred_id", SqlType.Uuid),
        new("referred_at", SqlType.Timestamp), new("converted_at", SqlType.Timestamp),
    ];

    /// <summary>A checked referral; <see cref="StoredId"/> is set for a conversion of a stored one.</summary>
    public sealed record Fact(string ReferrerExternalId, string ReferredExternalId, DateTime ReferredAt, DateTime? ConvertedAt)
    {
        public Guid StoredId { get; set; }
    }

    protected override string Noun => "referrals";

    protected override string KeyField => "referredExternalId";

    protected override Fact? Check(ReferralInput item, DateTime now, Action<string, string> fail)
    {
        var referrer = Text(item.ReferrerExternalId, "referrerExternalId", 200, required: true, fail);
        var referred = Text(item.ReferredExternalId, "referredExternalId", 200, required: true, fail);
        var at = Time(item.ReferredAt, "referredAt", required: true, now, fail);
        var converted = Time(item.ConvertedAt, "convertedAt", required: false, now, fail);
        var bad = item.ConvertedAt is not null && converted is null;
        if (referrer is not null && referrer == referred)
        {
            fail("referredExternalId", "A customer cannot refer themselves.");
            bad = true;
        }

        if (at is { } a && converted is { } c && c < a)
        {
            fail("convertedAt", "A referral cannot convert before it was made.");
            bad = true;
        }

        return referrer is null || referred is null || at is null || bad
            ? null
            : new Fact(referrer, referred, OrderIngest.Precise(at.Value), converted is { } x ? OrderIngest.Precise(x) : null);
    }

    protected override string KeyOf(Fact fact) => fact.ReferrerExternalId + " → " + fact.ReferredExternalId;

    protected override async Task<FactState[]> CompareAsync(IReadOnlyList<Fact> facts, CancellationToken ct)
    {
        var referrers = facts.Select(f => f.ReferrerExternalId).Distinct(StringComparer.Ordinal).ToList();
        var referred = facts.Select(f => f.ReferredExternalId).Distinct(StringComparer.Ordinal).ToList();
        var customers = Db.Set<Customer>();
        var stored = await (
            from r in Db.Set<Referral>().AsNoTracking()
            join a in customers on r.ReferrerId equals a.Id
            join b in customers on r.ReferredId equals b.Id
            where referrers.Contains(a.ExternalId) && referred.Contains(b.ExternalId)
            select new { r.Id, Fact = new Fact(a.ExternalId, b.ExternalId, r.ReferredAt, r.ConvertedAt) })
            .ToListAsync(ct);
        var byKey = stored.ToDictionary(s => KeyOf(s.Fact), StringComparer.Ordinal);
        var states = new FactState[facts.Count];
        for (var i = 0; i < facts.Count; i++)
        {
            var f = facts[i];
            if (!byKey.TryGetValue(KeyOf(f), out var row))
            {
                states[i] = new FactState(FactChange.Create);
            }
            else if (OrderIngest.Precise(row.Fact.ReferredAt) != f.ReferredAt)
            {
                states[i] = new FactState(FactChange.Conflict, "referredAt", $"This referral is stored with another time; a referral cannot change.");
            }
            else if (row.Fact.ConvertedAt is null && f.ConvertedAt is not null)
            {
                f.StoredId = row.Id;
                states[i] = new FactState(FactChange.Update);
            }
            else if (row.Fact.ConvertedAt is { } was && (f.ConvertedAt is not { } now || OrderIngest.Precise(was) != now))
            {
                states[i] = new FactState(FactChange.Conflict, "convertedAt", "This referral converted at another time already; a conversion cannot be undone or moved.");
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
        var daily = new RollupSums(4);
        var months = new RollupSums(0);
        var rows = new List<object?[]>(created.Count);
        if (created.Count > 0)
        {
            var wanted = created.SelectMany(f => new[] { f.ReferrerExternalId, f.ReferredExternalId }).Distinct(StringComparer.Ordinal)
                .ToDictionary(c => c, _ => (string?)null, StringComparer.Ordinal);
            var ids = await customers.ResolveAsync(workspaceId, wanted, ct);
            foreach (var f in created)
            {
                rows.Add([workspaceId, Guid.CreateVersion7(Clock.GetUtcNow()), ids[f.ReferrerExternalId], ids[f.ReferredExternalId], f.ReferredAt, f.ConvertedAt]);
                daily.Add([DayOf(f.ReferredAt)], 1, 0, 0, 0);
                if (f.ConvertedAt is { } c)
                {
                    daily.Add([DayOf(c)], 0, 1, 0, 0);
                }

                months.Add([MonthOf(f.ReferredAt), ids[f.ReferrerExternalId]]);
            }
        }

        await sql.InsertAsync("referrals", ReferralColumns, rows, null, ct);
        foreach (var f in updated)
        {
            var changed = await sql.ExecuteAsync(
                "UPDATE referrals SET converted_at = @c WHERE workspace_id = @w AND id = @id AND converted_at IS NULL",
                [("c", SqlType.Timestamp, f.ConvertedAt), ("w", SqlType.Uuid, workspaceId), ("id", SqlType.Uuid, f.StoredId)], ct);
            if (changed != 1)
            {
                throw new FactRaceException("A referral of this request was converted meanwhile by another request.");
            }

            daily.Add([DayOf(f.ConvertedAt!.Value)], 0, 1, 0, 0);
        }

        await sql.UpsertSumsAsync("referral_rollups", OrderIngest.Keys("day", SqlType.Date), ["referrals", "converted", "new_customers", "new_via_referral"], daily.Rows(workspaceId, slot), ct);
        await sql.InsertAsync("referrer_months", OrderIngest.Keys("month", SqlType.Date, "customer_id", SqlType.Uuid, slot: false), months.Rows(workspaceId), "ON CONFLICT DO NOTHING", ct);
    }
}
