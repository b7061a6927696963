using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Customers;
using Loopwise.Features.Surveys;
using Loopwise.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Kpis;

public abstract class KpisApiTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Relationship_nps_of_100_promoters_40_passives_60_detractors_is_20_with_its_adjusted_wald_interval_and_splits_by_region()
    {
        var ws = await App.CreateWorkspaceAsync();
        var surveyId = await SeedAsync(ws);
        await ws.Api.PutAsJsonAsync("/api/v1/dimensions", new[] { new { attribute = "region", label = "Region" } });
        // cx-reference.md §1 vector: P=100, A=40, D=60. North gets 80 promoters + 20 detractors, South the rest.
        var scores = Enumerable.Repeat(10, 100).Concat(Enumerable.Repeat(8, 40)).Concat(Enumerable.Repeat(3, 60)).ToList();
        var items = scores.Select((score, i) => new
        {
            answers = new Dictionary<string, object> { ["nps"] = score },
            customerExternalId = (i < 80 || (i >= 140 && i < 160)) ? "north" : "south",
            completedAt = new DateTime(2026, 2, 1 + (i % 28), 12, 0, 0, DateTimeKind.Utc),
        }).ToList();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/surveys/{surveyId}/responses/batch") { Content = JsonContent.Create(new { responses = items }) };
        request.Headers.Add("Idempotency-Key", "kpi-vector");
        Assert.Equal(HttpStatusCode.Created, (await ws.Api.SendAsync(request)).StatusCode);

        using var all = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/kpis/nps?from=2026-01-01&to=2026-03-31&interval=month"));
        using var byRegion = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/kpis/nps?from=2026-01-01&to=2026-03-31&interval=month&by=region"));

        var total = all.RootElement.GetProperty("groups")[0].GetProperty("total");
        Assert.Equal(200, total.GetProperty("n").GetInt64());
        Assert.Equal(0.20, total.GetProperty("value").GetDouble(), 10);
        Assert.Equal(0.077, total.GetProperty("interval").GetProperty("lower").GetDouble(), 3);
        Assert.Equal(0.317, total.GetProperty("interval").GetProperty("upper").GetDouble(), 3);
        Assert.Equal(new[] { "2026-01:0", "2026-02:200", "2026-03:0" },
            all.RootElement.GetProperty("groups")[0].GetProperty("points").EnumerateArray().Select(p => $"{p.GetProperty("period").GetString()}:{p.GetProperty("n").GetInt64()}"));
        Assert.True(all.RootElement.GetProperty("fromRollups").GetBoolean());
        Assert.Equal("Watch", all.RootElement.GetProperty("groups")[0].GetProperty("status").GetString()); // +20 is below the ">= 50" target
        Assert.Equal("NoData", all.RootElement.GetProperty("groups")[0].GetProperty("change").GetProperty("verdict").GetString()); // March is empty

        // The workspace's own target rates the same +20: on target at ">= 10", in action below an action threshold of "< 25".
        Assert.Equal(HttpStatusCode.OK, (await ws.Api.PutAsJsonAsync("/api/v1/targets/nps", new { target = new { op = ">=", value = 10 } })).StatusCode);
        Assert.Equal("OnTarget", await StatusAsync(ws));
        Assert.Equal(HttpStatusCode.OK, (await ws.Api.PutAsJsonAsync("/api/v1/targets/nps", new { target = new { op = ">=", value = 50 }, action = new { op = "<", value = 25 } })).StatusCode);
        Assert.Equal("Action", await StatusAsync(ws));
        var regions = byRegion.RootElement.GetProperty("groups").EnumerateArray()
            .ToDictionary(g => g.GetProperty("group").GetString()!, g => (g.GetProperty("total").GetProperty("n").GetInt64(), g.GetProperty("total").GetProperty("value").GetDouble()));
        Assert.Equal((100L, 0.60), (regions["north"].Item1, Math.Round(regions["north"].Item2, 10))); // 80 P, 0 A, 20 D
        Assert.Equal((100L, -0.20), (regions["south"].Item1, Math.Round(regions["south"].Item2, 10))); // 20 P, 40 A, 40 D
    }

    [Fact]
    public async Task A_significant_month_over_month_rise_gets_an_up_arrow_and_is_better()
    {
        var ws = await App.CreateWorkspaceAsync();
        var surveyId = await SeedAsync(ws);
        // cx-reference.md §1: (100, 40, 60) against (60, 70, 70) gives z ≈ 2.96, significant. February is the second, March the first.
        var february = Scores(60, 70, 70).Select(s => (s, new DateTime(2026, 2, 10, 9, 0, 0, DateTimeKind.Utc)));
        var march = Scores(100, 40, 60).Select(s => (s, new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc)));
        var items = february.Concat(march).Select(x => new { answers = new Dictionary<string, object> { ["nps"] = x.s }, completedAt = x.Item2 }).ToList();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/surveys/{surveyId}/responses/batch") { Content = JsonContent.Create(new { responses = items }) };
        request.Headers.Add("Idempotency-Key", "kpi-change");
        Assert.Equal(HttpStatusCode.Created, (await ws.Api.SendAsync(request)).StatusCode);

        using var series = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/kpis/nps?from=2026-02-01&to=2026-03-31&interval=month"));
        var change = series.RootElement.GetProperty("groups")[0].GetProperty("change");

        Assert.Equal(("2026-02", "2026-03"), (change.GetProperty("from").GetString(), change.GetProperty("to").GetString()));
        Assert.Equal(0.25, change.GetProperty("delta").GetDouble(), 10);
        Assert.True(change.GetProperty("significant").GetBoolean());
        Assert.Equal("Up", change.GetProperty("arrow").GetString());
        Assert.Equal("Better", change.GetProperty("verdict").GetString());
        Assert.InRange(change.GetProperty("pValue").GetDouble(), 0.0025, 0.0035); // two-sided p for z ≈ 2.96
    }

    private static async Task<string?> StatusAsync(TestWorkspace ws)
    {
        using var json = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/kpis/nps?from=2026-01-01&to=2026-03-31&interval=month"));
        return json.RootElement.GetProperty("groups")[0].GetProperty("status").GetString();
    }

    private static IEnumerable<int> Scores(int promoters, int passives, int detractors) =>
        Enumerable.Repeat(10, promoters).Concat(Enumerable.Repeat(7, passives)).Concat(Enumerable.Repeat(0, detractors));

    [Fact]
    public async Task A_bad_slice_is_refused_with_one_error_per_field()
    {
        var ws = await App.CreateWorkspaceAsync();

        var response = await ws.Api.GetAsync("/api/v1/kpis/nps?from=2026-13-01&interval=fortnight&touchpoint=nowhere&where=region&by=colour&channel=pigeon");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var unknownKpi = await ws.Api.GetAsync("/api/v1/kpis/happiness");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(new[] { "by", "channel", "from", "interval", "touchpoint", "where" },
            problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, unknownKpi.StatusCode);
    }

    private async Task<Guid> SeedAsync(TestWorkspace ws) =>
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LoopwiseDbContext>();
            var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            db.Add(new Customer { WorkspaceId = ws.Id, Id = Guid.NewGuid(), ExternalId = "north", AttributesJson = """{"region":"north"}""", CreatedAt = now });
            db.Add(new Customer { WorkspaceId = ws.Id, Id = Guid.NewGuid(), ExternalId = "south", AttributesJson = """{"region":"south"}""", CreatedAt = now });
            var survey = new Survey
            {
                WorkspaceId = ws.Id,
                Id = Guid.NewGuid(),
                Name = "Relationship",
                Kind = SurveyKind.Relationship,
                Status = SurveyStatus.Published,
                LinkToken = "k" + Guid.NewGuid().ToString("N")[..10],
                DefinitionJson = SurveyJson.Serialize(new SurveyDefinition
                {
                    DefaultLanguage = "en", Languages = ["en"], Title = new LocalizedText("en", "Relationship"),
                    Questions = [new Question { Id = "nps", Type = QuestionType.Nps, Text = new LocalizedText("en", "Recommend?"), Required = true }],
                }),
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Add(survey);
            await db.SaveChangesAsync();
            return survey.Id;
        }, ws.Id);
}

[Collection(Collections.Sqlite)]
public sealed class KpisApiTests_Sqlite(SqliteAppFixture fixture) : KpisApiTests(fixture);

[Collection(Collections.Postgres)]
public sealed class KpisApiTests_Postgres(PostgresAppFixture fixture) : KpisApiTests(fixture);
