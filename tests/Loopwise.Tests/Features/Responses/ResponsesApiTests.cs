using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loopwise.Core.Surveys;
using Loopwise.Features.Customers;
using Loopwise.Features.Responses;
using Loopwise.Features.Surveys;
using Loopwise.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Responses;

public abstract class ResponsesApiTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    private static readonly DateTime Completed = new(2026, 3, 4, 16, 14, 40, 123, DateTimeKind.Utc);

    [Fact]
    public async Task Single_response_is_stored_raw_and_read_back_by_ef_with_the_same_values()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);

        var response = await ws.Api.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/responses", new
        {
            answers = new Dictionary<string, object> { ["nps"] = 9, ["features"] = new[] { "fast", "Friendly staff" }, ["plan"] = "Pro plan", ["reason"] = "  Quick, \"friendly\" — merci  " },
            touchpointKey = ResponsesTestSurvey.TouchpointKey,
            customerExternalId = "CUST-7",
            language = "fr",
            startedAt = Completed.AddSeconds(-95.5),
            completedAt = Completed,
            externalId = "ext-1",
        });
        var created = await response.Content.ReadFromJsonAsync<CreatedResponse>();
        var stored = Assert.Single(await ResponsesTestSurvey.ResponsesAsync(App, ws.Id, survey.Id));
        var customer = await App.WithScopeAsync(s => s.GetRequiredService<Loopwise.Data.LoopwiseDbContext>().Set<Customer>().SingleAsync(), ws.Id);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(created!.Id, stored.Id);
        Assert.Equal(ws.Id, stored.WorkspaceId);
        Assert.Equal(Completed, stored.CompletedAt);
        Assert.Equal(DateTimeKind.Utc, stored.CompletedAt!.Value.Kind);
        Assert.Equal(Completed.AddSeconds(-95.5), stored.StartedAt);
        Assert.Equal(DistributionChannel.Api, stored.Channel);
        Assert.Equal("fr", stored.Language);
        Assert.Equal("ext-1", stored.ExternalId);
        Assert.Equal(survey.Version, stored.SurveyVersion);
        Assert.Equal("CUST-7", customer.ExternalId);
        Assert.Equal(customer.Id, stored.CustomerId);
        Assert.NotEqual(Guid.Empty, stored.TouchpointId);
        Assert.Null(stored.InvitationId);
        var answers = SurveyJson.DeserializeAnswers(stored.AnswersJson);
        Assert.Equal(9, answers.Find("nps")!.Number);
        Assert.Equal(new[] { "fast", "friendly" }, answers.Find("features")!.Choices!);
        Assert.Equal(new[] { "pro" }, answers.Find("plan")!.Choices!);
        Assert.Equal("Quick, \"friendly\" — merci", answers.Find("reason")!.Text);
    }

    [Fact]
    public async Task Batch_retried_with_the_same_key_is_stored_once_and_replayed()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);
        var body = Batch(Enumerable.Range(0, 3).Select(i => Item(nps: i)));

        var first = await PostBatchAsync(ws, survey.Id, body, "key-1");
        var retry = await PostBatchAsync(ws, survey.Id, body, "key-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        var firstIds = (await first.Content.ReadFromJsonAsync<CreatedResponses>())!.Ids;
        var retryIds = (await retry.Content.ReadFromJsonAsync<CreatedResponses>())!.Ids;
        Assert.Equal(firstIds, retryIds);
        Assert.Equal(3, (await ResponsesTestSurvey.ResponsesAsync(App, ws.Id, survey.Id)).Count);
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_store_the_batch_once()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);
        var body = Batch(Enumerable.Range(0, 200).Select(i => Item(nps: i % 11)));

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostBatchAsync(ws, survey.Id, body, "same-key")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<CreatedResponses>())!.Ids));
        Assert.All(ids, list => Assert.Equal(ids[0], list));
        Assert.Equal(200, (await ResponsesTestSurvey.ResponsesAsync(App, ws.Id, survey.Id)).Count);
        var (_, totals) = await ResponsesTestSurvey.RollupsAsync(App, ws.Id, survey.Id);
        Assert.Equal(200, totals.Sum(t => t.Completed));
    }

    [Fact]
    public async Task Same_key_with_a_different_body_is_refused_with_422()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);

        await PostBatchAsync(ws, survey.Id, Batch([Item(nps: 9)]), "key-2");
        var other = await PostBatchAsync(ws, survey.Id, Batch([Item(nps: 3)]), "key-2");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Single(await ResponsesTestSurvey.ResponsesAsync(App, ws.Id, survey.Id));
    }

    [Fact]
    public async Task Batch_without_an_idempotency_key_is_refused()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);

        var response = await PostBatchAsync(ws, survey.Id, Batch([Item(nps: 9)]), key: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", (await ErrorsAsync(response)).Keys);
        Assert.Empty(await ResponsesTestSurvey.ResponsesAsync(App, ws.Id, survey.Id));
    }

    [Fact]
    public async Task Batch_with_invalid_items_lists_each_bad_field_and_stores_nothing()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);
        await PostBatchAsync(ws, survey.Id, Batch([Item(nps: 10)]), "before");
        var before = await ResponsesTestSurvey.RollupsAsync(App, ws.Id, survey.Id);
        var items = Enumerable.Range(0, 50).Select(i => Item(nps: i % 11)).ToList();
        items[3] = Item(nps: 11);
        items[17] = new { answers = new Dictionary<string, object> { ["nps"] = 5, ["features"] = new[] { "teleport" } }, touchpointKey = "nowhere" };
        items[42] = new { answers = new Dictionary<string, object> { ["csat"] = 4 } };

        var response = await PostBatchAsync(ws, survey.Id, Batch(items), "bad-batch");
        var errors = await ErrorsAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            new[] { "responses[17].answers.features", "responses[17].touchpointKey", "responses[3].answers.nps", "responses[42].answers.nps" },
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("outside the scale", errors["responses[3].answers.nps"][0], StringComparison.Ordinal);
        Assert.Contains("required", errors["responses[42].answers.nps"][0], StringComparison.Ordinal);
        Assert.Single(await ResponsesTestSurvey.ResponsesAsync(App, ws.Id, survey.Id));
        var after = await ResponsesTestSurvey.RollupsAsync(App, ws.Id, survey.Id);
        Assert.Equal(Summary(before), Summary(after));
    }

    [Fact]
    public async Task Batch_of_10000_is_accepted_and_10001_is_refused()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);

        var tooMany = await PostBatchAsync(ws, survey.Id, Batch(Enumerable.Range(0, 10_001).Select(i => Item(nps: i % 11))), "big-1");
        var accepted = await PostBatchAsync(ws, survey.Id, Batch(Enumerable.Range(0, 10_000).Select(i => Item(nps: i % 11))), "big-2");

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("responses", (await ErrorsAsync(tooMany)).Keys);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(10_000, (await accepted.Content.ReadFromJsonAsync<CreatedResponses>())!.Accepted);
        Assert.Equal(10_000, (await ResponsesTestSurvey.ResponsesAsync(App, ws.Id, survey.Id)).Count);
    }

    [Fact]
    public async Task Rollups_equal_a_recount_of_the_stored_responses()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);
        var random = new Random(7);
        for (var b = 0; b < 3; b++)
        {
            var items = Enumerable.Range(0, 300).Select(i => (object)new
            {
                answers = new Dictionary<string, object> { ["nps"] = random.Next(0, 11), ["csat"] = random.Next(1, 6) },
                touchpointKey = random.Next(2) == 0 ? ResponsesTestSurvey.TouchpointKey : null,
                completedAt = Completed.AddHours(-random.Next(0, 96)),
            });
            Assert.Equal(HttpStatusCode.Created, (await PostBatchAsync(ws, survey.Id, Batch(items), $"recount-{b}")).StatusCode);
        }

        await ws.Api.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/responses", Item(nps: 0));

        var stored = await ResponsesTestSurvey.ResponsesAsync(App, ws.Id, survey.Id);
        var (answers, totals) = await ResponsesTestSurvey.RollupsAsync(App, ws.Id, survey.Id);
        var recount = stored
            .SelectMany(r => SurveyJson.DeserializeAnswers(r.AnswersJson).Answers
                .Select(a => $"{a.Key}|{r.TouchpointId}|{DateOnly.FromDateTime(r.CompletedAt!.Value):yyyy-MM-dd}|{a.Value.Number}"))
            .GroupBy(k => k).ToDictionary(g => g.Key, g => (long)g.Count());
        var rolled = answers.ToDictionary(a => $"{a.QuestionId}|{a.TouchpointId}|{a.Day:yyyy-MM-dd}|{a.Value}", a => a.Count);
        var recountTotals = stored.GroupBy(r => $"{r.TouchpointId}|{DateOnly.FromDateTime(r.CompletedAt!.Value):yyyy-MM-dd}").ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(901, stored.Count);
        Assert.Equal(recount.OrderBy(k => k.Key, StringComparer.Ordinal), rolled.OrderBy(k => k.Key, StringComparer.Ordinal));
        Assert.Equal(recountTotals.OrderBy(k => k.Key, StringComparer.Ordinal), totals.ToDictionary(t => $"{t.TouchpointId}|{t.Day:yyyy-MM-dd}", t => t.Completed).OrderBy(k => k.Key, StringComparer.Ordinal));
        Assert.All(totals, t => Assert.Equal(t.Completed, t.Started));
    }

    [Fact]
    public async Task Concurrent_single_responses_add_up_exactly_in_the_rollups_and_the_metrics()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);
        const int Count = 66; // nps 0..10 six times each: 12 promoters (9, 10), 12 passives (7, 8), 42 detractors (0-6)

        var posted = await Task.WhenAll(Enumerable.Range(0, Count).Select(i => ws.Api.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/responses", Item(nps: i % 11))));

        Assert.All(posted, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var raw = await App.WithScopeAsync(sp => sp.GetRequiredService<Loopwise.Data.LoopwiseDbContext>().Set<ResponseRollup>().AsNoTracking().Where(r => r.SurveyId == survey.Id).ToListAsync(), ws.Id);
        var (answers, totals) = await ResponsesTestSurvey.RollupsAsync(App, ws.Id, survey.Id);
        var total = Assert.Single(totals);
        Assert.Equal((Count, Count), (total.Started, total.Completed));
        Assert.All(answers.Where(a => a.QuestionId == "nps"), a => Assert.Equal(6, a.Count));
        // Small writes spread over slots on PostgreSQL (so respondents do not queue on one row); SQLite keeps one row.
        var postgres = App.Services.GetRequiredService<Loopwise.Data.DatabaseOptions>().Provider == Loopwise.Data.DatabaseProvider.Postgres;
        Assert.True(postgres ? raw.Select(r => r.Slot).Distinct().Count() > 1 : raw.Count == 1, $"{raw.Count} rows in slots {string.Join(',', raw.Select(r => r.Slot))}");
        using var metrics = JsonDocument.Parse(await ws.Api.GetStringAsync($"/api/v1/surveys/{survey.Id}/metrics?from=2026-03-01&to=2026-03-31"));
        var nps = metrics.RootElement.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("questionId").GetString() == "nps");
        Assert.Equal(Count, nps.GetProperty("n").GetInt32());
        Assert.Equal((12.0 - 42.0) / Count, nps.GetProperty("score").GetDouble(), 10);
    }

    [Fact]
    public async Task Draft_survey_refuses_responses_with_409()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws, SurveyStatus.Draft);

        var response = await ws.Api.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/responses", Item(nps: 9));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Single_response_error_paths_have_no_prefix_and_a_duplicate_external_id_is_refused()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);

        var bad = await ws.Api.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/responses", new { answers = new Dictionary<string, object> { ["nps"] = 7.5, ["plan"] = "gold" } });
        var first = await ws.Api.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/responses", new { answers = new { nps = 8 }, externalId = "x-1" });
        var again = await ws.Api.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/responses", new { answers = new { nps = 8 }, externalId = "x-1" });

        Assert.Equal(new[] { "answers.nps", "answers.plan" }, (await ErrorsAsync(bad)).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("externalId", (await ErrorsAsync(again)).Keys);
        Assert.Single(await ResponsesTestSurvey.ResponsesAsync(App, ws.Id, survey.Id));
    }

    [Fact]
    public async Task Export_csv_has_one_column_per_question_and_choices_joined_with_semicolons()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);
        await PostBatchAsync(ws, survey.Id, Batch(
        new object[]
        {
            new { answers = new Dictionary<string, object> { ["nps"] = 10, ["features"] = new[] { "fast", "cheap" }, ["reason"] = "Fast, \"cheap\"" }, touchpointKey = ResponsesTestSurvey.TouchpointKey, completedAt = Completed, customerExternalId = "C-1", language = "en" },
            new { answers = new Dictionary<string, object> { ["nps"] = 3, ["csat"] = 2, ["plan"] = "basic" }, completedAt = Completed.AddDays(-10) },
        }), "export");

        var csv = await ws.Api.GetStringAsync($"/api/v1/surveys/{survey.Id}/responses.csv");
        var recent = await ws.Api.GetStringAsync($"/api/v1/surveys/{survey.Id}/responses.csv?from=2026-03-01T00:00:00Z");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("response_id,started_at,completed_at,touchpoint,channel,language,customer_id,nps,csat,features,reason,plan", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.EndsWith(",2026-02-22T16:14:40.123Z,2026-02-22T16:14:40.123Z,,Api,en,,3,2,,,basic", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",2026-03-04T16:14:40.123Z,2026-03-04T16:14:40.123Z,web-checkout,Api,en,C-1,10,,fast;cheap,\"Fast, \"\"cheap\"\"\",", lines[2], StringComparison.Ordinal);
        Assert.Equal(2, recent.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_batch_body()
    {
        using var client = App.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/surveys/{surveyId}/responses/batch", document, StringComparison.Ordinal);
        Assert.Contains("ResponseBatchInput", document, StringComparison.Ordinal);
    }

    internal static object Item(int nps) => new { answers = new Dictionary<string, object> { ["nps"] = nps }, completedAt = Completed };

    internal static object Batch(IEnumerable<object> items) => new { responses = items.ToList() };

    private static async Task<HttpResponseMessage> PostBatchAsync(TestWorkspace ws, Guid surveyId, object body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/surveys/{surveyId}/responses/batch") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        var response = await ws.Api.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    private static string Summary((List<AnswerRollup> Answers, List<ResponseRollup> Totals) rollups) =>
        string.Join(';', rollups.Answers.OrderBy(a => a.QuestionId, StringComparer.Ordinal).ThenBy(a => a.Value).Select(a => $"{a.QuestionId}={a.Value}:{a.Count}"))
        + "|" + string.Join(';', rollups.Totals.Select(t => $"{t.Started}/{t.Completed}"));
}

[Collection(Collections.Sqlite)]
public sealed class ResponsesApiTests_Sqlite(SqliteAppFixture fixture) : ResponsesApiTests(fixture);

[Collection(Collections.Postgres)]
public sealed class ResponsesApiTests_Postgres(PostgresAppFixture fixture) : ResponsesApiTests(fixture);
