using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Loopwise.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Loopwise.Tests.Features.Respond;

/// <summary>A respondent with JavaScript off: loads a survey page and posts its form, following redirects like a browser.</summary>
internal sealed class SurveyForm(LoopwiseApp app) : IDisposable
{
    public HttpClient Client { get; } = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });

    public sealed record Page(HttpStatusCode Status, string Html, Uri Url)
    {
        public IHtmlDocument Document { get; } = new HtmlParser().ParseDocument(Html);
    }

    public async Task<Page> GetAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        return new Page(response.StatusCode, await response.Content.ReadAsStringAsync(), response.RequestMessage!.RequestUri!);
    }

    /// <summary>Posts the survey form of <paramref name="page"/> with its hidden fields plus <paramref name="answers"/>.</summary>
    public async Task<Page> SubmitAsync(Page page, params (string Name, string Value)[] answers)
    {
        using var content = new FormUrlEncodedContent(Fields(page, answers));
        using var response = await Client.PostAsync(Action(page), content);
        return new Page(response.StatusCode, await response.Content.ReadAsStringAsync(), response.RequestMessage!.RequestUri!);
    }

    public static List<KeyValuePair<string, string>> Fields(Page page, params (string Name, string Value)[] answers)
    {
        var form = Form(page);
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .ToList();
        fields.AddRange(answers.Select(a => new KeyValuePair<string, string>(a.Name, a.Value)));
        return fields;
    }

    public static string Action(Page page) => Form(page).GetAttribute("action") ?? page.Url.PathAndQuery;

    private static IHtmlFormElement Form(Page page) =>
        page.Document.QuerySelector("form.survey-form") as IHtmlFormElement
        ?? throw new InvalidOperationException($"No survey form on {page.Url}: {page.Html[..Math.Min(page.Html.Length, 400)]}");

    public void Dispose() => Client.Dispose();
}
