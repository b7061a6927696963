namespace Loopwise.Features.Cases;

/// <summary>
/// One case in the inbox: the case, whether its primary action is the one-click acknowledge (or else "Open"), the
/// view to return to, and, right after an acknowledge through htmx, the message to say and where focus goes.
/// </summary>
public sealed record CaseCardView(CaseDto Case, bool CanAcknowledge, string View, DateTime Now, string? Message = null, bool IsError = false);
