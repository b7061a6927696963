namespace Loopwise.Load;

/// <summary>
/// One way of submitting responses. <see cref="SendAsync"/> performs one request and returns how many responses it
/// stored. Modes: <c>api</c> (batch API). Extension point: <c>form</c> — the respondent page (built separately) takes
/// a standard form post; its mode will GET the page once per client for the antiforgery token and cookie, then POST
/// <c>application/x-www-form-urlencoded</c> answers, one response per request (see <see cref="FormMode"/>).
/// </summary>
internal interface ILoadMode
{
    string Name { get; }

    Task PrepareAsync(HttpClient client, BenchTarget target, CancellationToken ct);

    Task<int> SendAsync(HttpClient client, CancellationToken ct);
}

/// <summary>Where the load goes: the server, and the workspace, survey and key made for the run.</summary>
internal sealed record BenchTarget(Uri Server, string WorkspaceSlug, Guid SurveyId, string LinkToken, string TouchpointKey, string ApiKey);
