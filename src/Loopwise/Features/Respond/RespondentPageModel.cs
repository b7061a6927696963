using Loopwise.Core.Surveys;
using Loopwise.Features.Responses;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Loopwise.Features.Respond;

/// <summary>
/// Shared by the public-link and invitation pages. Works with JavaScript off: each page is a plain form post
/// answered by a redirect (post/redirect/get) to the next page, carrying the resume token in the URL and the form.
/// Antiforgery is validated here rather than by the framework filter, so the widget's cross-site iframe (where
/// browsers block third-party cookies, and where the antiforgery X-Frame-Options header would forbid framing)
/// can post without it; there the resume token is the only credential, as for any anonymous survey.
/// </summary>
[IgnoreAntiforgeryToken]
public abstract class RespondentPageModel(IServiceScopeFactory scopes, IAntiforgery antiforgery) : RespondentContextModel
{
    [BindProperty(SupportsGet = true, Name = "cid")]
    public string? Cid { get; set; }

    [BindProperty(SupportsGet = true, Name = "r")]
    public string? Resume { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public SurveySession? Session { get; private set; }

    public string Language { get; private set; } = "en";

    public RespondentTexts Texts { get; private set; } = RespondentTexts.For("en");

    public int PageIndex { get; private set; }

    public IReadOnlyList<Question> Questions { get; private set; } = [];

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Values { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? ResumeToken { get; private set; }

    public bool HasNextPage { get; private set; }

    /// <summary>Set when the page shows a message (not found, closed, expired, already answered) instead of the form.</summary>
    public (string Title, string Text)? Message { get; private set; }

    public string ActionUrl => Request.Path + ContextQuery(null);

    public string Title => Session is { } s ? s.Definition.Title.Get(Language, s.Definition.DefaultLanguage) : Message?.Title ?? "Survey";

    /// <summary>The query parameters that keep the respondent's context across pages (language, widget, source, touchpoint, customer).</summary>
    public string ContextQuery(string? language, bool withResume = false)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal);
        Add(query, "lang", language ?? Lang);
        Add(query, "embed", IsEmbed ? "1" : null);
        Add(query, "src", Src);
        Add(query, "cid", Cid);
        Add(query, "tp", Request.Query["tp"].FirstOrDefault());
        if (withResume && ResumeToken is not null)
        {
            Add(query, "r", ResumeToken);
            Add(query, "p", PageIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return query.Count == 0 ? string.Empty : QueryHelpers.AddQueryString(string.Empty, query);
    }

    protected abstract Task<Opened> OpenAsync(RespondentFlow flow, CancellationToken ct);

    protected abstract DistributionChannel Channel { get; }

    /// <summary>Where the thank-you page is, for this survey and context.</summary>
    protected string ThanksUrl(SurveySession session) =>
        $"/s/{session.Workspace.Slug}/{session.Survey.LinkToken}/thanks" + ContextQuery(Language);

    protected DistributionChannel LinkChannel() =>
        IsEmbed ? DistributionChannel.Widget
        : string.Equals(Src, "qr", StringComparison.OrdinalIgnoreCase) ? DistributionChannel.Qr
        : string.Equals(Src, "kiosk", StringComparison.OrdinalIgnoreCase) ? DistributionChannel.Kiosk
        : DistributionChannel.Link;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await using var services = scopes.CreateAsyncScope();
        var flow = services.ServiceProvider.GetRequiredService<RespondentFlow>();
        if (!await EnterAsync(flow, ct))
        {
            return Page();
        }

        var session = Session!;
        var partial = await flow.FindPartialAsync(session, Resume, ct);
        if (!string.IsNullOrEmpty(Resume) && partial is null)
        {
            return Redirect(ThanksUrl(session));
        }

        var answers = RespondentFlow.AnswersOf(partial);
        var first = SurveyPaging.NextPage(session.Definition, session.Pages, -1, answers);
        var page = PageNumber is { } wanted && wanted >= 0 && wanted < session.Pages.Count
            && SurveyPaging.VisibleOn(session.Definition, session.Pages, wanted, answers).Count > 0 ? wanted : Math.Max(first, 0);
        Show(page, answers.Answers.ToDictionary(a => a.Key, a => AnswerForm.Values(a.Value), StringComparer.Ordinal), answers, partial?.ResumeToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!IsEmbed && !await antiforgery.IsRequestValidAsync(HttpContext))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Message = ("Please try again", "This page was open too long or came from somewhere else. Go back, reload the page and send your answers again.");
            return Page();
        }

        await using var services = scopes.CreateAsyncScope();
        var flow = services.ServiceProvider.GetRequiredService<RespondentFlow>();
        if (!await EnterAsync(flow, ct))
        {
            return Page();
        }

        var session = Session!;
        var form = Request.Form;
        var fields = form.Keys.Where(k => k.StartsWith(AnswerForm.Prefix, StringComparison.Ordinal))
            .ToDictionary(k => k[AnswerForm.Prefix.Length..], k => (IReadOnlyList<string>)[.. form[k].Select(v => v ?? string.Empty)], StringComparer.Ordinal);
        var page = int.TryParse(form["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var posted) ? posted : 0;
        var resume = form["resume"].FirstOrDefault();
        var outcome = await flow.SubmitAsync(session, new PageSubmission(page, string.IsNullOrEmpty(resume) ? null : resume, fields, Language, Channel), ct);
        switch (outcome)
        {
            case PageOutcome.Saved saved:
                ResumeToken = saved.ResumeToken;
                PageIndex = saved.Page;
                return Redirect(Request.Path + ContextQuery(Language, withResume: true));
            case PageOutcome.Invalid invalid:
                var clamped = Math.Clamp(page, 0, session.Pages.Count - 1);
                var values = invalid.Answers.Answers.ToDictionary(a => a.Key, a => AnswerForm.Values(a.Value), StringComparer.Ordinal);
                foreach (var (id, raw) in fields)
                {
                    values[id] = raw;
                }

                Show(clamped, values, invalid.Answers, invalid.ResumeToken ?? resume, invalid.Errors);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            case PageOutcome.AlreadyCompleted when session.Invitation is not null:
                ShowMessage(Unavailable.AlreadyAnswered);
                return Page();
            default:
                return Redirect(ThanksUrl(session));
        }
    }

    private async Task<bool> EnterAsync(RespondentFlow flow, CancellationToken ct)
    {
        var opened = await OpenAsync(flow, ct);
        if (opened.Session is not { } session)
        {
            Language = RespondentLanguage.ParseAcceptLanguage(Request.Headers.AcceptLanguage).FirstOrDefault() ?? "en";
            Texts = RespondentTexts.For(Language);
            ShowMessage(opened.Problem ?? Unavailable.NotFound);
            return false;
        }

        Session = session;
        Language = RespondentLanguage.Pick(session.Definition, Lang, session.Customer?.Language, Request.Headers.AcceptLanguage);
        Texts = RespondentTexts.For(Language);
        return true;
    }

    private void Show(int page, IReadOnlyDictionary<string, IReadOnlyList<string>> values, AnswerSet answers, string? resumeToken, IReadOnlyDictionary<string, string>? errors = null)
    {
        var session = Session!;
        PageIndex = page;
        Questions = SurveyPaging.VisibleOn(session.Definition, session.Pages, page, answers);
        Values = values;
        Errors = errors ?? new Dictionary<string, string>();
        ResumeToken = resumeToken;
        HasNextPage = SurveyPaging.HasLaterPage(session.Pages, page);
    }

    private void ShowMessage(Unavailable problem)
    {
        var t = Texts;
        (Response.StatusCode, Message) = problem switch
        {
            Unavailable.NotOpen => (StatusCodes.Status404NotFound, (t.NotOpenTitle, t.NotOpenText)),
            Unavailable.Closed => (StatusCodes.Status410Gone, (t.ClosedTitle, t.ClosedText)),
            Unavailable.Expired => (StatusCodes.Status410Gone, (t.ExpiredTitle, t.ExpiredText)),
            Unavailable.AlreadyAnswered => (StatusCodes.Status200OK, (t.AlreadyTitle, t.AlreadyText)),
            _ => (StatusCodes.Status404NotFound, (t.NotFoundTitle, t.NotFoundText)),
        };
    }

    private static void Add(Dictionary<string, string?> query, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query[key] = value;
        }
    }
}
