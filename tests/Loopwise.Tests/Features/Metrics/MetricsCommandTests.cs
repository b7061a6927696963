using System.Text.Json;
using Loopwise.Cli;
using Loopwise.Tests.Infrastructure;

namespace Loopwise.Tests.Features.Metrics;

public abstract class MetricsCommandTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    private static readonly SemaphoreSlim ConsoleLock = new(1, 1);

    [Fact]
    public async Task Metrics_verb_with_json_prints_the_api_document_for_a_survey_found_by_link_token()
    {
        var (ws, seed) = await MetricsApiTests.MainDatasetAsync(App);
        const string query = "from=2026-01-01&to=2026-03-31&interval=month";
        var api = await ws.Api.GetStringAsync($"/api/v1/surveys/{seed.SurveyId}/metrics?{query}");

        var (exit, output) = await RunAsync(
            "metrics", "--db", App.Database, "--workspace", ws.Slug, "--survey", seed.LinkToken,
            "--from", "2026-01-01", "--to", "2026-03-31", "--interval", "month", "--json");

        Assert.Equal(0, exit);
        using var printed = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        using var expected = JsonDocument.Parse(api);
        Assert.True(JsonElement.DeepEquals(expected.RootElement, printed.RootElement), output);
    }

    [Fact]
    public async Task Metrics_verb_reports_a_bad_interval_and_exits_non_zero()
    {
        var ws = await App.CreateWorkspaceAsync();
        var seed = await new MetricsSeed(App, ws.Id).CreateAsync("web");

        var (exit, _) = await RunAsync("metrics", "--db", App.Database, "--workspace", ws.Slug, "--survey", seed.SurveyId.ToString(), "--interval", "hourly");

        Assert.Equal(2, exit);
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        await ConsoleLock.WaitAsync();
        var original = Console.Out;
        using var writer = new StringWriter();
        try
        {
            Console.SetOut(writer);
            var exit = await LoopwiseCli.RunAsync(args);
            return (exit, writer.ToString());
        }
        finally
        {
            Console.SetOut(original);
            ConsoleLock.Release();
        }
    }
}

[Collection(Collections.Sqlite)]
public sealed class MetricsCommandTests_Sqlite(SqliteAppFixture fixture) : MetricsCommandTests(fixture);

[Collection(Collections.Postgres)]
public sealed class MetricsCommandTests_Postgres(PostgresAppFixture fixture) : MetricsCommandTests(fixture);
