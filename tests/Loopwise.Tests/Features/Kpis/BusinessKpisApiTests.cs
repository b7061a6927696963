using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MonthRevenue = Loopwise.Features.Commerce.MonthRevenue;
using Loopwise.Tests.Features.Commerce;
using Loopwise.Tests.Infrastructure;

namespace Loopwise.Tests.Features.Kpis;

/// <summary>Churn, retention, referral rate, revenue per customer and CLV through the KPI series, hand-computed (cx-reference.md §3).</summary>
public abstract class BusinessKpisApiTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    private const string FebruaryToMarch = "from=2026-02-01&to=2026-03-31&interval=month";

    [Fact]
    public async Task Churn_counts_only_customers_there_at_the_start_and_is_computed_for_each_period_and_the_whole_range()
    {
        var ws = await App.CreateWorkspaceAsync();
        await CommerceApi.StoreAsync(ws, "subscriptions",
        [
            CommerceApiTests.Subscription("s1", "c1", Day(1, 5), Day(2, 15)),   // lost in February
            CommerceApiTests.Subscription("s2", "c2", Day(1, 6), Day(3, 3)),    // lost in March
            CommerceApiTests.Subscription("s3", "c3", Day(1, 7), null),
            CommerceApiTests.Subscription("s4", "c4", Day(1, 8), null),
            CommerceApiTests.Subscription("s5", "c5", Day(2, 10), Day(2, 20)),  // acquired and lost in February: in neither
        ]);

        using var churn = JsonDocument.Parse(await ws.Api.GetStringAsync($"/api/v1/kpis/churn_rate?{FebruaryToMarch}"));
        using var retention = JsonDocument.Parse(await ws.Api.GetStringAsync($"/api/v1/kpis/retention?{FebruaryToMarch}"));

        var group = churn.RootElement.GetProperty("groups")[0];
        var points = group.GetProperty("points").EnumerateArray().Select(p => (p.GetProperty("n").GetInt64(), Math.Round(p.GetProperty("value").GetDouble(), 10))).ToList();
        Assert.Equal(new[] { (4L, 0.25), (3L, Math.Round(1.0 / 3, 10)) }, points); // February 1 of 4; March 1 of the 3 left (s2)
        Assert.Equal((4L, 0.5), (group.GetProperty("total").GetProperty("n").GetInt64(), group.GetProperty("total").GetProperty("value").GetDouble())); // s1 and s2 of 4
        Assert.Equal(0.5, retention.RootElement.GetProperty("groups")[0].GetProperty("total").GetProperty("value").GetDouble(), 10);
    }

    [Fact]
    public async Task Referral_rate_on_the_acquisition_basis_is_new_customers_via_referral_over_all_new_customers()
    {
        var ws = await App.CreateWorkspaceAsync();
        await CommerceApi.StoreAsync(ws, "customers",
        [
            new { externalId = "r0", acquiredAt = Day(1, 2), acquisitionSource = "organic" },
            new { externalId = "r1", acquiredAt = Day(2, 3), acquisitionSource = "referral", referrerExternalId = "r0" },
            new { externalId = "r2", acquiredAt = Day(2, 4), acquisitionSource = "paid" },
            new { externalId = "r3", acquiredAt = Day(2, 5), acquisitionSource = "organic" },
            new { externalId = "r4", acquiredAt = Day(3, 6), acquisitionSource = "referral", referrerExternalId = "r0" },
        ]);

        using var rate = JsonDocument.Parse(await ws.Api.GetStringAsync($"/api/v1/kpis/referral_rate?{FebruaryToMarch}"));

        var group = rate.RootElement.GetProperty("groups")[0];
        Assert.Equal(new[] { "1/3", "1/1" }, group.GetProperty("points").EnumerateArray()
            .Select(p => $"{Math.Round(p.GetProperty("value").GetDouble() * p.GetProperty("n").GetInt64())}/{p.GetProperty("n").GetInt64()}"));
        Assert.Equal(0.5, group.GetProperty("total").GetProperty("value").GetDouble(), 10); // 2 of the 4 new in February and March
    }

    [Fact]
    public async Task Revenue_per_customer_is_revenue_over_the_daily_mean_of_customers_active_in_the_month_in_major_units()
    {
        var ws = await App.CreateWorkspaceAsync();
        await CommerceApi.StoreAsync(ws, "subscriptions", [CommerceApiTests.Subscription("s-c", "c", Day(1, 5), null, currency: "CAD")]);
        await CommerceApi.StoreAsync(ws, "orders",
        [
            CommerceApiTests.Order("o1", "a", Day(2, 10), 10_000, "CAD"),
            CommerceApiTests.Order("o2", "b", Day(2, 20), 5_000, "CAD"),
            CommerceApiTests.Order("o3", "a", Day(3, 5), 3_000, "CAD"),
        ]);

        using var arpu = JsonDocument.Parse(await ws.Api.GetStringAsync($"/api/v1/kpis/revenue_per_customer?{FebruaryToMarch}"));
        var revenue = await ws.Api.GetFromJsonAsync<MonthRevenue[]>("/api/v1/commerce/revenue?from=2026-02-01&to=2026-04-01");

        Assert.Equal("Revenue per customer (CAD)", arpu.RootElement.GetProperty("label").GetString());
        var group = arpu.RootElement.GetProperty("groups")[0];
        // February: 150.00 CAD over a, b (orders) and c (subscription) = 50; March: 30.00 over a and c = 15.
        Assert.Equal(new[] { (3L, 50.0), (2L, 15.0) }, Points(group));
        // The whole range: 180.00 over the daily mean (28 days × 3 + 31 days × 2) / 59 = 146/59 → 180 × 59 / 146 = 72.7397…
        Assert.Equal(180.0 * 59 / 146, group.GetProperty("total").GetProperty("value").GetDouble(), 9);
        Assert.Equal(2, group.GetProperty("total").GetProperty("n").GetInt64()); // 2.47 customers on average
        Assert.Equal("72.74", group.GetProperty("formatted").GetString());
        // A whole month agrees with the commerce revenue endpoint (same active-customer definition), in cents there.
        Assert.Equal(5_000m, revenue!.Single(r => r.Month == new DateOnly(2026, 2, 1)).RevenuePerActiveCustomerMinor);
    }

    [Fact]
    public async Task Clv_is_revenue_per_customer_over_contract_churn_of_the_same_period_with_revenue_as_margin_and_no_discount()
    {
        var ws = await App.CreateWorkspaceAsync();
        await CommerceApi.StoreAsync(ws, "subscriptions",
        [
            CommerceApiTests.Subscription("s1", "c1", Day(1, 5), Day(2, 15), currency: "CAD"),  // lost in February
            CommerceApiTests.Subscription("s2", "c2", Day(1, 6), null, currency: "CAD"),
            CommerceApiTests.Subscription("s3", "c3", Day(1, 7), null, currency: "CAD"),
            CommerceApiTests.Subscription("s4", "c4", Day(1, 8), Day(3, 3), currency: "CAD"),   // lost in March
        ]);
        await CommerceApi.StoreAsync(ws, "orders",
        [
            CommerceApiTests.Order("o1", "c1", Day(2, 10), 20_000, "CAD"),
            CommerceApiTests.Order("o2", "c2", Day(2, 12), 10_000, "CAD"),
            CommerceApiTests.Order("o3", "c2", Day(3, 12), 9_000, "CAD"),
            CommerceApiTests.Order("o4", "c3", Day(3, 20), 6_000, "CAD"),
        ]);

        using var clv = JsonDocument.Parse(await ws.Api.GetStringAsync($"/api/v1/kpis/clv?{FebruaryToMarch}"));

        Assert.Equal("Customer lifetime value (CAD; revenue as margin, undiscounted)", clv.RootElement.GetProperty("label").GetString());
        var group = clv.RootElement.GetProperty("groups")[0];
        // CLV = m·(1 + d)/(1 + d − r) with d = 0, i.e. m / churn (cx-reference.md §3).
        // February: m = 300.00 / 4 active (c1..c4 subscribed) = 75; 1 of 4 contracts lost, r = 0.75 → 75 / 0.25 = 300.
        // March: m = 150.00 / 3 active (c2, c3 ordered; c4 subscribed until the 3rd) = 50; 1 of 3 lost → 50 / (1/3) = 150.
        Assert.Equal(new[] { (4L, 300.0), (3L, 150.0) }, Points(group));
        // The whole range: m = 450 / ((28 × 4 + 31 × 3) / 59) = 450 × 59 / 205; 2 of 4 lost, churn 0.5 → m / 0.5.
        Assert.Equal(450.0 * 59 / 205 / 0.5, group.GetProperty("total").GetProperty("value").GetDouble(), 9);
        Assert.Equal(4, group.GetProperty("total").GetProperty("n").GetInt64());
    }

    [Fact]
    public async Task Money_kpis_use_the_currency_with_the_most_orders_never_add_currencies_and_name_the_ones_left_out()
    {
        var ws = await App.CreateWorkspaceAsync();
        await CommerceApi.StoreAsync(ws, "orders",
        [
            CommerceApiTests.Order("o1", "a", Day(2, 10), 10_000, "CAD"),
            CommerceApiTests.Order("o2", "b", Day(2, 11), 2_000, "CAD"),
            CommerceApiTests.Order("o3", "x", Day(2, 12), 100_000, "EUR"), // the largest amount, but one order of three
        ]);

        using var arpu = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/kpis/revenue_per_customer?from=2026-02-01&to=2026-02-28"));
        using var clv = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/kpis/clv?from=2026-02-01&to=2026-02-28"));

        Assert.Equal("Revenue per customer (CAD; EUR not included)", arpu.RootElement.GetProperty("label").GetString());
        // 120.00 CAD over the 3 customers active in February (a, b and x: activity is not split by currency) = 40.
        Assert.Equal(40.0, arpu.RootElement.GetProperty("groups")[0].GetProperty("total").GetProperty("value").GetDouble(), 9);
        // No contracts: no retention, so no CLV, but no failure either.
        Assert.Equal(JsonValueKind.Null, clv.RootElement.GetProperty("groups")[0].GetProperty("total").GetProperty("value").ValueKind);
        Assert.Equal("Customer lifetime value (CAD; EUR not included; revenue as margin, undiscounted)", clv.RootElement.GetProperty("label").GetString());
    }

    [Fact]
    public async Task Money_kpis_refuse_a_channel_or_a_grouping()
    {
        var ws = await App.CreateWorkspaceAsync();

        using var byChannel = await ws.Api.GetAsync($"/api/v1/kpis/revenue_per_customer?{FebruaryToMarch}&channel=email");
        using var bySurvey = await ws.Api.GetAsync($"/api/v1/kpis/clv?{FebruaryToMarch}&by=survey");

        Assert.Equal(HttpStatusCode.BadRequest, byChannel.StatusCode);
        Assert.Contains("whole customer base", await byChannel.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bySurvey.StatusCode);
        Assert.Contains("\"by\"", await bySurvey.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static (long N, double Value)[] Points(JsonElement group) =>
        [.. group.GetProperty("points").EnumerateArray().Select(p => (p.GetProperty("n").GetInt64(), Math.Round(p.GetProperty("value").GetDouble(), 9)))];

    private static DateTime Day(int month, int day) => new(2026, month, day, 12, 0, 0, DateTimeKind.Utc);
}

[Collection(Collections.Sqlite)]
public sealed class BusinessKpisApiTests_Sqlite(SqliteAppFixture fixture) : BusinessKpisApiTests(fixture);

[Collection(Collections.Postgres)]
public sealed class BusinessKpisApiTests_Postgres(PostgresAppFixture fixture) : BusinessKpisApiTests(fixture);
