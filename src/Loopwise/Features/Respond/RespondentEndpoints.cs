using Loopwise.Features.Responses;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.WebUtilities;

namespace Loopwise.Features.Respond;

/// <summary>
/// The public respondent pages: a survey's link, optionally per touchpoint (<c>/s/{workspace}/{linkToken}/{touchpointKey?}</c>),
/// a personalised invitation (<c>/i/{workspace}/{token}</c>) and the thank-you page. Anonymous; each request runs in
/// its own service scope because the workspace comes from the URL, not from whoever may be signed in.
/// </summary>
public static class RespondentEndpoints
{
    /// <summary>Seconds before a kiosk's thank-you page returns to a fresh form.</summary>
    public const int KioskRestartSeconds = 8;

    private const string Stylesheet = "/dist/respondent.css";

    public static IEndpointRouteBuilder MapRespondent(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(string.Empty).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        pages.MapGet("/s/{workspace}/{linkToken}/thanks", ThanksAsync);
        pages.MapMethods("/s/{workspace}/{linkToken}/{touchpointKey?}", [HttpMethods.Get, HttpMethods.Post], LinkAsync);
        pages.MapMethods("/i/{workspace}/{token}", [HttpMethods.Get, HttpMethods.Post], InviteAsync);
        return app;
    }

    private static Task LinkAsync(HttpContext http)
    {
        var query = RespondentQuery.From(http.Request.Query);
        var workspace = Route(http, "workspace");
        var linkToken = Route(http, "linkToken");
        var touchpointKey = http.Request.RouteValues["touchpointKey"] as string ?? query.Tp;
        return SurveyAsync(http, query, query.LinkChannel(), flow => flow.OpenLinkAsync(workspace, linkToken, touchpointKey, query.Cid, http.RequestAborted));
    }

    private static Task InviteAsync(HttpContext http)
    {
        var query = RespondentQuery.From(http.Request.Query);
        var workspace = Route(http, "workspace");
        var token = Route(http, "token");
        return SurveyAsync(http, query, DistributionChannel.Email, flow => flow.OpenInvitationAsync(workspace, token, http.RequestAborted));
    }

    private static async Task SurveyAsync(HttpContext http, RespondentQuery query, DistributionChannel channel, Func<RespondentFlow, Task<Opened>> open)
    {
        var ct = http.RequestAborted;
        await using var services = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var flow = services.ServiceProvider.GetRequiredService<RespondentFlow>();
        var page = new RespondentPage(http, query, flow, http.RequestServices.GetRequiredService<IAntiforgery>());
        var redirect = HttpMethods.IsPost(http.Request.Method)
            ? await page.PostAsync(() => open(flow), channel, ct)
            : await page.GetAsync(() => open(flow), ct);
        if (redirect is not null)
        {
            http.Response.Redirect(redirect);
            return;
        }

        var title = (page.Errors.Count > 0 ? page.Texts.ErrorTitlePrefix : string.Empty) + page.Title;
        var html = new HtmlBuilder();
        RespondentHtml.Document(html, page.Language, title, query.IsEmbed, StylesheetUrl(http), null, body => RespondentHtml.Survey(body, page));
        await WriteAsync(http, html);
    }

    private static async Task ThanksAsync(HttpContext http)
    {
        var query = RespondentQuery.From(http.Request.Query);
        var workspace = Route(http, "workspace");
        var linkToken = Route(http, "linkToken");
        await using var services = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var found = await services.ServiceProvider.GetRequiredService<RespondentFlow>().FindForThanksAsync(workspace, linkToken, http.RequestAborted);

        string language, heading, text;
        string? restartUrl = null;
        RespondentTexts texts;
        if (found is not { } survey)
        {
            language = RespondentLanguage.ParseAcceptLanguage(http.Request.Headers.AcceptLanguage).FirstOrDefault() ?? "en";
            texts = RespondentTexts.For(language);
            (heading, text) = (texts.NotFoundTitle, texts.NotFoundText);
            http.Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else
        {
            var definition = survey.Definition;
            language = RespondentLanguage.Pick(definition, query.Lang, null, http.Request.Headers.AcceptLanguage);
            texts = RespondentTexts.For(language);
            heading = texts.ThanksTitle;
            text = definition.ThankYou?.Get(language, definition.DefaultLanguage) is { Length: > 0 } thanks ? thanks : texts.ThanksDefault;
            if (query.IsKiosk)
            {
                var restart = new Dictionary<string, string?>(StringComparer.Ordinal) { ["src"] = "kiosk", ["lang"] = query.Lang };
                var path = $"/s/{workspace}/{linkToken}" + (query.Tp is null ? string.Empty : "/" + Uri.EscapeDataString(query.Tp));
                restartUrl = QueryHelpers.AddQueryString(path, restart.Where(q => !string.IsNullOrEmpty(q.Value)));
            }
        }

        var html = new HtmlBuilder(2 * 1024);
        var refresh = restartUrl is null ? null : $"{KioskRestartSeconds};url={restartUrl}";
        RespondentHtml.Document(html, language, heading, query.IsEmbed, StylesheetUrl(http), refresh, body =>
        {
            RespondentHtml.Notice(body, heading, text, status: true);
            if (restartUrl is not null)
            {
                body.Raw("<p>").Text(texts.KioskRestart).Raw("</p>\n<p><a class=\"button\"").Attr("href", restartUrl).Raw(">").Text(texts.StartAgain).Raw("</a></p>\n");
            }
        });
        await WriteAsync(http, html);
    }

    private static string Route(HttpContext http, string name) => http.Request.RouteValues[name] as string ?? string.Empty;

    /// <summary>The stylesheet's URL with its content hash, so browsers may cache it for ever.</summary>
    private static string StylesheetUrl(HttpContext http) =>
        http.RequestServices.GetRequiredService<IFileVersionProvider>().AddFileVersionToPath(http.Request.PathBase, Stylesheet);

    private static async Task WriteAsync(HttpContext http, HtmlBuilder html)
    {
        var body = html.ToUtf8();
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }
}
