using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loopwise.Data;
using Loopwise.Features.Commerce;
using Loopwise.Features.Customers;
using Loopwise.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Loopwise.Tests.Features.Commerce.CommerceApi;

namespace Loopwise.Tests.Features.Commerce;

public abstract class CommerceApiTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    /// <summary>Per fact type: a valid batch of two, a batch whose item 1 is invalid, the error path, and a count of stored facts.</summary>
    public static TheoryData<string> FactTypes => ["customers", "orders", "subscriptions", "referrals", "journey-steps"];

    [Theory]
    [MemberData(nameof(FactTypes))]
    public async Task Batch_retried_with_the_same_key_is_replayed_and_stores_once(string facts)
    {
        var ws = await App.CreateWorkspaceAsync();
        var items = Valid(facts);

        using var first = await PostBatchAsync(ws, facts, items, "key-1");
        using var retry = await PostBatchAsync(ws, facts, items, "key-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(2, JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("created").GetInt32());
        Assert.Equal(2, await CountAsync(ws.Id, facts));
    }

    [Theory]
    [MemberData(nameof(FactTypes))]
    public async Task Batch_with_one_invalid_item_stores_nothing_and_names_the_field(string facts)
    {
        var ws = await App.CreateWorkspaceAsync();
        var (items, path) = Invalid(facts);

        using var response = await PostBatchAsync(ws, facts, items, "key-bad");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(path, Assert.Single((await ErrorsAsync(response)).Keys));
        Assert.Equal(0, await CountAsync(ws.Id, facts));
        Assert.Equal(0L, await RollupRowsAsync(ws.Id));
    }

    [Theory]
    [MemberData(nameof(FactTypes))]
    public async Task Batch_without_an_idempotency_key_is_refused(string facts)
    {
        var ws = await App.CreateWorkspaceAsync();

        using var response = await PostBatchAsync(ws, facts, Valid(facts), key: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", (await ErrorsAsync(response)).Keys);
        Assert.Equal(0, await CountAsync(ws.Id, facts));
    }

    [Fact]
    public async Task Customer_upsert_keeps_every_attribute_change_as_history()
    {
        var ws = await App.CreateWorkspaceAsync();
        await StoreAsync(ws, "customers", [new { externalId = "c-1", email = "ada@example.test", attributes = new { region = "eu", tier = "gold" }, acquiredAt = Utc(1, 5), acquisitionSource = "Referral", referrerExternalId = "c-0" }]);
        await StoreAsync(ws, "customers", [new { externalId = "c-1", name = "Ada", attributes = new Dictionary<string, string?> { ["region"] = "us", ["tier"] = null } }]);

        var customer = await ws.Api.GetFromJsonAsync<CustomerDto>("/api/v1/customers/c-1");
        var changes = await ws.Api.GetFromJsonAsync<AttributeChangeDto[]>("/api/v1/customers/c-1/attribute-changes");

        Assert.Equal("ada@example.test", customer!.Email);
        Assert.Equal("Ada", customer.Name);
        Assert.Equal("us", Assert.Single(customer.Attributes).Value);
        Assert.Equal("referral", customer.AcquisitionSource);
        Assert.Equal("c-0", customer.ReferrerExternalId);
        Assert.Equal(Utc(1, 5), customer.AcquiredAt);
        Assert.Equal(
            ["region: -> eu", "tier: -> gold", "region:eu -> us", "tier:gold -> "],
            changes!.Select(c => $"{c.Attribute}:{c.OldValue} -> {c.NewValue}"));
        Assert.Equal(HttpStatusCode.NotFound, (await ws.Api.GetAsync("/api/v1/customers/nobody")).StatusCode);
    }

    [Fact]
    public async Task Another_workspace_cannot_read_a_customer_or_journey()
    {
        var a = await App.CreateWorkspaceAsync();
        var b = await App.CreateWorkspaceAsync();
        await StoreAsync(a, "customers", [new { externalId = "only-a", email = "a@example.test" }]);
        await StoreAsync(a, "journey-steps", [new { journey = "checkout", step = "cart", sessionId = "s1", state = "started", at = Utc(2, 1) }]);

        Assert.Equal(HttpStatusCode.OK, (await a.Api.GetAsync("/api/v1/customers/only-a")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Api.GetAsync("/api/v1/customers/only-a")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Api.GetAsync("/api/v1/customers/only-a/attribute-changes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Api.GetAsync("/api/v1/journeys/checkout/funnel")).StatusCode);
    }

    [Fact]
    public async Task A_stored_order_sent_again_is_refused_and_a_changed_one_is_a_conflict()
    {
        var ws = await App.CreateWorkspaceAsync();
        await StoreAsync(ws, "orders", [Order("o-1", "c-1", Utc(3, 1), 1000)]);

        using var same = await PostBatchAsync(ws, "orders", [Order("o-2", "c-1", Utc(3, 2), 5), Order("o-1", "c-1", Utc(3, 1), 1000)], "k2");
        using var changed = await PostBatchAsync(ws, "orders", [Order("o-1", "c-1", Utc(3, 1), 999)], "k3");

        Assert.Contains("stored already", (await ErrorsAsync(same))["items[1].externalId"][0], StringComparison.Ordinal);
        Assert.Contains("cannot change", (await ErrorsAsync(changed))["items[0].externalId"][0], StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(ws.Id, "orders"));
    }

    [Fact]
    public async Task Cancelling_a_stored_subscription_is_recorded_once_as_an_event()
    {
        var ws = await App.CreateWorkspaceAsync();
        await StoreAsync(ws, "subscriptions", [Subscription("s-1", "c-1", Utc(1, 10), null), Subscription("s-2", "c-2", Utc(1, 10), null)]);

        var cancelled = await StoreAsync(ws, "subscriptions", [Subscription("s-1", "c-1", Utc(1, 10), cancelledAt: Utc(3, 15))]);
        using var moved = await PostBatchAsync(ws, "subscriptions", [Subscription("s-1", "c-1", Utc(1, 10), cancelledAt: Utc(3, 20))], "k-move");
        var churn = await ws.Api.GetFromJsonAsync<ChurnPeriod>("/api/v1/commerce/churn?from=2026-03-01&to=2026-04-01");

        Assert.Equal(1, cancelled.GetProperty("updated").GetInt32());
        Assert.Contains("cannot be undone or moved", (await ErrorsAsync(moved))["items[0].cancelledAt"][0], StringComparison.Ordinal);
        var kinds = await App.WithScopeAsync(async s => await s.GetRequiredService<LoopwiseDbContext>().Set<SubscriptionEvent>().Select(e => e.Kind).ToListAsync(), ws.Id);
        Assert.Equal(["cancelled", "started", "started"], kinds.Order(StringComparer.Ordinal));
        // 2 active at 1 March, 1 lost in March: 50 % logo churn, and 2 000 of 4 000 MRR lost.
        Assert.Equal((2L, 1L, 0.5), (churn!.AtStart, churn.Lost, churn.Rate!.Value));
        Assert.Equal((4000L, 2000L), (Assert.Single(churn.Revenue).StartMrrMinor, churn.Revenue[0].LostMrrMinor));
    }

    [Fact]
    public async Task Journey_funnel_follows_the_defined_step_order_with_completion_and_abandonment()
    {
        var ws = await App.CreateWorkspaceAsync();
        var put = await ws.Api.PutAsJsonAsync("/api/v1/journeys/checkout", new { name = "Checkout", steps = new[] { "cart", "pay" } });
        await StoreAsync(ws, "journey-steps",
        [
            Step("s1", "pay", "started", Utc(2, 2)), Step("s1", "cart", "started", Utc(2, 1)), Step("s1", "cart", "completed", Utc(2, 1)),
            Step("s2", "cart", "started", Utc(2, 3)), Step("s2", "cart", "abandoned", Utc(2, 3)), Step("s3", "cart", "started", Utc(2, 4)),
            Step("s3", "cart", "completed", Utc(2, 4)), Step("s4", "cart", "started", Utc(2, 5)), Step("s1", "pay", "completed", Utc(2, 2)),
        ]);

        var funnel = await ws.Api.GetFromJsonAsync<JourneyFunnel>("/api/v1/journeys/checkout/funnel?from=2026-02-01&to=2026-03-01");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(["cart", "pay"], funnel!.Steps.Select(s => s.Step));
        // cart: 4 started, 2 completed -> completion 0.5, abandonment (4 - 2) / 4 = 0.5 (cx-reference.md §4).
        Assert.Equal((4L, 2L, 1L, 0.5, 0.5), (funnel.Steps[0].Started, funnel.Steps[0].Completed, funnel.Steps[0].Abandoned, funnel.Steps[0].CompletionRate!.Value, funnel.Steps[0].AbandonmentRate!.Value));
        Assert.Equal((1L, 1L, 1.0), (funnel.Steps[1].Started, funnel.Steps[1].Completed, funnel.Steps[1].CompletionRate!.Value));
    }

    [Fact]
    public async Task Retention_cohorts_count_customers_active_by_order_or_subscription_and_leave_the_future_blank()
    {
        var ws = await App.CreateWorkspaceAsync();
        var recent = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1);
        await StoreAsync(ws, "customers",
        [
            new CustomerInput("a", AcquiredAt: Utc(1, 10)), new CustomerInput("b", AcquiredAt: Utc(1, 20)), new CustomerInput("c", AcquiredAt: Utc(2, 5)),
            new CustomerInput("now", AcquiredAt: recent),
        ]);
        await StoreAsync(ws, "orders", [Order("o-a", "a", Utc(2, 14), 100), Order("o-c", "c", Utc(3, 3), 100)]);
        await StoreAsync(ws, "subscriptions", [Subscription("s-b", "b", Utc(1, 20), Utc(3, 10))]);
        var thisMonth = new DateOnly(recent.Year, recent.Month, 1);

        var cohorts = await ws.Api.GetFromJsonAsync<CohortRow[]>($"/api/v1/commerce/cohorts?from=2026-01-01&to={thisMonth.AddMonths(1):yyyy-MM-dd}&periods=3");

        // January (a, b): k=1 a ordered and b subscribed; k=2 only b's subscription reaches March. February (c): c orders
        // in March, nobody in April. Birth retention = active in k / cohort size (cx-reference.md §3).
        Assert.Equal(3, cohorts!.Length);
        Assert.Equal((2L, new long?[] { 2, 2, 1 }, new double?[] { 1, 1, 0.5 }), (cohorts[0].Size, cohorts[0].Active.ToArray(), cohorts[0].Retention.ToArray()), TupleOfArrays.Instance);
        Assert.Equal([1, 1, 0], cohorts[1].Active);
        Assert.Equal(thisMonth, cohorts[2].Cohort);
        Assert.Equal([1, null, null], cohorts[2].Active);
    }

    internal static OrderInput Order(string id, string customer, DateTime at, long amount, string currency = "EUR") => new(id, customer, at, amount, currency);

    internal static SubscriptionInput Subscription(string id, string customer, DateTime started, DateTime? cancelledAt, long mrr = 2000, string plan = "pro", string currency = "EUR") =>
        new(id, customer, plan, started, mrr, currency, cancelledAt);

    internal static object Step(string session, string step, string state, DateTime at, string journey = "checkout") =>
        new { journey, step, sessionId = session, state, at };

    private static IEnumerable<object> Valid(string facts) => facts switch
    {
        "customers" => [new CustomerInput("c-1", Email: "a@example.test"), new CustomerInput("c-2", AcquiredAt: Utc(2, 1), AcquisitionSource: "paid")],
        "orders" => [Order("o-1", "c-1", Utc(2, 1), 1999), Order("o-2", "c-2", Utc(2, 2), -500, "USD")],
        "subscriptions" => [Subscription("s-1", "c-1", Utc(1, 1), null), Subscription("s-2", "c-2", Utc(1, 1), Utc(2, 1))],
        "referrals" => [new ReferralInput("c-1", "c-2", Utc(1, 1)), new ReferralInput("c-1", "c-3", Utc(1, 2), Utc(1, 9))],
        _ => [Step("s1", "cart", "started", Utc(2, 1)), Step("s1", "cart", "completed", Utc(2, 1))],
    };

    private static (IEnumerable<object> Items, string Path) Invalid(string facts) => facts switch
    {
        "customers" => ([new CustomerInput("c-1"), new CustomerInput("c-2", Email: "not-an-address")], "items[1].email"),
        "orders" => ([Order("o-1", "c-1", Utc(2, 1), 1999), new OrderInput("o-2", "c-2", Utc(2, 2), null, "EUR")], "items[1].amountMinor"),
        "subscriptions" => ([Subscription("s-1", "c-1", Utc(1, 1), null), Subscription("s-2", "c-2", Utc(2, 1), Utc(1, 1))], "items[1].cancelledAt"),
        "referrals" => ([new ReferralInput("c-1", "c-2", Utc(1, 1)), new ReferralInput("c-3", "c-3", Utc(1, 2))], "items[1].referredExternalId"),
        _ => ([Step("s1", "cart", "started", Utc(2, 1)), Step("s1", "cart", "finished", Utc(2, 1))], "items[1].state"),
    };

    private async Task<int> CountAsync(Guid workspaceId, string facts) =>
        await App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LoopwiseDbContext>();
            return facts switch
            {
                "customers" => await db.Set<Customer>().CountAsync(),
                "orders" => await db.Set<Order>().CountAsync(),
                "subscriptions" => await db.Set<Subscription>().CountAsync(),
                "referrals" => await db.Set<Referral>().CountAsync(),
                _ => await db.Set<JourneyStep>().CountAsync(),
            };
        }, workspaceId);

    private async Task<long> RollupRowsAsync(Guid workspaceId) =>
        await App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LoopwiseDbContext>();
            return await db.Set<RevenueRollup>().LongCountAsync() + await db.Set<SubscriptionRollup>().LongCountAsync()
                + await db.Set<ReferralRollup>().LongCountAsync() + await db.Set<JourneyRollup>().LongCountAsync()
                + await db.Set<CustomerActivityMonth>().LongCountAsync() + await db.Set<CustomerAttributeChange>().LongCountAsync();
        }, workspaceId);
}

/// <summary>Compares (size, active, retention) with the arrays by content.</summary>
internal sealed class TupleOfArrays : IEqualityComparer<(long, long?[], double?[])>
{
    public static readonly TupleOfArrays Instance = new();

    public bool Equals((long, long?[], double?[]) x, (long, long?[], double?[]) y) =>
        x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2) && x.Item3.SequenceEqual(y.Item3);

    public int GetHashCode((long, long?[], double?[]) obj) => obj.Item1.GetHashCode();
}

[Collection(Collections.Sqlite)]
public sealed class CommerceApiTests_Sqlite(SqliteAppFixture fixture) : CommerceApiTests(fixture);

[Collection(Collections.Postgres)]
public sealed class CommerceApiTests_Postgres(PostgresAppFixture fixture) : CommerceApiTests(fixture);
