namespace Loopwise.Features.Webhooks;

/// <summary>The body of every webhook: the event's id and type, when it was published, the workspace, and the event's data.</summary>
public sealed record WebhookEnvelope(string Id, string Type, DateTime CreatedAt, Guid Workspace, object? Data);
