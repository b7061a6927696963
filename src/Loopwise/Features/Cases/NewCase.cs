using Loopwise.Core.Cases;

namespace Loopwise.Features.Cases;

/// <summary>What opening a case needs; <paramref name="TopicKey"/> with the customer makes the one-open-case dedupe key.</summary>
public sealed record NewCase(
    string Title,
    CasePriority Priority,
    Guid? CustomerId,
    Guid? ResponseId,
    Guid? TouchpointId,
    string? TouchpointKey,
    string? TopicKey,
    Guid? AlertRuleId,
    IReadOnlyDictionary<string, string> Dimensions,
    Guid? OwnerUserId = null,
    Guid? TeamId = null);
