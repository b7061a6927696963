using System.Net.Http.Json;
using System.Text.Json;
using Loopwise.Tests.Infrastructure;

namespace Loopwise.Tests.Features.Surveys;

/// <summary>The designer without JavaScript: the flow a person follows with the labelled controls.</summary>
public abstract class SurveyDesignerPageTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task A_person_creates_an_nps_survey_with_a_detractor_follow_up_and_publishes_it()
    {
        var ws = await App.CreateWorkspaceAsync();
        using var browser = new BrowserSession(App);
        await browser.SignInAsync(ws.Email, ws.Password);

        var designer = await browser.SubmitFormAsync("/surveys/new", "#new-survey-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Onboarding NPS",
            ["Input.Kind"] = "Relationship",
            ["Input.Template"] = "blank",
            ["Input.CesScale"] = string.Empty,
            ["Input.Language"] = "en",
        });
        var id = (await ws.Api.GetFromJsonAsync<SurveysApiTests.SurveyItem[]>("/api/v1/surveys"))!.Single().Id;
        var afterNps = await browser.SubmitFormAsync($"/surveys/{id}", "#question-form", Question("Nps", "How likely are you to recommend us?", required: true));
        var afterFollowUp = await browser.SubmitFormAsync($"/surveys/{id}", "#question-form", Question("Text", "What went wrong?", showIf: ("nps", "LessThanOrEqual", "6")));
        var afterPublish = await browser.SubmitFormAsync($"/surveys/{id}", "form[action*='handler=Publish']", new Dictionary<string, string>());
        var survey = await ws.Api.GetFromJsonAsync<SurveysApiTests.SurveyItem>($"/api/v1/surveys/{id}");

        Assert.Contains("Onboarding NPS", designer, StringComparison.Ordinal);
        Assert.Contains("Question &#x27;nps&#x27; added.", afterNps, StringComparison.Ordinal);
        Assert.Contains("Question &#x27;comment&#x27; added.", afterFollowUp, StringComparison.Ordinal);
        Assert.Contains("Survey published.", afterPublish, StringComparison.Ordinal);
        Assert.Equal(("Published", 3, "Relationship"), (survey!.Status, survey.Version, survey.Kind));
        var questions = survey.Definition.GetProperty("questions");
        Assert.Equal("nps", questions[0].GetProperty("type").GetString());
        Assert.True(questions[0].GetProperty("required").GetBoolean());
        var showIf = questions[1].GetProperty("showIf");
        Assert.Equal(
            """{"questionId":"nps","operator":"lessThanOrEqual","values":["6"]}""",
            JsonSerializer.Serialize(showIf));
    }

    [Fact]
    public async Task A_ces_question_without_a_scale_shows_a_readable_error_beside_the_field_and_is_not_saved()
    {
        var ws = await App.CreateWorkspaceAsync();
        using var browser = new BrowserSession(App);
        await browser.SignInAsync(ws.Email, ws.Password);
        await browser.SubmitFormAsync("/surveys/new", "#new-survey-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Effort",
            ["Input.Kind"] = "Transactional",
            ["Input.Template"] = "blank",
            ["Input.CesScale"] = string.Empty,
            ["Input.Language"] = "en",
        });
        var id = (await ws.Api.GetFromJsonAsync<SurveysApiTests.SurveyItem[]>("/api/v1/surveys"))!.Single().Id;

        var page = await browser.SubmitFormAsync($"/surveys/{id}", "#question-form", Question("Ces", "How easy was it?"));

        Assert.Matches("data-valmsg-for=\"Input.ScaleId\"[^>]*>A CES question needs an explicit scale", page);
        Assert.Equal(1, (await ws.Api.GetFromJsonAsync<SurveysApiTests.SurveyItem>($"/api/v1/surveys/{id}"))!.Version);
    }

    [Fact]
    public async Task The_ces_template_requires_an_explicit_scale()
    {
        var ws = await App.CreateWorkspaceAsync();
        using var browser = new BrowserSession(App);
        await browser.SignInAsync(ws.Email, ws.Password);
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Effort",
            ["Input.Kind"] = "Transactional",
            ["Input.Template"] = "ces",
            ["Input.CesScale"] = string.Empty,
            ["Input.Language"] = "en",
        };

        var refused = await browser.SubmitFormAsync("/surveys/new", "#new-survey-form", fields);
        fields["Input.CesScale"] = "ces_agree_1_7";
        await browser.SubmitFormAsync("/surveys/new", "#new-survey-form", fields);
        var created = (await ws.Api.GetFromJsonAsync<SurveysApiTests.SurveyItem[]>("/api/v1/surveys"))!.Single();
        var survey = await ws.Api.GetFromJsonAsync<SurveysApiTests.SurveyItem>($"/api/v1/surveys/{created.Id}");

        Assert.Contains("CES has two incompatible scales", refused, StringComparison.Ordinal);
        Assert.Equal("ces_agree_1_7", survey!.Definition.GetProperty("questions")[0].GetProperty("scaleId").GetString());
    }

    private static Dictionary<string, string> Question(string type, string text, bool required = false, (string Question, string Operator, string Value)? showIf = null) => new()
    {
        ["Input.Id"] = string.Empty,
        ["Input.Type"] = type,
        ["Input.Text"] = text,
        ["Input.Required"] = required ? "true" : "false",
        ["Input.ScaleId"] = string.Empty,
        ["Input.Choices"] = string.Empty,
        ["Input.ShowIfQuestion"] = showIf?.Question ?? string.Empty,
        ["Input.ShowIfOperator"] = showIf?.Operator ?? "Equals",
        ["Input.ShowIfValue"] = showIf?.Value ?? string.Empty,
    };
}

[Collection(Collections.Sqlite)]
public sealed class SurveyDesignerPageTests_Sqlite(SqliteAppFixture fixture) : SurveyDesignerPageTests(fixture);

[Collection(Collections.Postgres)]
public sealed class SurveyDesignerPageTests_Postgres(PostgresAppFixture fixture) : SurveyDesignerPageTests(fixture);
