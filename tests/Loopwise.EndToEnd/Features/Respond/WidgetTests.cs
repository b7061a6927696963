using System.Net.Http.Json;
using System.Text.Json;
using Loopwise.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace Loopwise.EndToEnd.Features.Respond;

/// <summary>The embeddable widget on a customer's site (another origin) opens the survey in a dialog and stores a Widget response.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WidgetTests(BrowserFixture browser)
{
    [Fact]
    public async Task Widget_on_another_site_opens_the_survey_and_the_answer_is_stored_as_a_widget_response()
    {
        var ws = await browser.App.CreateWorkspaceAsync();
        var definition = JsonDocument.Parse("""
            {"defaultLanguage":"en","languages":["en"],"title":{"en":"Quick feedback"},
             "questions":[{"id":"nps","type":"nps","text":{"en":"How likely are you to recommend us?"},"required":true}]}
            """).RootElement;
        var created = await (await ws.Api.PostAsJsonAsync("/api/v1/surveys", new { name = "Site feedback", kind = "Transactional", definition }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var surveyId = created.GetProperty("id").GetString();
        var token = created.GetProperty("linkToken").GetString();
        (await ws.Api.PostAsync($"/api/v1/surveys/{surveyId}/publish", null)).EnsureSuccessStatusCode();
        using var shop = new StaticSite($"""
            <!DOCTYPE html><html lang="en"><head><title>Shop</title></head><body><h1>Outdoor gear</h1>
            <script src="{browser.BaseUrl}/dist/widget.js" data-survey="{ws.Slug}/{token}" async></script></body></html>
            """);
        var page = await browser.NewPageAsync();

        await page.GotoAsync(shop.Url);
        await page.GetByRole(AriaRole.Button, new() { Name = "Feedback" }).ClickAsync();
        var survey = page.FrameLocator("iframe");
        await survey.GetByText("9", new() { Exact = true }).ClickAsync();
        await survey.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Assertions.Expect(survey.GetByRole(AriaRole.Heading, new() { Name = "Thank you" })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "07-widget");

        var export = await ws.Api.GetStringAsync($"/api/v1/surveys/{surveyId}/responses.csv");
        var row = Assert.Single(export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
        Assert.Contains(",Widget,", row, StringComparison.Ordinal);
        Assert.EndsWith(",9", row.TrimEnd('\r'), StringComparison.Ordinal);
    }
}
