using Loopwise.Core.Surveys;

namespace Loopwise.Features.Responses;

/// <summary>A validated, completed response ready to be stored (by the API, the respondent page, an import or the demo).</summary>
public sealed record ResponseToStore(
    Guid Id,
    Guid SurveyId,
    int SurveyVersion,
    Guid TouchpointId,
    Guid? CustomerId,
    Guid? InvitationId,
    DistributionChannel Channel,
    string Language,
    DateTime StartedAt,
    DateTime CompletedAt,
    AnswerSet Answers,
    string? ExternalId)
{
    /// <summary>The customer's dimension values at the time of storing, filled by <see cref="ResponseWriter"/>.</summary>
    public IReadOnlyDictionary<string, string>? Dimensions { get; init; }
}
