using Loopwise.Core.Surveys;
using Loopwise.Features.Customers;
using Loopwise.Features.Invitations;
using Loopwise.Features.Responses;
using Loopwise.Features.Touchpoints;
using Loopwise.Features.Workspaces;
using SurveyEntity = Loopwise.Features.Surveys.Survey;

namespace Loopwise.Features.Respond;

/// <summary>Everything a respondent page needs about the survey being answered, resolved once per request.</summary>
public sealed record SurveySession(
    Workspace Workspace,
    SurveyEntity Survey,
    SurveyDefinition Definition,
    IReadOnlyList<IReadOnlyList<Question>> Pages,
    Touchpoint? Touchpoint,
    Invitation? Invitation,
    Customer? Customer)
{
    public Guid TouchpointId => Touchpoint?.Id ?? Guid.Empty;
}

/// <summary>Why a survey cannot be answered here; each has a friendly page and status code.</summary>
public enum Unavailable
{
    /// <summary>No such workspace, survey, touchpoint or invitation (404).</summary>
    NotFound,

    /// <summary>The survey is still a draft (404: it does not exist for respondents yet).</summary>
    NotOpen,

    /// <summary>The survey is closed (410).</summary>
    Closed,

    /// <summary>The invitation expired (410).</summary>
    Expired,

    /// <summary>The invitation was already answered (200, a thank-you).</summary>
    AlreadyAnswered,
}

/// <summary>The outcome of opening a survey: a session, or why there is none.</summary>
public sealed record Opened(SurveySession? Session, Unavailable? Problem)
{
    public static implicit operator Opened(SurveySession session) => new(session, null);

    public static implicit operator Opened(Unavailable problem) => new(null, problem);
}

/// <summary>One posted page: its index, the resume token of the partial response (if any) and the raw answer fields.</summary>
public sealed record PageSubmission(
    int Page,
    string? ResumeToken,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Fields,
    string Language,
    DistributionChannel Channel);

/// <summary>What happened to a posted page.</summary>
public abstract record PageOutcome
{
    /// <summary>The page has errors (question id → message); nothing was saved.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors, AnswerSet Answers, string? ResumeToken) : PageOutcome;

    /// <summary>The partial response was saved; show <paramref name="Page"/> next.</summary>
    public sealed record Saved(string ResumeToken, int Page) : PageOutcome;

    /// <summary>The response was completed by this post.</summary>
    public sealed record Completed(Guid ResponseId) : PageOutcome;

    /// <summary>The response was already completed (a double submit, a replay or an answered invitation): nothing was stored.</summary>
    public sealed record AlreadyCompleted : PageOutcome;
}
