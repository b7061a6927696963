using System.Text.Json;
using Loopwise.Tests.Features.Commerce;
using Loopwise.Tests.Infrastructure;

namespace Loopwise.Tests.Features.Kpis;

/// <summary>Churn, retention and referral rate through the KPI series, hand-computed (cx-reference.md §3).</summary>
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

    private static DateTime Day(int month, int day) => new(2026, month, day, 12, 0, 0, DateTimeKind.Utc);
}

[Collection(Collections.Sqlite)]
public sealed class BusinessKpisApiTests_Sqlite(SqliteAppFixture fixture) : BusinessKpisApiTests(fixture);

[Collection(Collections.Postgres)]
public sealed class BusinessKpisApiTests_Postgres(PostgresAppFixture fixture) : BusinessKpisApiTests(fixture);
