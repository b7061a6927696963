using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Loopwise.Features.Dashboards;
using Loopwise.Features.Demo;
using Loopwise.Tests.Features.Metrics;
using Loopwise.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Dashboards;

public abstract class DashboardsPageTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    /// <summary>One small demo build per database (real clock: the year up to yesterday), shared by the read-only tests.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<Task<DemoResult>>> Demos = new(StringComparer.Ordinal);

    private Task<DemoResult> DemoAsync() =>
        Demos.GetOrAdd(App.Database, _ => new Lazy<Task<DemoResult>>(() => App.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<DemoGenerator>().BuildAsync(
                new DemoOptions { Slug = "demo-" + Guid.NewGuid().ToString("N")[..10], Responses = 1_500, Seed = 11 }, null, CancellationToken.None)).Value!))).Value;

    [Fact]
    public async Task Overview_cards_show_the_apis_formatted_figure_interval_n_and_status_for_every_kpi()
    {
        var demo = await DemoAsync();
        using var browser = await SignInAsync(demo, "leader");

        var page = await PageAsync(browser, "/dashboards");

        var withData = 0;
        foreach (var kpi in DashboardKpis.All)
        {
            using var api = JsonDocument.Parse(await browser.Client.GetStringAsync($"/api/v1/kpis/{kpi}?interval=month"));
            var group = api.RootElement.GetProperty("groups")[0];
            var n = group.GetProperty("total").GetProperty("n").GetInt64();
            Assert.Equal(12, group.GetProperty("points").GetArrayLength());
            if (n == 0)
            {
                Assert.NotNull(page.QuerySelector($"[data-testid=no-data-{kpi}]"));
                continue;
            }

            withData++;
            Assert.Equal(group.GetProperty("formatted").GetString(), page.QuerySelector($"[data-testid=kpi-value-{kpi}]")?.TextContent);
            Assert.Equal(n.ToString(CultureInfo.InvariantCulture), page.QuerySelector($"[data-testid=kpi-n-{kpi}]")?.TextContent);
            var status = page.QuerySelector($"[data-testid=kpi-status-{kpi}]")!;
            Assert.Equal(group.GetProperty("status").GetString() switch
            {
                "OnTarget" => "badge good",
                "Watch" => "badge watch",
                "Action" => "badge action",
                "LowBase" => "badge low-base",
                _ => "badge",
            }, status.GetAttribute("class"));
            Assert.NotNull(page.QuerySelector($"[data-kpi={kpi}] .sparkline[data-chart] script[type='application/json']"));
        }

        Assert.True(withData >= 3, $"the demo should give data to most KPIs, got {withData}");
        Assert.StartsWith("/dashboards/explorer?kpi=nps&from=", page.QuerySelector("[data-kpi=nps] a[href^='/dashboards/explorer']")?.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_csv_has_a_headline_and_twelve_months_per_kpi_with_the_apis_numbers()
    {
        var demo = await DemoAsync();
        using var browser = await SignInAsync(demo, "leader");
        var page = await PageAsync(browser, "/dashboards");

        var response = await browser.Client.GetAsync(page.QuerySelector("a[download]")!.GetAttribute("href"));
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        using var nps = JsonDocument.Parse(await browser.Client.GetStringAsync("/api/v1/kpis/nps?interval=month"));
        var group = nps.RootElement.GetProperty("groups")[0];

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(DashboardCsv.OverviewHeader, lines[0]);
        Assert.Equal(1 + (DashboardKpis.All.Count * 13), lines.Length);
        var total = lines[1].Split(',');
        Assert.Equal(("nps", "total"), (total[0], total[2]));
        Assert.Equal(Number(group.GetProperty("total"), "value"), total[5]);
        Assert.Equal(group.GetProperty("total").GetProperty("n").GetInt64().ToString(CultureInfo.InvariantCulture), total[8]);
        Assert.Equal(group.GetProperty("status").GetString(), total[9]);
        foreach (var (point, line) in group.GetProperty("points").EnumerateArray().Zip(lines.Skip(2).Take(12)))
        {
            var cells = line.Split(',');
            Assert.Equal(point.GetProperty("period").GetString(), cells[2]);
            Assert.Equal(Number(point, "value"), cells[5]);
            Assert.Equal(point.GetProperty("n").GetInt64().ToString(CultureInfo.InvariantCulture), cells[8]);
        }
    }

    [Fact]
    public async Task Explorer_shows_each_slice_error_beside_its_field()
    {
        var demo = await DemoAsync();
        using var browser = await SignInAsync(demo, "analyst");

        var page = await PageAsync(browser, "/dashboards/explorer?kpi=nps&from=2026-13-01&interval=fortnight&by=colour&whereDimension=region&whereValue=");

        Assert.Contains("is not a date", page.QuerySelector("#from-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("is not an interval", page.QuerySelector("#interval-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("is not a grouping", page.QuerySelector("#by-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("is not a filter", page.QuerySelector("#where-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("from-error", page.QuerySelector("#from")?.GetAttribute("aria-describedby"));
        Assert.Null(page.QuerySelector("#to-error"));
        Assert.Null(page.QuerySelector("[data-chart]"));
        Assert.All(page.QuerySelectorAll("form input:not([type=hidden]), form select"), field => Assert.NotNull(page.QuerySelector($"label[for={field.Id}]")));
    }

    [Fact]
    public async Task Explorer_csv_is_the_charts_data_and_equals_the_api_by_region_and_month()
    {
        var demo = await DemoAsync();
        using var browser = await SignInAsync(demo, "analyst");
        const string Slice = "interval=month&by=region";

        var page = await PageAsync(browser, "/dashboards/explorer?kpi=nps&" + Slice);
        var response = await browser.Client.GetAsync(page.QuerySelector("[data-testid=explorer-csv]")!.GetAttribute("href"));
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        using var api = JsonDocument.Parse(await browser.Client.GetStringAsync("/api/v1/kpis/nps?" + Slice));
        var expected = api.RootElement.GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("points").EnumerateArray().Select(p => (Group: g.GetProperty("group").GetString()!, Point: p))).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DashboardCsv.ExplorerHeader, lines[0]);
        Assert.True(api.RootElement.GetProperty("groups").GetArrayLength() >= 5, "the demo has eight regions");
        Assert.Equal(expected.Count, lines.Length - 1);
        foreach (var ((group, point), line) in expected.Zip(lines.Skip(1)))
        {
            var cells = Csv(line);
            Assert.Equal(("nps", group, point.GetProperty("period").GetString()), (cells[0], cells[1], cells[3]));
            Assert.Equal(Number(point, "value"), cells[6]);
            Assert.Equal(point.GetProperty("interval").ValueKind == JsonValueKind.Null ? string.Empty : Number(point.GetProperty("interval"), "lower"), cells[7]);
            Assert.Equal(point.GetProperty("n").GetInt64().ToString(CultureInfo.InvariantCulture), cells[9]);
        }

        var chart = JsonDocument.Parse(page.QuerySelector("[data-chart] script")!.TextContent);
        Assert.Equal(api.RootElement.GetProperty("groups").GetArrayLength(), chart.RootElement.GetProperty("series").GetArrayLength());
    }

    [Fact]
    public async Task Drill_down_of_a_cell_lists_exactly_the_n_answers_shown_in_it()
    {
        var demo = await DemoAsync();
        using var browser = await SignInAsync(demo, "analyst");
        var page = await PageAsync(browser, "/dashboards/explorer?kpi=csat&interval=quarter&by=region");

        var cells = page.QuerySelectorAll("[data-testid=periods] td[data-n] a").Take(3)
            .Concat(page.QuerySelectorAll("[data-testid=totals] td a").Take(1)).ToList();
        Assert.Equal(4, cells.Count);
        foreach (var link in cells)
        {
            var n = long.Parse(link.Closest("td")!.GetAttribute("data-n") ?? link.TextContent, CultureInfo.InvariantCulture);
            var (total, rows) = await DrillDownAsync(browser, link.GetAttribute("href")!);
            Assert.Equal(n, total);
            Assert.Equal(n, rows);
        }
    }

    [Fact]
    public async Task Drill_down_pages_sixty_answers_fifty_then_ten_newest_first()
    {
        var ws = await App.CreateWorkspaceAsync();
        var seed = await new MetricsSeed(App, ws.Id).CreateAsync("web", "store");
        // 60 answers at "web" on 60 distinct minutes of 2026-06-10, 7 at "store" (another group), and one in July (another period).
        var june = new DateTime(2026, 6, 10, 8, 0, 0, DateTimeKind.Utc);
        await seed.WriteAsync(Enumerable.Range(0, 60).Select(i => ("web", june.AddMinutes(i), (int?)(i % 11), (int?)null, (int?)null, (int?)null)));
        await seed.WriteNpsAsync("store", june, MetricsSeed.Repeat((9, 7)));
        await seed.WriteNpsAsync("web", new DateTime(2026, 7, 1, 8, 0, 0, DateTimeKind.Utc), [10]);
        using var browser = new BrowserSession(App);
        await browser.SignInAsync(ws.Email, ws.Password);

        var first = await PageAsync(browser, "/dashboards/explorer/responses?kpi=tnps&from=2026-06-01&to=2026-07-31&interval=month&by=touchpoint&period=2026-06-01&group=web");
        var second = await PageAsync(browser, first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);

        Assert.Equal("60", first.QuerySelector("[data-testid=drilldown-total]")?.TextContent);
        Assert.Equal(50, first.QuerySelectorAll("[data-testid=drilldown] tbody tr").Length);
        Assert.Equal(10, second.QuerySelectorAll("[data-testid=drilldown] tbody tr").Length);
        Assert.Null(second.QuerySelector("a[rel=next]"));
        Assert.Equal("2026-06-10 08:59", first.QuerySelector("[data-testid=drilldown] tbody tr td")?.TextContent); // newest first
        Assert.Equal("2026-06-10 08:00", second.QuerySelectorAll("[data-testid=drilldown] tbody tr")[^1].QuerySelector("td")?.TextContent);
        Assert.Equal("4", first.QuerySelectorAll("[data-testid=drilldown] tbody tr td")[4].TextContent); // minute 59 answered 59 % 11 = 4
        Assert.Equal("0", second.QuerySelectorAll("[data-testid=drilldown] tbody tr")[^1].QuerySelectorAll("td")[4].TextContent); // minute 0 answered 0
    }

    [Fact]
    public async Task Touchpoint_view_shows_each_touchpoints_n_as_the_api_by_touchpoint()
    {
        var demo = await DemoAsync();
        using var browser = await SignInAsync(demo, "director");

        var page = await PageAsync(browser, "/dashboards/touchpoints");
        var range = $"from={page.QuerySelector("#from")!.GetAttribute("value")}&to={page.QuerySelector("#to")!.GetAttribute("value")}";

        Assert.Equal(11, page.QuerySelectorAll("tr[data-touchpoint]").Length);
        var checkedCells = 0;
        foreach (var kpi in DashboardKpis.Touchpoint)
        {
            using var api = JsonDocument.Parse(await browser.Client.GetStringAsync($"/api/v1/kpis/{kpi}?{range}&interval=quarter&by=touchpoint"));
            foreach (var group in api.RootElement.GetProperty("groups").EnumerateArray().Where(g => g.GetProperty("group").GetString()!.Length > 0))
            {
                var cell = page.QuerySelector($"tr[data-touchpoint='{group.GetProperty("group").GetString()}'] td[data-kpi={kpi}]")!;
                Assert.Contains("n=" + group.GetProperty("total").GetProperty("n").GetInt64().ToString(CultureInfo.InvariantCulture), cell.TextContent, StringComparison.Ordinal);
                var withheld = group.GetProperty("total").GetProperty("value").ValueKind == JsonValueKind.Null; // n below 10
                Assert.Contains(withheld ? "withheld" : group.GetProperty("formatted").GetString()!, cell.TextContent, StringComparison.Ordinal);
                checkedCells++;
            }
        }

        Assert.True(checkedCells >= 5, $"the demo answers CSAT and CES at several touchpoints, checked {checkedCells}");
        Assert.NotNull(page.QuerySelector("a[download][href^='/dashboards/touchpoints/csv']"));
    }

    [Theory]
    [InlineData("responder")]
    [InlineData("admin")]
    public async Task A_role_without_dashboards_read_is_refused_every_dashboard_page(string account)
    {
        var demo = await DemoAsync();
        using var browser = await SignInAsync(demo, account);

        foreach (var url in new[] { "/dashboards", "/dashboards/overview.csv", "/dashboards/explorer", "/dashboards/explorer/csv", "/dashboards/explorer/responses", "/dashboards/touchpoints" })
        {
            var response = await browser.Client.GetAsync(url);
            Assert.Equal("/denied", response.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.DoesNotContain("kpi-value", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private async Task<BrowserSession> SignInAsync(DemoResult demo, string account)
    {
        var browser = new BrowserSession(App);
        await browser.SignInAsync($"{account}@{demo.Slug}.loopwise.test", demo.Password);
        return browser;
    }

    private static async Task<IDocument> PageAsync(BrowserSession browser, string url)
    {
        var response = await browser.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The total a drill-down states and the rows it lists over all its pages.</summary>
    private static async Task<(long Total, long Rows)> DrillDownAsync(BrowserSession browser, string url)
    {
        var page = await PageAsync(browser, url);
        var total = long.Parse(page.QuerySelector("[data-testid=drilldown-total]")!.TextContent, CultureInfo.InvariantCulture);
        long rows = 0;
        while (true)
        {
            rows += page.QuerySelectorAll("[data-testid=drilldown] tbody tr").Length;
            if (page.QuerySelector("a[rel=next]")?.GetAttribute("href") is not { } next)
            {
                return (total, rows);
            }

            page = await PageAsync(browser, next);
        }
    }

    private static string Number(JsonElement element, string property) =>
        element.GetProperty(property) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble().ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string[] Csv(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }
}

[Collection(Collections.Sqlite)]
public sealed class DashboardsPageTests_Sqlite(SqliteAppFixture fixture) : DashboardsPageTests(fixture);

[Collection(Collections.Postgres)]
public sealed class DashboardsPageTests_Postgres(PostgresAppFixture fixture) : DashboardsPageTests(fixture);
