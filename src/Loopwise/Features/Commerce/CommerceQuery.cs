using System.Text.Json;
using Loopwise.Data;
using Loopwise.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Commerce;

/// <summary>Revenue of one month in one currency.</summary>
public sealed record MonthRevenue(DateOnly Month, string Currency, long Orders, long AmountMinor, long ActiveCustomers, decimal? RevenuePerActiveCustomerMinor);

/// <summary>Orders and their amount (minor units) of one UTC day in one currency.</summary>
public sealed record DayRevenue(DateOnly Day, string Currency, long Orders, long AmountMinor);

/// <summary>Revenue churn of one currency: MRR at the start of the period and MRR lost from it.</summary>
public sealed record RevenueChurn(string Currency, long StartMrrMinor, long LostMrrMinor, double? Rate);

/// <summary>
/// Churn over [From, To): contracts (subscriptions) active at the start, those of them cancelled before To, and the
/// rate lost / at start (null with none at the start); contracts started in the period count in neither.
/// </summary>
public sealed record ChurnPeriod(DateOnly From, DateOnly To, long AtStart, long Lost, double? Rate, double? Retention, IReadOnlyList<RevenueChurn> Revenue);

/// <summary>Referral counts over [From, To) and the acquisition-basis rate (new via referral / new customers).</summary>
public sealed record ReferralPeriod(DateOnly From, DateOnly To, long Referrals, long Converted, long NewCustomers, long NewViaReferral, double? AcquisitionRate);

/// <summary>Advocacy basis of one month: customers who referred at least once / active customers.</summary>
public sealed record AdvocacyMonth(DateOnly Month, long Referrers, long ActiveCustomers, double? Rate);

/// <summary>One step of a journey funnel with completion = completed/started and abandonment = (started − completed)/started.</summary>
public sealed record FunnelStep(string Step, long Started, long Completed, long Abandoned, double? CompletionRate, double? AbandonmentRate);

/// <summary>A journey's funnel over [From, To), steps in funnel order.</summary>
public sealed record JourneyFunnel(string Journey, string Name, bool Defined, DateOnly From, DateOnly To, IReadOnlyList<FunnelStep> Steps);

/// <summary>One cohort row: customers acquired in a month, and per month since acquisition the share active (null = future).</summary>
public sealed record CohortRow(DateOnly Cohort, long Size, IReadOnlyList<long?> Active, IReadOnlyList<double?> Retention);

/// <summary>
/// Reads the commerce rollups. Periods are [from, to) on UTC days; months are first days of UTC months. Every reader
/// sums over rollup slots.
/// </summary>
public sealed class CommerceQuery(LoopwiseDbContext db, TimeProvider clock)
{
    /// <summary>Revenue, orders and active customers per month in [fromMonth, toMonth), per currency.</summary>
    public async Task<IReadOnlyList<MonthRevenue>> RevenueAsync(DateOnly fromMonth, DateOnly toMonth, CancellationToken ct)
    {
        var from = Month(fromMonth);
        var to = Month(toMonth);
        var days = await db.Set<RevenueRollup>().AsNoTracking()
            .Where(r => r.Day >= from && r.Day < to)
            .GroupBy(r => new { r.Day, r.Currency })
            .Select(g => new { g.Key.Day, g.Key.Currency, Orders = g.Sum(r => r.Orders), Amount = g.Sum(r => r.AmountMinor) })
            .ToListAsync(ct);
        var result = new List<MonthRevenue>();
        foreach (var month in days.GroupBy(d => Month(d.Day)).OrderBy(g => g.Key))
        {
            var active = await ActiveCustomersAsync(month.Key, ct);
            foreach (var currency in month.GroupBy(d => d.Currency).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var amount = currency.Sum(d => d.Amount);
                result.Add(new MonthRevenue(month.Key, currency.Key, currency.Sum(d => d.Orders), amount, active, active == 0 ? null : (decimal)amount / active));
            }
        }

        return result;
    }

    /// <summary>
    /// Customers active in a month: an order in the month (<see cref="CustomerActivityMonth"/>) or a subscription that
    /// overlaps it (started before the month's end, not cancelled before its start).
    /// </summary>
    public async Task<long> ActiveCustomersAsync(DateOnly month, CancellationToken ct)
    {
        var start = Month(month);
        var (from, to) = (Midnight(start), Midnight(start.AddMonths(1)));
        var ordered = db.Set<CustomerActivityMonth>().Where(a => a.Month == start).Select(a => a.CustomerId);
        var subscribed = db.Set<Subscription>().Where(s => s.StartedAt < to && (s.CancelledAt == null || s.CancelledAt >= from)).Select(s => s.CustomerId);
        return await ordered.Union(subscribed).LongCountAsync(ct);
    }

