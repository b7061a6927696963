using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Loopwise.Tests.Infrastructure;

/// <summary>
/// A cookie-keeping HTTP client that fills and posts the app's HTML forms (with their antiforgery tokens),
/// for page tests that need no JavaScript.
/// </summary>
public sealed class BrowserSession(LoopwiseApp app) : IDisposable
{
    public HttpClient Client { get; } = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });

    public async Task<string> SignInAsync(string email, string password) =>
        await SubmitFormAsync("/signin", "form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Loads <paramref name="url"/>, fills the form matched by <paramref name="formSelector"/>, submits it, and returns the resulting page.</summary>
    public async Task<string> SubmitFormAsync(string url, string formSelector, IReadOnlyDictionary<string, string> values)
    {
        var html = await Client.GetStringAsync(url);
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {url}.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name) && i.Type == "hidden"))
        {
            if (!values.ContainsKey(input.Name!))
            {
                fields.Add(new(input.Name!, input.Value));
            }
        }

        fields.AddRange(values);
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
        using var content = new FormUrlEncodedContent(fields);
        var response = await Client.PostAsync(action, content);
        return await response.Content.ReadAsStringAsync();
    }

    public void Dispose() => Client.Dispose();
}
