using System.Net;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Invitations;
using Loopwise.Features.Responses;
using Loopwise.Features.Surveys;
using Loopwise.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Respond;

public abstract class RespondTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Detractor_score_shows_the_follow_up_page_then_completes_on_the_thank_you_page()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await SurveyData.AddSurveyAsync(App, ws);
        using var respondent = new SurveyForm(App);

        var first = await respondent.GetAsync($"/s/{ws.Slug}/{survey.LinkToken}");
        var followUp = await respondent.SubmitAsync(first, ("a.nps", "3"));
        var thanks = await respondent.SubmitAsync(followUp, ("a.wrong", "The queue was long."));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode());
        Assert.Null(first.Document.QuerySelector("textarea"));
        Assert.Equal("What went wrong? (optional)", followUp.Document.QuerySelector("label[for=a-wrong]")?.TextContent);
        Assert.Contains("/thanks", thanks.Url.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("Thanks a lot, we read every answer.", thanks.Html, StringComparison.Ordinal);
        var response = Assert.Single(await ResponsesAsync(ws, survey.Id));
        Assert.NotNull(response.CompletedAt);
        Assert.Null(response.ResumeToken);
        Assert.Equal(DistributionChannel.Link, response.Channel);
        Assert.Equal(AnswerSet.Of(("nps", AnswerValue.OfNumber(3)), ("wrong", AnswerValue.OfText("The queue was long."))), SurveyJson.DeserializeAnswers(response.AnswersJson));
    }

    [Fact]
    public async Task Promoter_score_completes_without_the_follow_up()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await SurveyData.AddSurveyAsync(App, ws);
        using var respondent = new SurveyForm(App);

        var first = await respondent.GetAsync($"/s/{ws.Slug}/{survey.LinkToken}?src=qr");
        var thanks = await respondent.SubmitAsync(first, ("a.nps", "10"));

        Assert.Contains("/thanks", thanks.Url.AbsolutePath, StringComparison.Ordinal);
        var response = Assert.Single(await ResponsesAsync(ws, survey.Id));
        Assert.Equal(DistributionChannel.Qr, response.Channel);
        Assert.Equal(AnswerSet.Of(("nps", AnswerValue.OfNumber(10))), SurveyJson.DeserializeAnswers(response.AnswersJson));
        Assert.Equal((1L, 1L), await TotalsAsync(ws, survey.Id));
    }

    [Fact]
    public async Task A_saved_first_page_is_started_but_not_completed_until_the_last_page()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await SurveyData.AddSurveyAsync(App, ws);
        var touchpoint = await SurveyData.AddTouchpointAsync(App, ws, "checkout");
        using var respondent = new SurveyForm(App);

        var first = await respondent.GetAsync($"/s/{ws.Slug}/{survey.LinkToken}/checkout");
        var followUp = await respondent.SubmitAsync(first, ("a.nps", "4"));
        var partial = Assert.Single(await ResponsesAsync(ws, survey.Id));
        var totalsWhilePartial = await TotalsAsync(ws, survey.Id);
        var answersWhilePartial = await NpsCountsAsync(ws, survey.Id);
        await respondent.SubmitAsync(followUp, ("a.wrong", ""));

        Assert.Null(partial.CompletedAt);
        Assert.NotNull(partial.ResumeToken);
        Assert.Equal(touchpoint.Id, partial.TouchpointId);
        Assert.Contains("r=" + partial.ResumeToken, followUp.Url.Query, StringComparison.Ordinal);
        Assert.Equal((1L, 0L), totalsWhilePartial);
        Assert.Empty(answersWhilePartial);
        Assert.Equal((1L, 1L), await TotalsAsync(ws, survey.Id));
        Assert.Equal([(4, 1L)], await NpsCountsAsync(ws, survey.Id));
        Assert.NotNull(Assert.Single(await ResponsesAsync(ws, survey.Id)).CompletedAt);
        await App.WithScopeAsync(async sp =>
        {
            await MonthRollups.AssertFoldOfDaysAsync(sp.GetRequiredService<LoopwiseDbContext>(), ws.Id, "answer", "response");
            return true;
        }, ws.Id);
    }

    [Fact]
    public async Task Missing_required_answer_is_shown_beside_the_question_and_nothing_is_stored()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await SurveyData.AddSurveyAsync(App, ws);
        using var respondent = new SurveyForm(App);

        var first = await respondent.GetAsync($"/s/{ws.Slug}/{survey.LinkToken}");
        var again = await respondent.SubmitAsync(first);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode());
        Assert.StartsWith("Error: ", again.Document.Title, StringComparison.Ordinal);
        var summaryLink = again.Document.QuerySelector(".error-summary a");
        Assert.Equal("#a-nps-0", summaryLink?.GetAttribute("href"));
        Assert.Equal("Answer this question.", again.Document.QuerySelector("#e-nps")?.TextContent);
        Assert.Contains("e-nps", again.Document.QuerySelector("fieldset")?.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Empty(await ResponsesAsync(ws, survey.Id));
        Assert.Equal((0L, 0L), await TotalsAsync(ws, survey.Id));
    }

    [Fact]
    public async Task An_invitation_is_answered_once_and_a_second_visit_shows_the_already_answered_page()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await SurveyData.AddSurveyAsync(App, ws);
        var (customer, invitation) = await SurveyData.AddInvitationAsync(App, ws, survey, new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        using var respondent = new SurveyForm(App);
        var url = $"/i/{ws.Slug}/{invitation.Token}";

        var first = await respondent.GetAsync(url);
        await respondent.SubmitAsync(first, ("a.nps", "9"));
        var secondVisit = await respondent.GetAsync(url);
        using var replay = new FormUrlEncodedContent(SurveyForm.Fields(first, ("a.nps", "0")));
        var replayed = await respondent.Client.PostAsync(SurveyForm.Action(first), replay);

        Assert.Contains("You have already answered this survey.", secondVisit.Html, StringComparison.Ordinal);
        Assert.Null(secondVisit.Document.QuerySelector("form"));
        Assert.Contains("You have already answered this survey.", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var response = Assert.Single(await ResponsesAsync(ws, survey.Id));
        Assert.Equal(DistributionChannel.Email, response.Channel);
        Assert.Equal(customer.Id, response.CustomerId);
        Assert.Equal(invitation.Id, response.InvitationId);
        var stored = await InvitationAsync(ws, invitation.Id);
        Assert.Equal(response.Id, stored.ResponseId);
        Assert.NotNull(stored.RespondedAt);
        Assert.NotNull(stored.OpenedAt);
        Assert.Equal([(9, 1L)], await NpsCountsAsync(ws, survey.Id));
    }

    [Fact]
    public async Task An_expired_invitation_answers_410_with_a_friendly_page()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await SurveyData.AddSurveyAsync(App, ws);
        var (_, invitation) = await SurveyData.AddInvitationAsync(App, ws, survey, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        using var respondent = new SurveyForm(App);

        var page = await respondent.GetAsync($"/i/{ws.Slug}/{invitation.Token}");

        Assert.Equal(HttpStatusCode.Gone, page.StatusCode());
        Assert.Contains("This survey link has expired.", page.Html, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("form"));
    }

    [Theory]
    [InlineData(SurveyStatus.Draft, HttpStatusCode.NotFound, "not open for answers yet")]
    [InlineData(SurveyStatus.Closed, HttpStatusCode.Gone, "This survey is closed")]
    public async Task Only_published_surveys_take_answers(SurveyStatus status, HttpStatusCode expected, string message)
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await SurveyData.AddSurveyAsync(App, ws, status: status);
        using var respondent = new SurveyForm(App);

        var page = await respondent.GetAsync($"/s/{ws.Slug}/{survey.LinkToken}");

        Assert.Equal(expected, page.StatusCode());
        Assert.Contains(message, page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_survey_closed_after_its_page_was_served_refuses_the_answers_at_once()
    {
        // The public link is cached between requests (PublishedLinks); closing the survey must still apply to the very next request.
        var ws = await App.CreateWorkspaceAsync();
        var survey = await SurveyData.AddSurveyAsync(App, ws);
        using var respondent = new SurveyForm(App);
        var first = await respondent.GetAsync($"/s/{ws.Slug}/{survey.LinkToken}");

        using var closed = await ws.Api.PostAsync($"/api/v1/surveys/{survey.Id}/close", null);
        var refused = await respondent.SubmitAsync(first, ("a.nps", "10"));
        var again = await respondent.GetAsync($"/s/{ws.Slug}/{survey.LinkToken}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode());
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, refused.StatusCode());
        Assert.Contains("This survey is closed", refused.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode());
        Assert.Empty(await ResponsesAsync(ws, survey.Id));
    }

    [Fact]
    public async Task Every_respondent_page_with_its_stylesheet_weighs_under_50_KB()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await SurveyData.AddSurveyAsync(App, ws);
        using var respondent = new SurveyForm(App);
        var css = await respondent.Client.GetAsync("/dist/respondent.css");
        Assert.True(css.IsSuccessStatusCode, "the stylesheet is part of the page weight: build with the assets (not LoopwiseSkipAssets)");
        var cssBytes = (await css.Content.ReadAsByteArrayAsync()).Length;

        var first = await respondent.GetAsync($"/s/{ws.Slug}/{survey.LinkToken}");
        var error = await respondent.SubmitAsync(first);
        var followUp = await respondent.SubmitAsync(first, ("a.nps", "2"));
        var thanks = await respondent.SubmitAsync(followUp, ("a.wrong", "slow"));

        foreach (var page in new[] { first, error, followUp, thanks })
        {
            Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(page.Html) + cssBytes, 1, 50 * 1024);
        }

        Assert.Contains("/dist/respondent.css", first.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", first.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Html_lang_follows_the_lang_query_then_accept_language()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await SurveyData.AddSurveyAsync(App, ws);
        using var respondent = new SurveyForm(App);
        using var german = new SurveyForm(App);
        german.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-CH, fr;q=0.8, en;q=0.5");

        var french = await respondent.GetAsync($"/s/{ws.Slug}/{survey.LinkToken}?lang=fr");
        var english = await respondent.GetAsync($"/s/{ws.Slug}/{survey.LinkToken}");
        var byHeader = await german.GetAsync($"/s/{ws.Slug}/{survey.LinkToken}");
        var completed = await respondent.SubmitAsync(french, ("a.nps", "10"));

        Assert.Equal("fr", french.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Votre visite", french.Document.Title);
        Assert.Equal("Pas du tout probable", french.Document.QuerySelector(".scale-ends span")?.TextContent);
        Assert.Equal("en", english.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("fr", byHeader.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("fr", completed.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("fr", Assert.Single(await ResponsesAsync(ws, survey.Id)).Language);
    }

    [Fact]
    public async Task Two_simultaneous_final_posts_complete_one_response()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await SurveyData.AddSurveyAsync(App, ws);
        using var respondent = new SurveyForm(App);
        var first = await respondent.GetAsync($"/s/{ws.Slug}/{survey.LinkToken}");
        var followUp = await respondent.SubmitAsync(first, ("a.nps", "5"));

        var posts = Enumerable.Range(0, 2).Select(async i =>
        {
            using var content = new FormUrlEncodedContent(SurveyForm.Fields(followUp, ("a.wrong", $"attempt {i}")));
            using var response = await respondent.Client.PostAsync(SurveyForm.Action(followUp), content);
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(posts);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var response = Assert.Single(await ResponsesAsync(ws, survey.Id));
        Assert.NotNull(response.CompletedAt);
        Assert.Equal((1L, 1L), await TotalsAsync(ws, survey.Id));
        Assert.Equal([(5, 1L)], await NpsCountsAsync(ws, survey.Id));
    }

    [Fact]
    public async Task Two_simultaneous_answers_to_one_invitation_store_one_response()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await SurveyData.AddSurveyAsync(App, ws);
        var (_, invitation) = await SurveyData.AddInvitationAsync(App, ws, survey, new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        using var respondent = new SurveyForm(App);
        var first = await respondent.GetAsync($"/i/{ws.Slug}/{invitation.Token}");

        var posts = Enumerable.Range(0, 3).Select(async _ =>
        {
            using var content = new FormUrlEncodedContent(SurveyForm.Fields(first, ("a.nps", "10")));
            using var response = await respondent.Client.PostAsync(SurveyForm.Action(first), content);
            return response.StatusCode;
        });
        await Task.WhenAll(posts);

        var response = Assert.Single(await ResponsesAsync(ws, survey.Id));
        Assert.Equal(response.Id, (await InvitationAsync(ws, invitation.Id)).ResponseId);
        Assert.Equal((1L, 1L), await TotalsAsync(ws, survey.Id));
    }

    [Fact]
    public async Task Widget_opens_the_embedded_form_which_posts_without_antiforgery()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await SurveyData.AddSurveyAsync(App, ws);
        await SurveyData.AddTouchpointAsync(App, ws, "help-center");
        using var respondent = new SurveyForm(App);

        var embedded = await respondent.GetAsync($"/s/{ws.Slug}/{survey.LinkToken}/help-center?embed=1");
        using var content = new FormUrlEncodedContent([new("page", "0"), new("a.nps", "8")]);
        using var noCookies = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var posted = await noCookies.PostAsync(SurveyForm.Action(embedded), content);

        Assert.Equal($"/s/{ws.Slug}/{survey.LinkToken}/help-center", embedded.Url.AbsolutePath);
        Assert.Null(embedded.Document.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Null(embedded.Document.QuerySelector("footer"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var response = Assert.Single(await ResponsesAsync(ws, survey.Id));
        Assert.Equal(DistributionChannel.Widget, response.Channel);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_outside_the_widget()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await SurveyData.AddSurveyAsync(App, ws);
        using var client = App.CreateClient();
        using var content = new FormUrlEncodedContent([new("page", "0"), new("a.nps", "8")]);

        using var posted = await client.PostAsync($"/s/{ws.Slug}/{survey.LinkToken}", content);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Empty(await ResponsesAsync(ws, survey.Id));
    }

    [Fact]
    public async Task A_signed_in_member_of_another_workspace_can_answer_a_public_survey()
    {
        var other = await App.CreateWorkspaceAsync();
        var ws = await App.CreateWorkspaceAsync();
        var survey = await SurveyData.AddSurveyAsync(App, ws);
        using var browser = new BrowserSession(App);
        await browser.SignInAsync(other.Email, other.Password);

        var html = await browser.SubmitFormAsync($"/s/{ws.Slug}/{survey.LinkToken}", "form.survey-form", new Dictionary<string, string> { ["a.nps"] = "10" });

        Assert.Contains("Thanks a lot", html, StringComparison.Ordinal);
        Assert.Single(await ResponsesAsync(ws, survey.Id));
    }

    [Fact]
    public async Task Kiosk_thank_you_page_returns_to_a_fresh_form()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await SurveyData.AddSurveyAsync(App, ws);
        using var respondent = new SurveyForm(App);

        var first = await respondent.GetAsync($"/s/{ws.Slug}/{survey.LinkToken}?src=kiosk");
        var thanks = await respondent.SubmitAsync(first, ("a.nps", "7"));

        var refresh = thanks.Document.QuerySelector("meta[http-equiv=refresh]")?.GetAttribute("content");
        Assert.Equal($"8;url=/s/{ws.Slug}/{survey.LinkToken}?src=kiosk&lang=en", refresh);
        Assert.Equal(DistributionChannel.Kiosk, Assert.Single(await ResponsesAsync(ws, survey.Id)).Channel);
    }

    private Task<List<SurveyResponse>> ResponsesAsync(TestWorkspace ws, Guid surveyId) =>
        App.WithScopeAsync(sp => sp.GetRequiredService<LoopwiseDbContext>().Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == surveyId).ToListAsync(), ws.Id);

    private Task<Invitation> InvitationAsync(TestWorkspace ws, Guid id) =>
        App.WithScopeAsync(sp => sp.GetRequiredService<LoopwiseDbContext>().Set<Invitation>().AsNoTracking().SingleAsync(i => i.Id == id), ws.Id);

    private Task<(long Started, long Completed)> TotalsAsync(TestWorkspace ws, Guid surveyId) =>
        App.WithScopeAsync(async sp =>
        {
            var rows = await sp.GetRequiredService<LoopwiseDbContext>().Set<ResponseRollup>().AsNoTracking().Where(r => r.SurveyId == surveyId).ToListAsync();
            return (rows.Sum(r => r.Started), rows.Sum(r => r.Completed));
        }, ws.Id);

    private Task<(int Value, long Count)[]> NpsCountsAsync(TestWorkspace ws, Guid surveyId) =>
        App.WithScopeAsync(async sp =>
        {
            var rows = await sp.GetRequiredService<LoopwiseDbContext>().Set<AnswerRollup>().AsNoTracking().Where(r => r.SurveyId == surveyId && r.QuestionId == "nps").ToListAsync();
            return RollupRows.Fold(rows).OrderBy(r => r.Value).Select(r => (r.Value, r.Count)).ToArray();
        }, ws.Id);
}

internal static class PageExtensions
{
    public static HttpStatusCode StatusCode(this SurveyForm.Page page) => page.Status;
}

[Collection(Collections.Sqlite)]
public sealed class RespondTests_Sqlite(SqliteAppFixture fixture) : RespondTests(fixture);

[Collection(Collections.Postgres)]
public sealed class RespondTests_Postgres(PostgresAppFixture fixture) : RespondTests(fixture);
