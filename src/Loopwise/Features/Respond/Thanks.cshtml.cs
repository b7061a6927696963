using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Loopwise.Features.Respond;

/// <summary>The thank-you page after a completed response; in kiosk mode it returns to a fresh form after a few seconds.</summary>
[AllowAnonymous]
public sealed class ThanksModel(IServiceScopeFactory scopes) : RespondentContextModel
{
    public const int KioskRestartSeconds = 8;

    [BindProperty(SupportsGet = true, Name = "workspace")]
    public string WorkspaceSlug { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "linkToken")]
    public string LinkToken { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "tp")]
    public string? Tp { get; set; }

    public string Language { get; private set; } = "en";

    public string Heading { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    /// <summary>Kiosk mode: the fresh form to return to.</summary>
    public string? RestartUrl { get; private set; }

    public RespondentTexts Texts { get; private set; } = RespondentTexts.For("en");

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using var services = scopes.CreateAsyncScope();
        var found = await services.ServiceProvider.GetRequiredService<RespondentFlow>().FindForThanksAsync(WorkspaceSlug, LinkToken, ct);
        if (found is not { } survey)
        {
            Language = RespondentLanguage.ParseAcceptLanguage(Request.Headers.AcceptLanguage).FirstOrDefault() ?? "en";
            Texts = RespondentTexts.For(Language);
            Heading = Texts.NotFoundTitle;
            Text = Texts.NotFoundText;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var definition = survey.Definition;
        Language = RespondentLanguage.Pick(definition, Lang, null, Request.Headers.AcceptLanguage);
        Texts = RespondentTexts.For(Language);
        Heading = Texts.ThanksTitle;
        Text = definition.ThankYou?.Get(Language, definition.DefaultLanguage) is { Length: > 0 } thanks ? thanks : Texts.ThanksDefault;
        if (string.Equals(Src, "kiosk", StringComparison.OrdinalIgnoreCase))
        {
            var query = new Dictionary<string, string?>(StringComparer.Ordinal) { ["src"] = "kiosk", ["lang"] = Lang };
            var path = $"/s/{WorkspaceSlug}/{LinkToken}" + (string.IsNullOrEmpty(Tp) ? string.Empty : "/" + Uri.EscapeDataString(Tp));
            RestartUrl = QueryHelpers.AddQueryString(path, query.Where(q => !string.IsNullOrEmpty(q.Value)));
        }
    }
}
