using System.Globalization;
using System.Text.Json;
using Loopwise.EndToEnd.Infrastructure;
using Loopwise.Features.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Loopwise.EndToEnd.Features.Dashboards;

/// <summary>
/// Issue 3's browser story: on the demo workspace an analyst reads a KPI on the overview (the same figure as the API),
/// explores NPS by month by region and downloads the chart's CSV; both pages pass axe-core.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardsTests(BrowserFixture browser)
{
    [Fact]
    public async Task Analyst_reads_the_overview_explores_nps_by_region_and_downloads_the_csv()
    {
        var demo = await browser.App.WithScopeAsync(async sp => (await sp.GetRequiredService<DemoGenerator>().BuildAsync(
            new DemoOptions { Slug = "demo-" + Guid.NewGuid().ToString("N")[..10], Responses = 800, Seed = 5 }, null, CancellationToken.None)).Value!);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("E-mail").FillAsync($"analyst@{demo.Slug}.loopwise.test");
        await page.GetByLabel("Password").FillAsync(demo.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Overview: the NPS card shows the API's formatted figure and n for the same slice (twelve months, monthly).
        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboards" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "CX overview" })).ToBeVisibleAsync();
        var figure = await page.GetByTestId("kpi-value-nps").TextContentAsync();
        var n = await page.GetByTestId("kpi-n-nps").TextContentAsync();
        var api = await ApiAsync(page, "/api/v1/kpis/nps?interval=month");
        var total = api.RootElement.GetProperty("groups")[0];
        Assert.Equal(total.GetProperty("formatted").GetString(), figure);
        Assert.Equal(total.GetProperty("total").GetProperty("n").GetInt64().ToString(CultureInfo.InvariantCulture), n);
        await Assertions.Expect(page.Locator("[data-kpi=nps] [data-chart-state=ready]")).ToHaveCountAsync(1);
        await Screenshots.TakeAsync(page, "20-dashboards-overview");
        var overviewViolations = await Axe.ViolationsAsync(page);
        Assert.True(overviewViolations.Count == 0, string.Join("\n", overviewViolations));

        // Explorer: NPS by month by region, through the form.
        await page.GetByRole(AriaRole.Link, new() { Name = "Explore NPS (relationship)" }).ClickAsync();
        await page.GetByLabel("Group by").SelectOptionAsync("region");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "NPS (relationship) by month, by region" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-chart][data-chart-state=ready]")).ToHaveCountAsync(1);
        await Screenshots.TakeAsync(page, "21-dashboards-explorer");
        var violations = await Axe.ViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("explorer-csv").ClickAsync());
        var lines = (await File.ReadAllTextAsync(await download.PathAsync())).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var byRegion = await ApiAsync(page, "/api/v1/kpis/nps?interval=month&by=region");
        var regions = byRegion.RootElement.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("group").GetString()!).ToList();
        Assert.True(regions.Count >= 5, $"the demo has eight regions, the API found {regions.Count}");
        Assert.Equal(1 + (regions.Count * 12), lines.Length);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(regions, region => Assert.Equal(12, rows.Count(r => r[1] == region)));
        Assert.Equal(regions.Count * 12, rows.Select(r => (r[1], r[3])).Distinct().Count());
    }

    private static async Task<JsonDocument> ApiAsync(IPage page, string url)
    {
        var response = await page.APIRequest.GetAsync(url);
        Assert.True(response.Ok, $"GET {url} answered {response.Status}");
        return JsonDocument.Parse(await response.TextAsync());
    }
}