    /// <summary>Orders and amount per UTC day and currency over [from, to), summed over slots, in one query.</summary>
    public async Task<IReadOnlyList<DayRevenue>> DailyRevenueAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        await db.Set<RevenueRollup>().AsNoTracking()
            .Where(r => r.Day >= from && r.Day < to)
            .GroupBy(r => new { r.Day, r.Currency })
            .Select(g => new DayRevenue(g.Key.Day, g.Key.Currency, g.Sum(r => r.Orders), g.Sum(r => r.AmountMinor)))
            .ToListAsync(ct);

    /// <summary>
    /// Customers active in each month of [fromMonth, toMonth) by the definition of <see cref="ActiveCustomersAsync"/>
    /// (an order in the month, or a subscription overlapping it), in three queries for the whole range instead of one
    /// per month: customers with an order per month, the subscriptions overlapping the range, and the order months of
    /// those subscribers (so that a customer with both is counted once).
    /// </summary>
    public async Task<IReadOnlyDictionary<DateOnly, long>> ActiveCustomersByMonthAsync(DateOnly fromMonth, DateOnly toMonth, CancellationToken ct)
    {
        var (first, end) = (Month(fromMonth), Month(toMonth));
        var (from, to) = (Midnight(first), Midnight(end));
        var ordered = await db.Set<CustomerActivityMonth>().AsNoTracking().Where(a => a.Month >= first && a.Month < end)
            .GroupBy(a => a.Month).Select(g => new { Month = g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(g => g.Month, g => g.Count, ct);
        var overlapping = db.Set<Subscription>().AsNoTracking().Where(s => s.StartedAt < to && (s.CancelledAt == null || s.CancelledAt >= from));
        var subscriptions = await overlapping.Select(s => new { s.CustomerId, s.StartedAt, s.CancelledAt }).ToListAsync(ct);
        var subscribersOrdered = subscriptions.Count == 0 ? [] : (await db.Set<CustomerActivityMonth>().AsNoTracking()
            .Where(a => a.Month >= first && a.Month < end && overlapping.Select(s => s.CustomerId).Contains(a.CustomerId))
            .Select(a => new { a.Month, a.CustomerId }).ToListAsync(ct))
            .Select(a => (a.Month, a.CustomerId)).ToHashSet();
        var active = new Dictionary<DateOnly, long>();
        for (var month = first; month < end; month = month.AddMonths(1))
        {
            var (start, next) = (Midnight(month), Midnight(month.AddMonths(1)));
            var subscribedOnly = subscriptions.Where(s => s.StartedAt < next && (s.CancelledAt == null || s.CancelledAt >= start))
                .Select(s => s.CustomerId).Distinct().LongCount(c => !subscribersOrdered.Contains((month, c)));
            active[month] = ordered.GetValueOrDefault(month) + subscribedOnly;
        }

        return active;
    }

    /// <summary>
    /// Logo churn counts of contracts for each period [From, To) — the same counts as <see cref="ChurnAsync"/> — from two
    /// rollup reads for all the periods together, split in memory; one result per period, in the same order.
    /// </summary>
    public async Task<IReadOnlyList<Core.Kpis.ChurnCounts>> ChurnCountsAsync(IReadOnlyList<(DateOnly From, DateOnly To)> periods, CancellationToken ct)
    {
        if (periods.Count == 0)
        {
            return [];
        }

        var (first, last) = (periods.Min(p => p.From), periods.Max(p => p.To));
        var days = await db.Set<SubscriptionRollup>().AsNoTracking().Where(r => r.Day < last)
            .GroupBy(r => r.Day)
            .Select(g => new { Day = g.Key, Net = g.Sum(r => r.Started - r.Cancelled) })
            .ToListAsync(ct);
        var cancels = await db.Set<SubscriptionCancelRollup>().AsNoTracking().Where(r => r.CancelDay >= first && r.CancelDay < last)
            .GroupBy(r => new { r.CancelDay, r.StartDay })
            .Select(g => new { g.Key.CancelDay, g.Key.StartDay, Cancelled = g.Sum(r => r.Cancelled) })
            .ToListAsync(ct);
        return [.. periods.Select(p => new Core.Kpis.ChurnCounts(
            days.Where(d => d.Day < p.From).Sum(d => d.Net),
            cancels.Where(c => c.CancelDay >= p.From && c.CancelDay < p.To && c.StartDay < p.From).Sum(c => c.Cancelled)))];
    }

    /// <summary>Logo and revenue churn of contracts over [from, to) (cx-reference.md §3).</summary>
    public async Task<ChurnPeriod> ChurnAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        // Core: Churn.CountPeriod — counted here from the rollups until Loopwise.Core.Kpis offers it.
        // At start: started before `from` minus cancelled before `from` (a subscription cancelled at `from` or later
        // was active at `from`). Lost: cancelled in [from, to) among those started before `from`.
        var before = await db.Set<SubscriptionRollup>().AsNoTracking().Where(r => r.Day < from)
            .GroupBy(r => r.Currency)
            .Select(g => new { Currency = g.Key, Started = g.Sum(r => r.Started), Cancelled = g.Sum(r => r.Cancelled), StartedMrr = g.Sum(r => r.StartedMrrMinor), CancelledMrr = g.Sum(r => r.CancelledMrrMinor) })
            .ToListAsync(ct);
        var lost = await db.Set<SubscriptionCancelRollup>().AsNoTracking().Where(r => r.CancelDay >= from && r.CancelDay < to && r.StartDay < from)
            .GroupBy(r => r.Currency)
            .Select(g => new { Currency = g.Key, Cancelled = g.Sum(r => r.Cancelled), Mrr = g.Sum(r => r.CancelledMrrMinor) })
            .ToListAsync(ct);
        var atStart = before.Sum(b => b.Started - b.Cancelled);
        var lostCount = lost.Sum(l => l.Cancelled);
        double? rate = atStart == 0 ? null : (double)lostCount / atStart;
        var revenue = before.Select(b => b.Currency).Union(lost.Select(l => l.Currency)).Order(StringComparer.Ordinal).Select(currency =>
        {
            var startMrr = before.Where(b => b.Currency == currency).Sum(b => b.StartedMrr - b.CancelledMrr);
            var lostMrr = lost.Where(l => l.Currency == currency).Sum(l => l.Mrr);
            return new RevenueChurn(currency, startMrr, lostMrr, startMrr == 0 ? null : (double)lostMrr / startMrr);
        }).ToList();
        return new ChurnPeriod(from, to, atStart, lostCount, rate, rate is { } r ? 1 - r : null, revenue);
    }

    /// <summary>Referrals made and converted, new customers and those acquired via referral, over [from, to).</summary>
    public async Task<ReferralPeriod> ReferralsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var sums = await db.Set<ReferralRollup>().AsNoTracking().Where(r => r.Day >= from && r.Day < to)
            .GroupBy(r => 1)
            .Select(g => new { Referrals = g.Sum(r => r.Referrals), Converted = g.Sum(r => r.Converted), New = g.Sum(r => r.NewCustomers), Via = g.Sum(r => r.NewViaReferral) })
            .ToListAsync(ct) is [var only] ? only : null;
        return sums is null
            ? new ReferralPeriod(from, to, 0, 0, 0, 0, null)
            : new ReferralPeriod(from, to, sums.Referrals, sums.Converted, sums.New, sums.Via, sums.New == 0 ? null : (double)sums.Via / sums.New);
    }

