using Loopwise.Data;
using Loopwise.Features.Commerce;
using Loopwise.Features.Customers;
using Loopwise.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Loopwise.Tests.Features.Commerce.CommerceApi;

namespace Loopwise.Tests.Features.Commerce;

/// <summary>
/// Property-style: random customers, orders, subscriptions (some cancelled later), referrals (some converted later) and
/// journey steps go in through the batch API in batches of random sizes (small ones spread over rollup slots on
/// PostgreSQL); every answer read from the rollups must equal a recount of the raw facts, exactly.
/// </summary>
public abstract class CommerceRollupTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    private static readonly string[] Sources = ["referral", "paid", "organic"];
    private static readonly string[] Currencies = ["EUR", "USD"];
    private static readonly string[] Plans = ["basic", "pro"];
    private static readonly string[] Steps = ["cart", "address", "pay"];

    [Theory]
    [InlineData(7)]
    [InlineData(2026)]
    public async Task Every_rollup_answer_equals_a_recount_of_the_raw_facts(int seed)
    {
        var ws = await App.CreateWorkspaceAsync();
        var random = new Random(seed);
        await FeedAsync(ws, random);

        var (customers, orders, subscriptions, referrals, steps) = await App.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<LoopwiseDbContext>();
            return (await db.Set<Customer>().AsNoTracking().ToListAsync(), await db.Set<Order>().AsNoTracking().ToListAsync(),
                await db.Set<Subscription>().AsNoTracking().ToListAsync(), await db.Set<Referral>().AsNoTracking().ToListAsync(),
                await db.Set<JourneyStep>().AsNoTracking().ToListAsync());
        }, ws.Id);
        Assert.Equal(200, orders.Count);
        Assert.Equal(60, subscriptions.Count);
        Assert.Equal(30, referrals.Count);

        await App.WithScopeAsync(async s =>
        {
            var query = s.GetRequiredService<CommerceQuery>();

            // Revenue and active customers per month (an order in the month, or a subscription overlapping it).
            var revenue = await query.RevenueAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 8, 1), CancellationToken.None);
            var expectedRevenue = orders.GroupBy(o => (Month: new DateOnly(o.OrderedAt.Year, o.OrderedAt.Month, 1), o.Currency))
                .OrderBy(g => g.Key.Month).ThenBy(g => g.Key.Currency, StringComparer.Ordinal)
                .Select(g => $"{g.Key.Month:yyyy-MM} {g.Key.Currency} {g.Count()} {g.Sum(o => o.AmountMinor)}");
            Assert.Equal(expectedRevenue, revenue.Select(r => $"{r.Month:yyyy-MM} {r.Currency} {r.Orders} {r.AmountMinor}"));
            Assert.All(revenue, r => Assert.Equal((decimal)r.AmountMinor / r.ActiveCustomers, r.RevenuePerActiveCustomerMinor)); // ARPU
            for (var month = new DateOnly(2026, 1, 1); month < new DateOnly(2026, 8, 1); month = month.AddMonths(1))
            {
                var (start, end) = (Midnight(month), Midnight(month.AddMonths(1)));
                var active = orders.Where(o => o.OrderedAt >= start && o.OrderedAt < end).Select(o => o.CustomerId)
                    .Union(subscriptions.Where(x => x.StartedAt < end && (x.CancelledAt is null || x.CancelledAt >= start)).Select(x => x.CustomerId))
                    .LongCount();
                Assert.Equal(active, await query.ActiveCustomersAsync(month, CancellationToken.None));
                var referrers = referrals.Where(r => r.ReferredAt >= start && r.ReferredAt < end).Select(r => r.ReferrerId).Distinct().LongCount();
                Assert.Equal((referrers, active), ((await query.AdvocacyAsync(month, CancellationToken.None)).Referrers, active));
            }

            // Churn for periods that customers join mid-way: they count in neither numerator nor denominator.
            foreach (var (from, to) in new[] { (D(3, 1), D(4, 1)), (D(2, 15), D(5, 10)), (D(1, 1), D(7, 1)), (D(4, 3), D(4, 4)) })
            {
                var (a, b) = (Midnight(from), Midnight(to));
                var atStart = subscriptions.Where(x => x.StartedAt < a && (x.CancelledAt is null || x.CancelledAt >= a)).ToList();
                var lost = atStart.Where(x => x.CancelledAt < b).ToList();
                var churn = await query.ChurnAsync(from, to, CancellationToken.None);
                Assert.Equal((atStart.Count, lost.Count), ((int)churn.AtStart, (int)churn.Lost));
                Assert.Equal(atStart.Count == 0 ? null : (double)lost.Count / atStart.Count, churn.Rate);
                Assert.Equal(
                    atStart.GroupBy(x => x.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Sum(x => x.MrrMinor)} {g.Where(x => x.CancelledAt < b).Sum(x => x.MrrMinor)}"),
                    churn.Revenue.Where(r => r.StartMrrMinor != 0 || r.LostMrrMinor != 0).Select(r => $"{r.Currency} {r.StartMrrMinor} {r.LostMrrMinor}"));
                if (to.DayNumber - from.DayNumber > 20)
                {
                    Assert.Contains(subscriptions, x => x.StartedAt >= a && x.StartedAt < b); // the period does have newcomers
                }

                // Referrals and acquisition.
                var referralsIn = await query.ReferralsAsync(from, to, CancellationToken.None);
                var acquired = customers.Where(c => c.AcquiredAt >= a && c.AcquiredAt < b).ToList();
                Assert.Equal(
                    (referrals.Count(r => r.ReferredAt >= a && r.ReferredAt < b), referrals.Count(r => r.ConvertedAt >= a && r.ConvertedAt < b), acquired.Count, acquired.Count(c => c.AcquisitionSource == "referral")),
                    ((int)referralsIn.Referrals, (int)referralsIn.Converted, (int)referralsIn.NewCustomers, (int)referralsIn.NewViaReferral));

                // Journey steps.
                var funnel = (await query.FunnelAsync("checkout", from, to, CancellationToken.None))!;
                foreach (var step in Steps)
                {
                    var inPeriod = steps.Where(x => x.StepKey == step && x.At >= a && x.At < b).ToList();
                    var row = Assert.Single(funnel.Steps, f => f.Step == step);
                    Assert.Equal(
                        (inPeriod.Count(x => x.State == JourneyStepState.Started), inPeriod.Count(x => x.State == JourneyStepState.Completed), inPeriod.Count(x => x.State == JourneyStepState.Abandoned)),
                        ((int)row.Started, (int)row.Completed, (int)row.Abandoned));
                }
            }

            return true;
        }, ws.Id);
    }

    private static async Task FeedAsync(TestWorkspace ws, Random random)
    {
        DateTime Time() => Utc(1, 1, 0).AddMinutes(random.Next(0, 181 * 24 * 60)); // January to June 2026
        string Customer() => "c-" + random.Next(0, 50).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var customers = Enumerable.Range(0, 40).Select(i => new CustomerInput(
            $"c-{i}", AcquiredAt: Time(), AcquisitionSource: Sources[random.Next(Sources.Length)],
            Attributes: new Dictionary<string, string?> { ["region"] = random.Next(2) == 0 ? "eu" : "us" })).ToList();
        // Some customers are acquired again later with another time or source: their counts move.
        var corrections = customers.Take(8).Select(c => c with { AcquiredAt = Time(), AcquisitionSource = Sources[random.Next(Sources.Length)] }).ToList();
        var orders = Enumerable.Range(0, 200).Select(i => (object)new OrderInput($"o-{i}", Customer(), Time(), random.Next(-500, 20_000), Currencies[random.Next(2)])).ToList();
        var subscriptions = Enumerable.Range(0, 60).Select(i =>
        {
            var started = Time();
            DateTime? cancelled = random.Next(3) == 0 ? null : started.AddDays(random.Next(0, 120));
            return new SubscriptionInput($"s-{i}", Customer(), Plans[random.Next(2)], started, random.Next(0, 10_000), Currencies[random.Next(2)], cancelled > Utc(6, 30) ? null : cancelled);
        }).ToList();
        var later = subscriptions.Where(x => x.CancelledAt is not null).Take(15).ToList();
        var referrals = Enumerable.Range(0, 30).Select(i =>
        {
            var at = Time();
            return new ReferralInput($"c-{i}", $"c-{i + 10}", at, random.Next(2) == 0 ? at.AddDays(random.Next(0, 30)) : null);
        }).ToList();
        var converting = referrals.Where(r => r.ConvertedAt is not null).Take(6).ToList();
        var steps = new List<object>();
        for (var session = 0; session < 80; session++)
        {
            var at = Time();
            foreach (var step in Steps)
            {
                steps.Add(CommerceApiTests.Step($"session-{session}", step, "started", at));
                var fate = random.Next(4);
                if (fate == 0)
                {
                    steps.Add(CommerceApiTests.Step($"session-{session}", step, "abandoned", at.AddMinutes(3)));
                    break;
                }

                if (fate == 1)
                {
                    break; // started, never finished
                }

                at = at.AddMinutes(random.Next(1, 3000));
                steps.Add(CommerceApiTests.Step($"session-{session}", step, "completed", at));
            }
        }

        await InBatchesAsync(ws, "customers", customers, random);
        await InBatchesAsync(ws, "customers", corrections, random);
        await InBatchesAsync(ws, "orders", orders, random);
        // Subscriptions first without the cancellation of some, then those cancellations on their own.
        await InBatchesAsync(ws, "subscriptions", subscriptions.Select(x => later.Contains(x) ? x with { CancelledAt = null } : x), random);
        await InBatchesAsync(ws, "subscriptions", later, random);
        await InBatchesAsync(ws, "referrals", referrals.Select(r => converting.Contains(r) ? r with { ConvertedAt = null } : r), random);
        await InBatchesAsync(ws, "referrals", converting, random);
        await InBatchesAsync(ws, "journey-steps", steps, random);
    }

    private static async Task InBatchesAsync(TestWorkspace ws, string facts, IEnumerable<object> items, Random random)
    {
        var all = items.ToList();
        for (var start = 0; start < all.Count;)
        {
            var size = random.Next(2) == 0 ? random.Next(1, 5) : random.Next(5, 60);
            await StoreAsync(ws, facts, all.Skip(start).Take(size));
            start += size;
        }
    }

    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static DateTime Midnight(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}

[Collection(Collections.Sqlite)]
public sealed class CommerceRollupTests_Sqlite(SqliteAppFixture fixture) : CommerceRollupTests(fixture);

[Collection(Collections.Postgres)]
public sealed class CommerceRollupTests_Postgres(PostgresAppFixture fixture) : CommerceRollupTests(fixture);
