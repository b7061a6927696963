using System.Globalization;
using Loopwise.Core.Surveys;
using Loopwise.Features.Responses;
using Microsoft.AspNetCore.Antiforgery;

namespace Loopwise.Features.Respond;

/// <summary>
/// One request to a survey page, by public link or invitation. Works with JavaScript off: each page is a plain form
/// post answered by a redirect (post/redirect/get) to the next page, carrying the resume token in the URL and the form.
/// Antiforgery is checked here, except in the widget's cross-site iframe (where browsers block third-party cookies);
/// there the resume token is the only credential, as for any anonymous survey.
/// </summary>
internal sealed class RespondentPage(HttpContext http, RespondentQuery query, RespondentFlow flow, IAntiforgery antiforgery)
{
    public HttpContext Http => http;

    public RespondentQuery Query => query;

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

    /// <summary>The antiforgery field to put in the form (none in the widget).</summary>
    public AntiforgeryTokenSet? Antiforgery { get; private set; }

    public string ActionUrl => http.Request.Path + query.ContextQuery(null);

    public string Title => Session is { } s ? s.Definition.Title.Get(Language, s.Definition.DefaultLanguage) : Message?.Title ?? "Survey";

    /// <summary>A link to this page in another language, keeping the response in progress.</summary>
    public string LanguageUrl(string language) => http.Request.Path + query.ContextQuery(language, ResumeToken, PageIndex);

    /// <summary>GET: the first unanswered page, or the page asked for when resuming; returns where to redirect, if anywhere.</summary>
    public async Task<string?> GetAsync(Func<Task<Opened>> open, CancellationToken ct)
    {
        if (!await EnterAsync(open))
        {
            return null;
        }

        var session = Session!;
        var partial = await flow.FindPartialAsync(session, query.Resume, ct);
        if (query.Resume is not null && partial is null)
        {
            return ThanksUrl(session);
        }

        var answers = RespondentFlow.AnswersOf(partial);
        var first = SurveyPaging.NextPage(session.Definition, session.Pages, -1, answers);
        var page = query.PageNumber is { } wanted && wanted >= 0 && wanted < session.Pages.Count
            && SurveyPaging.VisibleOn(session.Definition, session.Pages, wanted, answers).Count > 0 ? wanted : Math.Max(first, 0);
        Show(page, answers.Answers.ToDictionary(a => a.Key, a => AnswerForm.Values(a.Value), StringComparer.Ordinal), answers, partial?.ResumeToken);
        return null;
    }

    /// <summary>POST: validates and saves the page; returns the next page or the thank-you page to redirect to, or null to show this page again.</summary>
    public async Task<string?> PostAsync(Func<Task<Opened>> open, DistributionChannel channel, CancellationToken ct)
    {
        if (!query.IsEmbed && !await antiforgery.IsRequestValidAsync(http))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            Message = ("Please try again", "This page was open too long or came from somewhere else. Go back, reload the page and send your answers again.");
            return null;
        }

        if (!await EnterAsync(open))
        {
            return null;
        }

        var session = Session!;
        var form = await http.Request.ReadFormAsync(ct);
        var fields = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in form)
        {
            if (key.StartsWith(AnswerForm.Prefix, StringComparison.Ordinal))
            {
                fields[key[AnswerForm.Prefix.Length..]] = [.. values.Select(v => v ?? string.Empty)];
            }
        }

        var page = int.TryParse(form["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var posted) ? posted : 0;
        var resume = form["resume"].FirstOrDefault();
        var outcome = await flow.SubmitAsync(session, new PageSubmission(page, string.IsNullOrEmpty(resume) ? null : resume, fields, Language, channel), ct);
        switch (outcome)
        {
            case PageOutcome.Saved saved:
                return http.Request.Path + query.ContextQuery(Language, saved.ResumeToken, saved.Page);
            case PageOutcome.Invalid invalid:
                var clamped = Math.Clamp(page, 0, session.Pages.Count - 1);
                var values = invalid.Answers.Answers.ToDictionary(a => a.Key, a => AnswerForm.Values(a.Value), StringComparer.Ordinal);
                foreach (var (id, raw) in fields)
                {
                    values[id] = raw;
                }

                Show(clamped, values, invalid.Answers, invalid.ResumeToken ?? resume, invalid.Errors);
                http.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return null;
            case PageOutcome.AlreadyCompleted when session.Invitation is not null:
                ShowMessage(Unavailable.AlreadyAnswered);
                return null;
            default:
                return ThanksUrl(session);
        }
    }

    private string ThanksUrl(SurveySession session) =>
        $"/s/{session.Workspace.Slug}/{session.Survey.LinkToken}/thanks" + query.ContextQuery(Language);

    private async Task<bool> EnterAsync(Func<Task<Opened>> open)
    {
        var opened = await open();
        if (opened.Session is not { } session)
        {
            Language = RespondentLanguage.ParseAcceptLanguage(http.Request.Headers.AcceptLanguage).FirstOrDefault() ?? "en";
            Texts = RespondentTexts.For(Language);
            ShowMessage(opened.Problem ?? Unavailable.NotFound);
            return false;
        }

        Session = session;
        Language = RespondentLanguage.Pick(session.Definition, query.Lang, session.Customer?.Language, http.Request.Headers.AcceptLanguage);
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
        if (!query.IsEmbed)
        {
            Antiforgery = antiforgery.GetAndStoreTokens(http);
        }
    }

    private void ShowMessage(Unavailable problem)
    {
        var t = Texts;
        (http.Response.StatusCode, Message) = problem switch
        {
            Unavailable.NotOpen => (StatusCodes.Status404NotFound, (t.NotOpenTitle, t.NotOpenText)),
            Unavailable.Closed => (StatusCodes.Status410Gone, (t.ClosedTitle, t.ClosedText)),
            Unavailable.Expired => (StatusCodes.Status410Gone, (t.ExpiredTitle, t.ExpiredText)),
            Unavailable.AlreadyAnswered => (StatusCodes.Status200OK, (t.AlreadyTitle, t.AlreadyText)),
            _ => (StatusCodes.Status404NotFound, (t.NotFoundTitle, t.NotFoundText)),
        };
    }
}