    /// <summary>New customers and new customers acquired via referral over each of <paramref name="ranges"/> ([from, to)), from one read of the referral rollups.</summary>
    public async Task<IReadOnlyList<(long NewCustomers, long NewViaReferral)>> ReferralCountsAsync(IReadOnlyList<(DateOnly From, DateOnly To)> ranges, CancellationToken ct)
    {
        if (ranges.Count == 0)
        {
            return [];
        }

        var (first, last) = (ranges.Min(r => r.From), ranges.Max(r => r.To));
        var days = await db.Set<ReferralRollup>().AsNoTracking().Where(r => r.Day >= first && r.Day < last)
            .GroupBy(r => r.Day)
            .Select(g => new { Day = g.Key, New = g.Sum(r => r.NewCustomers), Via = g.Sum(r => r.NewViaReferral) })
            .ToListAsync(ct);
        return [.. ranges.Select(r =>
        {
            var inRange = days.Where(d => d.Day >= r.From && d.Day < r.To).ToList();
            return (inRange.Sum(d => d.New), inRange.Sum(d => d.Via));
        })];
    }

    /// <summary>Customers who referred at least once in a month, over the active customers of that month.</summary>
    public async Task<AdvocacyMonth> AdvocacyAsync(DateOnly month, CancellationToken ct)
    {
        var start = Month(month);
        var referrers = await db.Set<ReferrerMonth>().LongCountAsync(r => r.Month == start, ct);
        var active = await ActiveCustomersAsync(start, ct);
        return new AdvocacyMonth(start, referrers, active, active == 0 ? null : (double)referrers / active);
    }

