using Loopwise.Core.Cases;

namespace Loopwise.Features.Cases;

public sealed record PersonDto(Guid Id, string Name);

public sealed record CaseDto(
    Guid Id,
    int Number,
    string Title,
    CaseState State,
    CasePriority Priority,
    PersonDto? Owner,
    Guid? TeamId,
    Guid? CustomerId,
    string? CustomerName,
    Guid? ResponseId,
    Guid? TouchpointId,
    string? TopicKey,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? FirstResponseDueAt,
    DateTime? ResolutionDueAt,
    SlaStatus SlaStatus,
    int Version);

public sealed record SlaClockDto(double TargetHours, double ElapsedHours, bool Running, bool Paused, DateTime? StoppedAt, DateTime? WarnAt, DateTime? DueAt, SlaStatus Status)
{
    public static SlaClockDto From(SlaClock c) => new(
        c.Target.TotalHours, Math.Round(c.Elapsed.TotalHours, 4), c.Running, c.Paused, c.StoppedAt, c.WarnAt, c.DueAt, c.Status);
}

public sealed record CaseEventDto(int Sequence, DateTime At, string Actor, CaseEventKind Kind, CaseAction? Action, CaseState? FromState, CaseState? ToState, string? Body, string? Channel, string? Outcome);

public sealed record CaseDetailDto(
    CaseDto Case,
    string? RootCause,
    string? ResolutionCode,
    CaseCloseReason? CloseReason,
    Guid? AlertRuleId,
    DateTime? AcknowledgedAt,
    DateTime? FirstContactAt,
    DateTime? ResolvedAt,
    DateTime? ClosedAt,
    SlaClockDto FirstResponse,
    SlaClockDto Resolution,
    IReadOnlyList<CaseAction> AllowedActions,
    IReadOnlyList<CaseEventDto> Events);

public sealed record CasePageDto(int Total, int Page, int PageSize, IReadOnlyList<CaseDto> Cases);

/// <summary>A move through the workflow: <c>{action, ownerUserId?, reason?, rootCause?, resolutionCode?, priority?, note?, version?}</c>.</summary>
public sealed record CaseActionRequest(
    string? Action,
    Guid? OwnerUserId = null,
    string? Reason = null,
    string? RootCause = null,
    string? ResolutionCode = null,
    CasePriority? Priority = null,
    string? Note = null,
    int? Version = null);

public sealed record CaseNoteRequest(string? Body);

/// <summary>A contact with the customer: channel phone|email|sms|chat|in_person, outcome reached|no_answer|left_message.</summary>
public sealed record CaseContactRequest(string? Channel, string? Outcome, string? Note);

public sealed record CreateCaseRequest(string? Title, CasePriority? Priority, Guid? CustomerId, Guid? ResponseId, string? TopicKey, Guid? OwnerUserId, Guid? TeamId);
