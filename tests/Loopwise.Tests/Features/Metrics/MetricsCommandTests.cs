using System.Text.Json;
using Loopwise.Tests.Infrastructure;

namespace Loopwise.Tests.Features.Metrics;

public abstract class MetricsCommandTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Metrics_verb_with_json_prints_the_api_document_for_a_survey_found_by_link_token()
    {
        var (ws, seed) = await MetricsApiTests.MainDatasetAsync(App);
        const string query = "from=2026-01-01&to=2026-03-31&interval=month";
        var api = await ws.Api.GetStringAsync($"/api/v1/surveys/{seed.SurveyId}/metrics?{query}");

        var (exit, output) = await CliRun.RunAsync(
            "metrics", "--db", App.Database, "--workspace", ws.Slug, "--survey", seed.LinkToken,
            "--from", "2026-01-01", "--to", "2026-03-31", "--interval", "month", "--json");

        Assert.Equal(0, exit);
        using var printed = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        using var expected = JsonDocument.Parse(api);
        Assert.True(JsonElement.DeepEquals(expected.RootElement, printed.RootElement), output);
    }

    [Fact]
    public async Task Metrics_verb_with_a_kpi_prints_the_kpi_api_document_and_a_table()
    {
        var (ws, seed) = await MetricsApiTests.MainDatasetAsync(App);
        var api = await ws.Api.GetStringAsync($"/api/v1/kpis/tnps?from=2026-01-01&to=2026-03-31&interval=month&survey={seed.SurveyId}&by=touchpoint");

        var (exit, output) = await CliRun.RunAsync(
            "metrics", "--db", App.Database, "--workspace", ws.Slug, "--kpi", "tnps", "--survey", seed.LinkToken,
            "--from", "2026-01-01", "--to", "2026-03-31", "--by", "touchpoint", "--json");
        var (tableExit, table) = await CliRun.RunAsync(
            "metrics", "--db", App.Database, "--workspace", ws.Slug, "--kpi", "tnps", "--from", "2026-01-01", "--to", "2026-03-31");

        Assert.Equal(0, exit);
        using var printed = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        using var expected = JsonDocument.Parse(api);
        Assert.True(JsonElement.DeepEquals(expected.RootElement, printed.RootElement), output);
        Assert.NotEmpty(expected.RootElement.GetProperty("groups").EnumerateArray());
        Assert.True(tableExit == 0, table);
        Assert.Contains("95% CI", table, StringComparison.Ordinal);
        Assert.Contains("2026-02", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_verb_without_a_kpi_or_a_survey_says_what_to_give()
    {
        var ws = await App.CreateWorkspaceAsync();

        var (exit, _) = await CliRun.RunAsync("metrics", "--db", App.Database, "--workspace", ws.Slug);

        Assert.NotEqual(0, exit);
    }

    [Fact]
    public async Task Metrics_verb_reports_a_bad_interval_and_exits_non_zero()
    {
        var ws = await App.CreateWorkspaceAsync();
        var seed = await new MetricsSeed(App, ws.Id).CreateAsync("web");

        var (exit, _) = await CliRun.RunAsync("metrics", "--db", App.Database, "--workspace", ws.Slug, "--survey", seed.SurveyId.ToString(), "--interval", "hourly");

        Assert.Equal(2, exit);
    }
}

[Collection(Collections.Sqlite)]
public sealed class MetricsCommandTests_Sqlite(SqliteAppFixture fixture) : MetricsCommandTests(fixture);

[Collection(Collections.Postgres)]
public sealed class MetricsCommandTests_Postgres(PostgresAppFixture fixture) : MetricsCommandTests(fixture);