    /// <summary>
    /// The funnel of a journey over [from, to): steps in the defined order, or else in first-seen order (earliest day
    /// with a fact, then key); steps seen but not defined follow the defined ones. Null for an unknown journey.
    /// </summary>
    public async Task<JourneyFunnel?> FunnelAsync(string journey, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var definition = await db.Set<Journey>().AsNoTracking().FirstOrDefaultAsync(j => j.Key == journey, ct);
        var firstSeen = await db.Set<JourneyRollup>().AsNoTracking().Where(r => r.JourneyKey == journey)
            .GroupBy(r => r.StepKey).Select(g => new { Step = g.Key, First = g.Min(r => r.Day) }).ToListAsync(ct);
        if (definition is null && firstSeen.Count == 0)
        {
            return null;
        }

        var counts = await db.Set<JourneyRollup>().AsNoTracking().Where(r => r.JourneyKey == journey && r.Day >= from && r.Day < to)
            .GroupBy(r => r.StepKey)
            .Select(g => new { Step = g.Key, Started = g.Sum(r => r.Started), Completed = g.Sum(r => r.Completed), Abandoned = g.Sum(r => r.Abandoned) })
            .ToDictionaryAsync(c => c.Step, StringComparer.Ordinal, ct);
        var defined = definition is null ? [] : JsonSerializer.Deserialize<string[]>(definition.StepsJson) ?? [];
        var order = defined.Concat(firstSeen.OrderBy(s => s.First).ThenBy(s => s.Step, StringComparer.Ordinal).Select(s => s.Step).Where(s => !defined.Contains(s, StringComparer.Ordinal))).ToList();
        var steps = order.Select(step =>
        {
            var c = counts.GetValueOrDefault(step);
            var (started, completed, abandoned) = c is null ? (0L, 0L, 0L) : (c.Started, c.Completed, c.Abandoned);
            return new FunnelStep(step, started, completed, abandoned,
                started == 0 ? null : (double)completed / started,
                started == 0 ? null : (double)(started - completed) / started);
        }).ToList();
        return new JourneyFunnel(journey, definition?.Name ?? journey, definition is not null, from, to, steps);
    }

    /// <summary>
    /// Retention cohorts (cx-reference.md §3, "birth" retention): customers acquired in each month of
    /// [fromMonth, toMonth), and per month k = 0..periods−1 since acquisition the count and share active in month k.
    /// Months after the current one are null (right-censored). Acquisition is activity, so k = 0 is the whole cohort.
    /// </summary>
    public async Task<IReadOnlyList<CohortRow>> CohortsAsync(DateOnly fromMonth, DateOnly toMonth, int periods, CancellationToken ct)
    {
        var (from, to) = (Midnight(Month(fromMonth)), Midnight(Month(toMonth)));
        var members = await db.Set<Customer>().AsNoTracking().Where(c => c.AcquiredAt >= from && c.AcquiredAt < to)
            .Select(c => new { c.Id, c.AcquiredAt }).ToListAsync(ct);
        var ids = members.Select(m => m.Id).ToList();
        var ordered = await db.Set<CustomerActivityMonth>().AsNoTracking().Where(a => ids.Contains(a.CustomerId)).Select(a => new { a.CustomerId, a.Month }).ToListAsync(ct);
        var subscriptions = await db.Set<Subscription>().AsNoTracking().Where(s => ids.Contains(s.CustomerId)).Select(s => new { s.CustomerId, s.StartedAt, s.CancelledAt }).ToListAsync(ct);
        var activeMonths = ordered.Select(o => (o.CustomerId, o.Month)).ToHashSet();
        var current = Month(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var rows = new List<CohortRow>();
        foreach (var cohort in members.GroupBy(m => Month(DateOnly.FromDateTime(m.AcquiredAt!.Value))).OrderBy(g => g.Key))
        {
            var active = new List<long?>();
            for (var k = 0; k < periods; k++)
            {
                var month = cohort.Key.AddMonths(k);
                if (month > current)
                {
                    active.Add(null);
                    continue;
                }

                var (start, end) = (Midnight(month), Midnight(month.AddMonths(1)));
                active.Add(k == 0 ? cohort.LongCount() : cohort.LongCount(m => activeMonths.Contains((m.Id, month))
                    || subscriptions.Any(s => s.CustomerId == m.Id && s.StartedAt < end && (s.CancelledAt == null || s.CancelledAt >= start))));
            }

            var size = cohort.LongCount();
            rows.Add(new CohortRow(cohort.Key, size, active, [.. active.Select(a => a is { } n ? (double?)n / size : null)]));
        }

        return rows;
    }

    private static DateOnly Month(DateOnly day) => new(day.Year, day.Month, 1);

    private static DateTime Midnight(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
