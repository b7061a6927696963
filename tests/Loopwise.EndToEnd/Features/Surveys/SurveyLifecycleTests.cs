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

    [Fact]
    public async Task Respondents_answer_with_javascript_on_and_off_and_the_results_page_counts_them()
    {
        var ws = await browser.App.CreateWorkspaceAsync();
        var admin = await browser.NewPageAsync();
        var surveyPath = await DesignAndPublishAsync(admin, ws.Email, ws.Password);
        var publicLink = await admin.Locator("a[href*='/s/']").First.GetAttributeAsync("href");
        Assert.NotNull(publicLink);

        // A detractor with JavaScript on gets the follow-up question on the next page.
        var detractor = await browser.NewPageAsync(javaScript: true, viewport: new ViewportSize { Width = 390, Height = 844 });
        await detractor.GotoAsync(publicLink);
        Assert.Empty(await Axe.ViolationsAsync(detractor));
        await detractor.GetByText("3", new() { Exact = true }).ClickAsync();
        await detractor.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await detractor.GetByLabel("What went wrong?").FillAsync("The checkout kept timing out.");
        await Screenshots.TakeAsync(detractor, "04-respondent-follow-up");
        Assert.Empty(await Axe.ViolationsAsync(detractor));
        await detractor.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Assertions.Expect(detractor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/thanks"));

        // A promoter with JavaScript off: plain HTML form; the follow-up is skipped, so "Next" completes the survey.
        var promoter = await browser.NewPageAsync(javaScript: false);
        await promoter.GotoAsync(publicLink);
        await promoter.GetByText("10", new() { Exact = true }).ClickAsync();
        await Screenshots.TakeAsync(promoter, "05-respondent-no-js");
        await promoter.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(promoter).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/thanks"));

        await admin.GotoAsync(surveyPath + "/results");
        await Screenshots.TakeAsync(admin, "06-results");
        await Assertions.Expect(admin.GetByTestId("completed-count")).ToHaveTextAsync("2");
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
