using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Loopwise.Features.Metrics;
using Loopwise.Tests.Infrastructure;

namespace Loopwise.Tests.Features.Metrics;

public abstract class ResultsPageTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    private const string Query = "from=2026-01-01&to=2026-03-31&interval=month";

    [Fact]
    public async Task Results_page_shows_the_nps_with_its_interval_and_the_completed_count()
    {
        var (ws, seed) = await MetricsApiTests.MainDatasetAsync(App);
        using var browser = new BrowserSession(App);
        await browser.SignInAsync(ws.Email, ws.Password);

        var html = await browser.Client.GetStringAsync($"/surveys/{seed.SurveyId}/results?{Query}");
        var page = new HtmlParser().ParseDocument(html);
        var text = Text(page.Body!.TextContent);

        Assert.Equal("+20", page.QuerySelector("[data-testid=nps-score]")?.TextContent);
        Assert.Equal("200", page.QuerySelector("[data-testid=completed-count]")?.TextContent);
        Assert.Contains("95% CI +8 to +32 · n=200", text, StringComparison.Ordinal); // adjusted-Wald [7.7, 31.7] rounded
        Assert.Contains("80%", page.QuerySelector("[data-testid=score-csat]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("satisfied (top-2-box)", text, StringComparison.Ordinal);
        Assert.Contains("60% low effort (answers 1-2)", text, StringComparison.Ordinal);
        Assert.Contains("70% easy (answers 5-7)", text, StringComparison.Ordinal);
        Assert.Equal(8, page.QuerySelectorAll("[data-chart] script[type='application/json']").Length);
        Assert.NotNull(page.QuerySelector("label[for=touchpoint]"));
    }

    [Fact]
    public async Task A_low_base_is_badged_and_a_base_below_10_withholds_the_score()
    {
        var ws = await App.CreateWorkspaceAsync();
        var seed = await new MetricsSeed(App, ws.Id).CreateAsync("web", "store");
        await seed.WriteNpsAsync("web", new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc), MetricsSeed.Repeat((10, 20)));
        await seed.WriteNpsAsync("store", new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc), MetricsSeed.Repeat((10, 9)));
        using var browser = new BrowserSession(App);
        await browser.SignInAsync(ws.Email, ws.Password);

        var low = await TextOfAsync(browser, $"/surveys/{seed.SurveyId}/results?from=2026-06-01&to=2026-06-30&touchpoint=web");
        var hidden = new HtmlParser().ParseDocument(
            await browser.Client.GetStringAsync($"/surveys/{seed.SurveyId}/results?from=2026-06-01&to=2026-06-30&touchpoint=store"));

        Assert.Contains("low base: ±28 pts or worse", low, StringComparison.Ordinal);
        Assert.Null(hidden.QuerySelector("[data-testid=nps-score]"));
        Assert.Contains("n=9 is below 10", hidden.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_filters_are_shown_beside_the_form()
    {
        var ws = await App.CreateWorkspaceAsync();
        var seed = await new MetricsSeed(App, ws.Id).CreateAsync("web");
        using var browser = new BrowserSession(App);
        await browser.SignInAsync(ws.Email, ws.Password);

        var html = await TextOfAsync(browser, $"/surveys/{seed.SurveyId}/results?from=2026-05-01&to=2026-04-01");

        Assert.Contains("must not be after to", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_download_has_the_same_trend_numbers_as_the_api()
    {
        var (ws, seed) = await MetricsApiTests.MainDatasetAsync(App);
        using var browser = new BrowserSession(App);
        await browser.SignInAsync(ws.Email, ws.Password);
        var page = new HtmlParser().ParseDocument(await browser.Client.GetStringAsync($"/surveys/{seed.SurveyId}/results?{Query}"));
        var link = page.QuerySelector("a[download]")!.GetAttribute("href")!;

        var csv = await browser.Client.GetAsync(link);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var api = (await ws.Api.GetFromJsonAsync<SurveyMetrics>($"/api/v1/surveys/{seed.SurveyId}/metrics?{Query}", MetricsApiTests.Json))!;

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(MetricsCsv.Header, lines[0]);
        var expected = api.Trend.SelectMany(t => t.Points.Select(p => (t.QuestionId, p))).ToList();
        Assert.Equal(expected.Count, lines.Length - 1);
        Assert.Equal(12, expected.Count); // 4 rating questions x 3 months
        foreach (var ((questionId, point), line) in expected.Zip(lines.Skip(1)))
        {
            var cells = line.Split(',');
            Assert.Equal(questionId, cells[0]);
            Assert.Equal(point.Period, cells[4]);
            Assert.Equal(point.N, long.Parse(cells[7], CultureInfo.InvariantCulture));
            Assert.Equal(point.Value, Parse(cells[9]));
            Assert.Equal(point.Interval?.Lower, Parse(cells[10]));
            Assert.Equal(point.Interval?.Upper, Parse(cells[11]));
        }

        Assert.Equal("nps,Nps,nps_0_10,nps,2026-02,2026-02-01,2026-02-28,0,None,,,", lines[2]);
    }

    [Fact]
    public async Task Another_workspaces_results_page_is_not_found()
    {
        var a = await App.CreateWorkspaceAsync();
        var b = await App.CreateWorkspaceAsync();
        var seedOfA = await new MetricsSeed(App, a.Id).CreateAsync("web");
        using var browser = new BrowserSession(App);
        await browser.SignInAsync(b.Email, b.Password);

        var page = await browser.Client.GetAsync($"/surveys/{seedOfA.SurveyId}/results");
        var csv = await browser.Client.GetAsync($"/surveys/{seedOfA.SurveyId}/results.csv");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
    }

    private static string Text(string content) => string.Join(' ', content.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static async Task<string> TextOfAsync(BrowserSession browser, string url) =>
        Text(new HtmlParser().ParseDocument(await browser.Client.GetStringAsync(url)).Body!.TextContent);

    private static double? Parse(string cell) => cell.Length == 0 ? null : double.Parse(cell, CultureInfo.InvariantCulture);
}

[Collection(Collections.Sqlite)]
public sealed class ResultsPageTests_Sqlite(SqliteAppFixture fixture) : ResultsPageTests(fixture);

[Collection(Collections.Postgres)]
public sealed class ResultsPageTests_Postgres(PostgresAppFixture fixture) : ResultsPageTests(fixture);
