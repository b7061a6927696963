using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Responses;
using Loopwise.Features.Surveys;
using Loopwise.Tests.Features.Touchpoints;
using Loopwise.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Surveys;

public abstract class SurveysApiTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    internal const string NpsDefinition = """
        {
          "defaultLanguage": "en",
          "languages": ["en"],
          "title": {"en": "Onboarding"},
          "questions": [
            {"id": "nps", "type": "nps", "text": {"en": "How likely are you to recommend us?"}, "required": true},
            {"id": "why", "type": "text", "text": {"en": "What should we do better?"},
             "showIf": {"questionId": "nps", "operator": "lessThanOrEqual", "values": ["6"]}}
          ]
        }
        """;

    [Fact]
    public async Task Create_get_update_and_publish_a_survey()
    {
        var ws = await App.CreateWorkspaceAsync();

        var created = await PostJsonAsync(ws.Api, "/api/v1/surveys", $$"""{"name": "Onboarding", "kind": "Relationship", "definition": {{NpsDefinition}} }""");
        var survey = await created.Content.ReadFromJsonAsync<SurveyItem>();
        var updatedDefinition = NpsDefinition.Replace("What should we do better?", "What went wrong?", StringComparison.Ordinal);
        var updated = await ws.Api.PutAsync($"/api/v1/surveys/{survey!.Id}/definition", Json($$"""{"definition": {{updatedDefinition}}, "expectedVersion": 1}"""));
        var stale = await ws.Api.PutAsync($"/api/v1/surveys/{survey.Id}/definition", Json($$"""{"definition": {{NpsDefinition}}, "expectedVersion": 1}"""));
        var published = await ws.Api.PostAsync($"/api/v1/surveys/{survey.Id}/publish", null);
        var fetched = await ws.Api.GetFromJsonAsync<SurveyItem>($"/api/v1/surveys/{survey.Id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("Onboarding", "Relationship", "Draft", 1), (survey.Name, survey.Kind, survey.Status, survey.Version));
        Assert.Equal(12, survey.LinkToken.Length);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(("Published", 2), (fetched!.Status, fetched.Version));
        Assert.Equal("What went wrong?", fetched.Definition.GetProperty("questions")[1].GetProperty("text").GetProperty("en").GetString());
        Assert.Equal($"http://localhost/s/{ws.Slug}/{survey.LinkToken}", fetched.Links.Public);
    }

    [Fact]
    public async Task Invalid_definition_is_a_400_with_field_paths_and_nothing_is_stored()
    {
        var ws = await App.CreateWorkspaceAsync();
        var invalid = NpsDefinition
            .Replace("\"type\": \"nps\"", "\"type\": \"ces\"", StringComparison.Ordinal)
            .Replace("\"values\": [\"6\"]", "\"values\": [\"six\"]", StringComparison.Ordinal);

        var response = await PostJsonAsync(ws.Api, "/api/v1/surveys", $$"""{"name": "Broken", "kind": "Transactional", "definition": {{invalid}} }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = await TouchpointsApiTests.ErrorsAsync(response);
        Assert.Contains("definition.questions[0].scaleId", errors.Keys);
        Assert.Contains("definition.questions[1].showIf.values[0]", errors.Keys);
        Assert.Empty((await ws.Api.GetFromJsonAsync<SurveyItem[]>("/api/v1/surveys"))!);
    }

    [Fact]
    public async Task Publishing_a_survey_without_questions_is_refused()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await (await PostJsonAsync(ws.Api, "/api/v1/surveys", """{"name": "Empty", "kind": "Transactional"}""")).Content.ReadFromJsonAsync<SurveyItem>();

        var publish = await ws.Api.PostAsync($"/api/v1/surveys/{survey!.Id}/publish", null);

        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        Assert.Contains("definition.questions", (await TouchpointsApiTests.ErrorsAsync(publish)).Keys);
        Assert.Equal("Draft", (await ws.Api.GetFromJsonAsync<SurveyItem>($"/api/v1/surveys/{survey.Id}"))!.Status);
    }

    [Fact]
    public async Task An_answered_question_cannot_be_removed_or_change_type()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await (await PostJsonAsync(ws.Api, "/api/v1/surveys", $$"""{"name": "Answered", "kind": "Transactional", "definition": {{NpsDefinition}} }"""))
            .Content.ReadFromJsonAsync<SurveyItem>();
        await AddResponseAsync(ws.Id, survey!.Id, SurveyJson.Serialize(AnswerSet.Of(("nps", AnswerValue.OfNumber(3)), ("why", AnswerValue.OfText("slow")))));
        var withoutWhy = """
            {"defaultLanguage": "en", "languages": ["en"], "title": {"en": "Onboarding"},
             "questions": [{"id": "nps", "type": "nps", "text": {"en": "How likely are you to recommend us?"}, "required": true}]}
            """;
        var retyped = NpsDefinition.Replace("\"type\": \"text\"", "\"type\": \"csat\"", StringComparison.Ordinal);

        var removed = await ws.Api.PutAsync($"/api/v1/surveys/{survey.Id}/definition", Json($$"""{"definition": {{withoutWhy}} }"""));
        var changedType = await ws.Api.PutAsync($"/api/v1/surveys/{survey.Id}/definition", Json($$"""{"definition": {{retyped}} }"""));

        Assert.Equal(HttpStatusCode.BadRequest, removed.StatusCode);
        Assert.Contains("cannot be removed", (await TouchpointsApiTests.ErrorsAsync(removed))["definition.questions"][0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, changedType.StatusCode);
        Assert.Contains("definition.questions[1].type", (await TouchpointsApiTests.ErrorsAsync(changedType)).Keys);
        Assert.Equal(1, (await ws.Api.GetFromJsonAsync<SurveyItem>($"/api/v1/surveys/{survey.Id}"))!.Version);
    }

    [Fact]
    public async Task SurveyJs_import_reports_unmapped_items_and_export_round_trips()
    {
        var ws = await App.CreateWorkspaceAsync();
        var surveyJs = await File.ReadAllTextAsync(SurveyCommandTests.SampleFile);

        var imported = await PostJsonAsync(ws.Api, "/api/v1/surveys/import/surveyjs", $$"""{"name": "From SurveyJS", "surveyJs": {{surveyJs}} }""");
        var body = await imported.Content.ReadFromJsonAsync<ImportItem>();
        var export = await ws.Api.GetAsync($"/api/v1/surveys/{body!.Survey.Id}/export/surveyjs");
        var exportedJson = await export.Content.ReadAsStringAsync();
        var reimported = await PostJsonAsync(ws.Api, "/api/v1/surveys/import/surveyjs", JsonSerializer.Serialize(new { name = "Round trip", surveyJs = exportedJson }));
        var again = await reimported.Content.ReadFromJsonAsync<ImportItem>();

        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        Assert.Equal(4, body.Unmapped.Count);
        Assert.Contains(body.Unmapped, u => u.Contains("matrix \"grid\"", StringComparison.Ordinal));
        Assert.Contains(body.Unmapped, u => u.Contains("triggers", StringComparison.Ordinal));
        var questions = body.Survey.Definition.GetProperty("questions");
        Assert.Equal(["nps", "why_low", "plan"], questions.EnumerateArray().Select(q => q.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("[]", export.Headers.GetValues(SurveysApi.UnmappedHeader).Single());
        Assert.Equal(HttpStatusCode.Created, reimported.StatusCode);
        Assert.Empty(again!.Unmapped);
        Assert.Equal(body.Survey.Definition.GetRawText(), again.Survey.Definition.GetRawText());
    }

    [Fact]
    public async Task Import_of_a_document_with_no_question_is_a_400_listing_why()
    {
        var ws = await App.CreateWorkspaceAsync();

        var response = await PostJsonAsync(ws.Api, "/api/v1/surveys/import/surveyjs", """{"surveyJs": {"pages": [{"elements": [{"type": "html", "name": "x", "html": "hi"}]}]}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await TouchpointsApiTests.ErrorsAsync(response))["surveyJs"].Length >= 2);
        Assert.Empty((await ws.Api.GetFromJsonAsync<SurveyItem[]>("/api/v1/surveys"))!);
    }

    [Fact]
    public async Task Links_list_the_public_link_and_one_per_touchpoint_with_widget_snippet()
    {
        var ws = await App.CreateWorkspaceAsync();
        await ws.Api.PostAsJsonAsync("/api/v1/touchpoints", new { key = "checkout", name = "Checkout", channel = "Web" });
        var survey = await (await PostJsonAsync(ws.Api, "/api/v1/surveys", """{"name": "Links", "kind": "Transactional"}""")).Content.ReadFromJsonAsync<SurveyItem>();

        var links = await ws.Api.GetFromJsonAsync<LinksItem>($"/api/v1/surveys/{survey!.Id}/links");

        var token = survey.LinkToken;
        Assert.Equal($"http://localhost/s/{ws.Slug}/{token}", links!.Url);
        var checkout = Assert.Single(links.Touchpoints);
        Assert.Equal($"http://localhost/s/{ws.Slug}/{token}/checkout", checkout.Url);
        Assert.Equal($"http://localhost/api/v1/surveys/{survey.Id}/qr.svg?touchpoint=checkout", checkout.Qr);
        Assert.Equal(
            $"<script src=\"http://localhost/dist/widget.js\" data-survey=\"{ws.Slug}/{token}\" data-touchpoint=\"checkout\" async></script>",
            checkout.WidgetSnippet);
    }

    [Fact]
    public async Task Qr_endpoint_returns_a_valid_svg()
    {
        var ws = await App.CreateWorkspaceAsync();
        await ws.Api.PostAsJsonAsync("/api/v1/touchpoints", new { key = "lobby", name = "Lobby kiosk", channel = "InPerson" });
        var survey = await (await PostJsonAsync(ws.Api, "/api/v1/surveys", """{"name": "Kiosk", "kind": "Transactional"}""")).Content.ReadFromJsonAsync<SurveyItem>();

        var response = await ws.Api.GetAsync($"/api/v1/surveys/{survey!.Id}/qr.svg?touchpoint=lobby");
        var unknown = await ws.Api.GetAsync($"/api/v1/surveys/{survey.Id}/qr.svg?touchpoint=nope");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.True(svg.Descendants().Count(e => e.Name.LocalName is "rect" or "path") > 1);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_read_only_key_cannot_create_surveys()
    {
        var ws = await App.CreateWorkspaceAsync();
        var key = await (await ws.Api.PostAsJsonAsync("/api/v1/api-keys", new { name = "reader", scopes = new[] { "surveys.read" } }))
            .Content.ReadFromJsonAsync<KeyItem>();
        using var reader = App.CreateClient();
        reader.DefaultRequestHeaders.Authorization = new("Bearer", key!.Key);

        var create = await PostJsonAsync(reader, "/api/v1/surveys", """{"name": "Nope", "kind": "Transactional"}""");
        var list = await reader.GetAsync("/api/v1/surveys");

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    internal static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    internal static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string url, string json) => client.PostAsync(url, Json(json));

    private Task<int> AddResponseAsync(Guid workspaceId, Guid surveyId, string answersJson) =>
        App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LoopwiseDbContext>();
            db.Add(new SurveyResponse
            {
                WorkspaceId = workspaceId,
                Id = Guid.NewGuid(),
                SurveyId = surveyId,
                SurveyVersion = 1,
                Channel = DistributionChannel.Link,
                Language = "en",
                AnswersJson = answersJson,
            });
            return await db.SaveChangesAsync();
        }, workspaceId);

    internal sealed record SurveyItem(Guid Id, string Name, string Kind, string Status, int Version, string LinkToken, JsonElement Definition, LinkRefs Links);

    internal sealed record LinkRefs(string Self, string Public);

    private sealed record ImportItem(SurveyItem Survey, List<string> Unmapped);

    private sealed record TouchpointLink(string TouchpointKey, string Url, string Qr, string WidgetSnippet);

    private sealed record LinksItem(string Url, string Qr, string WidgetSnippet, List<TouchpointLink> Touchpoints);

    private sealed record KeyItem(string Key);
}

[Collection(Collections.Sqlite)]
public sealed class SurveysApiTests_Sqlite(SqliteAppFixture fixture) : SurveysApiTests(fixture);

[Collection(Collections.Postgres)]
public sealed class SurveysApiTests_Postgres(PostgresAppFixture fixture) : SurveysApiTests(fixture);
