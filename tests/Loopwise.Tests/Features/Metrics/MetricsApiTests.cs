using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Loopwise.Core.Metrics;
using Loopwise.Features.Metrics;
using Loopwise.Tests.Infrastructure;

namespace Loopwise.Tests.Features.Metrics;

public abstract class MetricsApiTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private const string Q1 = "from=2026-01-01&to=2026-03-31&interval=month";

    [Fact]
    public async Task Nps_of_100_promoters_40_passives_60_detractors_is_20_with_adjusted_wald_7_7_to_31_7()
    {
        var (ws, seed) = await MainDatasetAsync();

        var metrics = await GetAsync(ws, seed.SurveyId, Q1);

        var nps = Question(metrics, "nps");
        Assert.Equal("nps", nps.Metric);
        Assert.Equal(200, nps.N);
        Assert.Equal(SampleBase.Ok, nps.SampleBase);
        Assert.Equal(0.20, nps.Score!.Value, 10);
        Assert.Equal(0.077, nps.Interval!.Lower, 3); // cx-reference.md §1 vector: adjusted-Wald [7.7, 31.7]
        Assert.Equal(0.317, nps.Interval.Upper, 3);
        Assert.Equal(new NpsBreakdown(100, 40, 60), nps.Nps);
        Assert.Equal(11, nps.Counts.Count);
        Assert.Equal(100, nps.Counts.Single(c => c.Value == 10).Count);
        Assert.Equal(0, nps.Counts.Single(c => c.Value == 9).Count);
    }

    [Fact]
    public async Task Csat_of_160_satisfied_in_200_is_80_percent_wilson_73_9_to_85_0_with_mean_4_05()
    {
        var (ws, seed) = await MainDatasetAsync();

        var csat = Question(await GetAsync(ws, seed.SurveyId, Q1), "csat");

        Assert.Equal("top2box", csat.Metric);
        Assert.Equal(0.80, csat.Score!.Value, 10); // cx-reference.md §2: 160/200 -> 80% [73.9%, 85.0%]
        Assert.Equal(0.739, csat.Interval!.Lower, 3);
        Assert.Equal(0.850, csat.Interval.Upper, 3);
        Assert.Equal("satisfied", csat.Favourable!.Label);
        Assert.Equal([4, 5], csat.Favourable.Values);
        Assert.Equal(160, csat.Favourable.Count);
        Assert.Equal(4.05, csat.Mean!.Value, 10); // counts (10, 10, 20, 80, 80) -> mean 4.05, CI ±0.150
        Assert.Equal(0.150, csat.Mean.Value - csat.MeanInterval!.Lower, 3);
        Assert.Equal(0.150, csat.MeanInterval.Upper - csat.Mean.Value, 3);
        Assert.Equal([10L, 10, 20, 80, 80], csat.Counts.Select(c => c.Count));
    }

    [Fact]
    public async Task Ces_reports_mean_and_favourable_share_by_the_polarity_of_its_scale()
    {
        var (ws, seed) = await MainDatasetAsync();

        var metrics = await GetAsync(ws, seed.SurveyId, Q1);
        var effort = Question(metrics, "ces5");
        var agree = Question(metrics, "ces7");

        // CES 1-5 effort counts (60, 60, 40, 20, 20): mean 480/200 = 2.4, s = 1.2838, t(199) = 1.972 -> ±0.179;
        // low effort {1, 2} = 120/200 = 60%, Wilson [53.1%, 66.5%].
        Assert.Equal("ces_effort_1_5", effort.ScaleId);
        Assert.Equal(ScalePolarity.LowerIsBetter, effort.Polarity);
        Assert.Equal("mean", effort.Metric);
        Assert.Equal(2.4, effort.Score!.Value, 10);
        Assert.Equal(0.179, effort.Score.Value - effort.Interval!.Lower, 3);
        Assert.Equal("low_effort", effort.Favourable!.Label);
        Assert.Equal([1, 2], effort.Favourable.Values);
        Assert.Equal(0.60, effort.Favourable.Share!.Value, 10);
        Assert.Equal(0.531, effort.Favourable.Interval!.Lower, 3);
        Assert.Equal(0.665, effort.Favourable.Interval.Upper, 3);
        // CES 1-7 agreement counts (10, 10, 20, 20, 40, 50, 50): mean 1020/200 = 5.1, s = 1.7335 -> ±0.242;
        // easy {5, 6, 7} = 140/200 = 70%, Wilson [63.3%, 75.9%].
        Assert.Equal("ces_agree_1_7", agree.ScaleId);
        Assert.Equal(ScalePolarity.HigherIsBetter, agree.Polarity);
        Assert.Equal(5.1, agree.Score!.Value, 10);
        Assert.Equal(0.242, agree.Interval!.Upper - agree.Score.Value, 3);
        Assert.Equal("easy", agree.Favourable!.Label);
        Assert.Equal(0.70, agree.Favourable.Share!.Value, 10);
        Assert.Equal(0.633, agree.Favourable.Interval!.Lower, 3);
        Assert.Equal(0.759, agree.Favourable.Interval.Upper, 3);
    }

    [Fact]
    public async Task Monthly_trend_re_aggregates_counts_and_leaves_an_empty_month_null()
    {
        var (ws, seed) = await MainDatasetAsync();

        var metrics = await GetAsync(ws, seed.SurveyId, Q1);
        var nps = metrics.Trend.Single(t => t.QuestionId == "nps");
        var csat = metrics.Trend.Single(t => t.QuestionId == "csat");

        Assert.Equal(["2026-01", "2026-02", "2026-03"], nps.Points.Select(p => p.Period));
        Assert.Equal([120L, 0, 80], nps.Points.Select(p => p.N));
        Assert.Equal(100.0 / 120, nps.Points[0].Value!.Value, 10); // January: 100 promoters, 20 passives
        Assert.Null(nps.Points[1].Value);
        Assert.Null(nps.Points[1].Interval);
        Assert.Equal(SampleBase.None, nps.Points[1].SampleBase);
        Assert.Equal(-0.75, nps.Points[2].Value!.Value, 10); // March: 20 passives, 60 detractors
        Assert.Equal(new DateOnly(2026, 2, 1), nps.Points[1].From);
        Assert.Equal(new DateOnly(2026, 2, 28), nps.Points[1].To);
        // The whole range is 0.20 from the pooled counts, not the mean of the monthly scores (0.0417).
        Assert.Equal(0.20, Question(metrics, "nps").Score!.Value, 10);
        Assert.Equal(80.0 / 120, csat.Points[0].Value!.Value, 10);
        Assert.Equal(1.0, csat.Points[2].Value!.Value, 10);
    }

    [Fact]
    public async Task Funnel_counts_partial_starts_and_gives_wilson_intervals()
    {
        var (ws, seed) = await MainDatasetAsync();
        await seed.StartAsync("web", new DateTime(2026, 2, 10, 9, 0, 0, DateTimeKind.Utc), 50);

        var funnel = (await GetAsync(ws, seed.SurveyId, Q1)).Funnel;

        Assert.Equal(250, funnel.Started);
        Assert.Equal(200, funnel.Completed);
        Assert.Equal(0.8, funnel.CompletionRate.Value!.Value, 10); // 200/250, Wilson [74.6%, 84.5%]
        Assert.Equal(0.746, funnel.CompletionRate.Interval!.Lower, 3);
        Assert.Equal(0.845, funnel.CompletionRate.Interval.Upper, 3);
        Assert.Equal(50, funnel.AbandonmentRate.Numerator);
        Assert.Equal(0.2, funnel.AbandonmentRate.Value!.Value, 10);
        Assert.Equal(0.155, funnel.AbandonmentRate.Interval!.Lower, 3);
    }

    [Fact]
    public async Task Date_range_includes_both_boundary_days_in_utc()
    {
        var ws = await App.CreateWorkspaceAsync();
        var seed = await new MetricsSeed(App, ws.Id).CreateAsync("web");
        await seed.WriteNpsAsync("web", new DateTime(2025, 12, 31, 23, 59, 59, DateTimeKind.Utc), [0]);
        await seed.WriteNpsAsync("web", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), [10]);
        await seed.WriteNpsAsync("web", new DateTime(2026, 1, 31, 23, 59, 59, DateTimeKind.Utc), [9]);
        await seed.WriteNpsAsync("web", new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc), [0]);

        var metrics = await GetAsync(ws, seed.SurveyId, "from=2026-01-01&to=2026-01-31&interval=day");
        var nps = Question(metrics, "nps");

        Assert.Equal(2, nps.N);
        Assert.Equal(new NpsBreakdown(2, 0, 0), nps.Nps);
        Assert.Equal(2, metrics.Funnel.Completed);
        Assert.Equal(31, metrics.Trend.Single(t => t.QuestionId == "nps").Points.Count);
        Assert.Equal(new MetricsFilters(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), null, "day"), metrics.Filters);
    }

    [Fact]
    public async Task Touchpoint_filter_and_breakdown_keep_touchpoints_apart()
    {
        var ws = await App.CreateWorkspaceAsync();
        var seed = await new MetricsSeed(App, ws.Id).CreateAsync("web", "store");
        var day = new DateTime(2026, 5, 4, 12, 0, 0, DateTimeKind.Utc);
        await seed.WriteNpsAsync("web", day, MetricsSeed.Repeat((10, 30)));
        await seed.WriteNpsAsync("store", day, MetricsSeed.Repeat((0, 12)));

        var all = await GetAsync(ws, seed.SurveyId, "from=2026-05-01&to=2026-05-31");
        var web = await GetAsync(ws, seed.SurveyId, "from=2026-05-01&to=2026-05-31&touchpoint=web");
        var store = await GetAsync(ws, seed.SurveyId, "from=2026-05-01&to=2026-05-31&touchpoint=store");

        Assert.Equal(42, Question(all, "nps").N);
        Assert.Equal(18.0 / 42, Question(all, "nps").Score!.Value, 10); // (30 − 12)/42 from pooled counts
        Assert.Equal(30, Question(web, "nps").N);
        Assert.Equal(1.0, Question(web, "nps").Score!.Value, 10);
        Assert.Equal("web", web.Filters.Touchpoint);
        Assert.Equal(12, Question(store, "nps").N);
        Assert.Equal(-1.0, Question(store, "nps").Score!.Value, 10);
        Assert.Equal(SampleBase.Low, Question(store, "nps").SampleBase);
        Assert.Equal(12, store.Funnel.Completed);
        Assert.Equal(["store", "web"], all.ByTouchpoint.Select(t => t.Key));
        var storeRow = all.ByTouchpoint.Single(t => t.Key == "store").Questions.Single(q => q.QuestionId == "nps");
        var webRow = all.ByTouchpoint.Single(t => t.Key == "web");
        Assert.Equal(12, storeRow.N);
        Assert.Equal(-1.0, storeRow.Value!.Value, 10);
        Assert.Equal(30, webRow.Completed);
        Assert.Equal(1.0, webRow.Questions.Single(q => q.QuestionId == "nps").Value!.Value, 10);
        Assert.Single(web.ByTouchpoint);
    }

    [Theory]
    [InlineData(9, "Hidden")]
    [InlineData(10, "Low")]
    [InlineData(29, "Low")]
    [InlineData(30, "Ok")]
    public async Task Small_bases_are_flagged_and_below_10_the_score_is_withheld_but_counts_shown(int n, string expected)
    {
        var ws = await App.CreateWorkspaceAsync();
        var seed = await new MetricsSeed(App, ws.Id).CreateAsync("web");
        await seed.WriteNpsAsync("web", new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc), MetricsSeed.Repeat((10, n)));

        var nps = Question(await GetAsync(ws, seed.SurveyId, "from=2026-06-01&to=2026-06-30"), "nps");

        Assert.Equal(n, nps.N);
        Assert.Equal(Enum.Parse<SampleBase>(expected), nps.SampleBase);
        Assert.Equal(n, nps.Counts.Single(c => c.Value == 10).Count);
        if (n < 10)
        {
            Assert.Null(nps.Score);
            Assert.Null(nps.Interval);
        }
        else
        {
            Assert.Equal(1.0, nps.Score!.Value, 10);
        }
    }

    [Fact]
    public async Task Questions_without_answers_are_null_not_zero()
    {
        var ws = await App.CreateWorkspaceAsync();
        var seed = await new MetricsSeed(App, ws.Id).CreateAsync("web");
        await seed.WriteNpsAsync("web", new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc), MetricsSeed.Repeat((5, 40)));

        var metrics = await GetAsync(ws, seed.SurveyId, "from=2026-06-01&to=2026-06-30");
        var csat = Question(metrics, "csat");

        Assert.Equal(-1.0, Question(metrics, "nps").Score!.Value, 10);
        Assert.Equal(0, csat.N);
        Assert.Equal(SampleBase.None, csat.SampleBase);
        Assert.Null(csat.Score);
        Assert.Null(csat.Mean);
        Assert.Null(csat.Favourable!.Share);
        Assert.DoesNotContain(metrics.Questions, q => q.QuestionId == "comment");
    }

    [Fact]
    public async Task Json_uses_proportions_and_documented_field_names()
    {
        var (ws, seed) = await MainDatasetAsync();

        using var doc = JsonDocument.Parse(await ws.Api.GetStringAsync($"/api/v1/surveys/{seed.SurveyId}/metrics?{Q1}"));
        var root = doc.RootElement;
        var nps = root.GetProperty("questions")[0];

        Assert.Equal(seed.SurveyId, root.GetProperty("survey").GetProperty("id").GetGuid());
        Assert.Equal("2026-01-01", root.GetProperty("filters").GetProperty("from").GetString());
        Assert.Equal("month", root.GetProperty("filters").GetProperty("interval").GetString());
        Assert.Equal("nps", nps.GetProperty("questionId").GetString());
        Assert.Equal("Nps", nps.GetProperty("type").GetString());
        Assert.Equal("Ok", nps.GetProperty("sampleBase").GetString());
        Assert.Equal(0.2, nps.GetProperty("score").GetDouble(), 10);
        Assert.True(nps.GetProperty("interval").GetProperty("upper").GetDouble() < 1);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("trend")[0].GetProperty("points")[1].GetProperty("value").ValueKind);
        Assert.Equal(200, root.GetProperty("funnel").GetProperty("completed").GetInt64());
        Assert.Equal(1.0, root.GetProperty("funnel").GetProperty("completionRate").GetProperty("value").GetDouble(), 10);
    }

    [Theory]
    [InlineData("from=2026-02-01&to=2026-01-01", "from")]
    [InlineData("from=01/02/2026", "from")]
    [InlineData("to=2026-13-01", "to")]
    [InlineData("interval=fortnight", "interval")]
    [InlineData("from=2000-01-01&to=2026-01-01&interval=day", "interval")]
    [InlineData("touchpoint=nowhere", "touchpoint")]
    public async Task Bad_parameters_answer_400_with_the_field_in_error(string query, string field)
    {
        var ws = await App.CreateWorkspaceAsync();
        var seed = await new MetricsSeed(App, ws.Id).CreateAsync("web");

        var response = await ws.Api.GetAsync($"/api/v1/surveys/{seed.SurveyId}/metrics?{query}");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"errors has no '{field}'");
    }

    [Fact]
    public async Task Unknown_survey_and_another_workspaces_survey_are_404()
    {
        var a = await App.CreateWorkspaceAsync();
        var b = await App.CreateWorkspaceAsync();
        var seedOfA = await new MetricsSeed(App, a.Id).CreateAsync("web");
        await seedOfA.WriteNpsAsync("web", new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc), MetricsSeed.Repeat((10, 40)));

        var unknown = await a.Api.GetAsync($"/api/v1/surveys/{Guid.NewGuid()}/metrics");
        var crossed = await b.Api.GetAsync($"/api/v1/surveys/{seedOfA.SurveyId}/metrics");
        var own = await a.Api.GetAsync($"/api/v1/surveys/{seedOfA.SurveyId}/metrics");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task A_key_without_dashboards_read_is_forbidden()
    {
        var ws = await App.CreateWorkspaceAsync();
        var seed = await new MetricsSeed(App, ws.Id).CreateAsync("web");
        var created = await ws.Api.PostAsJsonAsync("/api/v1/api-keys", new { name = "writer", scopes = new[] { "surveys.write" } });
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString());

        var response = await client.GetAsync($"/api/v1/surveys/{seed.SurveyId}/metrics");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    internal static QuestionMetric Question(SurveyMetrics metrics, string id) => metrics.Questions.Single(q => q.QuestionId == id);

    /// <summary>
    /// 200 responses at touchpoint "web": NPS P=100, A=40, D=60; CSAT (10, 10, 20, 80, 80); CES 1-5 (60, 60, 40, 20, 20);
    /// CES 1-7 (10, 10, 20, 20, 40, 50, 50). The first 120 in January 2026, the other 80 in March; none in February.
    /// </summary>
    internal static async Task<(TestWorkspace Ws, MetricsSeed Seed)> MainDatasetAsync(LoopwiseApp app)
    {
        var ws = await app.CreateWorkspaceAsync();
        var seed = await new MetricsSeed(app, ws.Id).CreateAsync("web", "store");
        var nps = MetricsSeed.Repeat((10, 100), (8, 40), (3, 60));
        var csat = MetricsSeed.Repeat((1, 10), (2, 10), (3, 20), (4, 80), (5, 80));
        var ces5 = MetricsSeed.Repeat((1, 60), (2, 60), (3, 40), (4, 20), (5, 20));
        var ces7 = MetricsSeed.Repeat((1, 10), (2, 10), (3, 20), (4, 20), (5, 40), (6, 50), (7, 50));
        await seed.WriteAsync(Enumerable.Range(0, 200).Select(i => (
            "web",
            new DateTime(2026, i < 120 ? 1 : 3, 1 + (i % 31), 10, 0, 0, DateTimeKind.Utc),
            (int?)nps[i], (int?)csat[i], (int?)ces5[i], (int?)ces7[i])));
        return (ws, seed);
    }

    private Task<(TestWorkspace Ws, MetricsSeed Seed)> MainDatasetAsync() => MainDatasetAsync(App);

    private static async Task<SurveyMetrics> GetAsync(TestWorkspace ws, Guid surveyId, string query)
    {
        var response = await ws.Api.GetAsync($"/api/v1/surveys/{surveyId}/metrics?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SurveyMetrics>(Json))!;
    }
}

[Collection(Collections.Sqlite)]
public sealed class MetricsApiTests_Sqlite(SqliteAppFixture fixture) : MetricsApiTests(fixture);

[Collection(Collections.Postgres)]
public sealed class MetricsApiTests_Postgres(PostgresAppFixture fixture) : MetricsApiTests(fixture);
