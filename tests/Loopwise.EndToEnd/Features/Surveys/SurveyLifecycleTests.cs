using Loopwise.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace Loopwise.EndToEnd.Features.Surveys;

/// <summary>
/// The foundation issue's end-to-end story: an admin designs an NPS survey whose follow-up is shown only to
/// detractors, publishes it, respondents answer on the public link (with JavaScript on and off), and the results page
/// counts them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SurveyLifecycleTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_designs_and_publishes_an_nps_survey_with_a_detractor_follow_up()
    {
        var ws = await browser.App.CreateWorkspaceAsync();
        var admin = await browser.NewPageAsync();

        var surveyUrl = await DesignAndPublishAsync(admin, ws.Email, ws.Password);

        Assert.Matches("/surveys/[0-9a-f-]{36}$", surveyUrl);
        await Assertions.Expect(admin.GetByText("Published").First).ToBeVisibleAsync();
    }

    internal static async Task<string> DesignAndPublishAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GotoAsync("/surveys/new");
        await page.GetByLabel("Survey name").FillAsync("Checkout NPS");
        await page.GetByLabel("Blank").CheckAsync();
        await Screenshots.TakeAsync(page, "01-new-survey");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create survey" }).ClickAsync();

        await page.GetByLabel("Question type").SelectOptionAsync("Nps");
        await page.GetByLabel("Question text").FillAsync("How likely are you to recommend us to a friend or colleague?");
        await page.GetByLabel("Required").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add question" }).ClickAsync();

        await page.GetByLabel("Question type").SelectOptionAsync("Text");
        await page.GetByLabel("Question text").FillAsync("What went wrong?");
        await page.GetByLabel("Show only if").SelectOptionAsync("nps");
        await page.GetByLabel("Operator").SelectOptionAsync("LessThanOrEqual");
        await page.GetByLabel("Value").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add question" }).ClickAsync();
        await Screenshots.TakeAsync(page, "02-designer");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Screenshots.TakeAsync(page, "03-published");
        return new Uri(page.Url).AbsolutePath;
    }
}
