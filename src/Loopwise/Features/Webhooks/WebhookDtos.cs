namespace Loopwise.Features.Webhooks;

/// <summary>
/// What a client sends to create or change an endpoint. <c>EventTypes</c> null or empty subscribes to every event type;
/// <c>Enabled</c> null keeps the current state (on, for a new endpoint).
/// </summary>
public sealed record WebhookInput(string? Url, string? Description, IReadOnlyList<string>? EventTypes, bool? Enabled);

/// <summary>An endpoint as the API returns it: never its secret.</summary>
public sealed record WebhookEndpointDto(
    Guid Id, string Url, string? Description, IReadOnlyList<string> EventTypes, bool Enabled, string? DisabledReason,
    DateTime? PreviousSecretValidUntil, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static WebhookEndpointDto From(WebhookEndpoint e) =>
        new(e.Id, e.Url, e.Description, e.EventTypeList, e.Enabled, e.DisabledReason, e.PreviousSecretExpiresAt, e.CreatedAt, e.UpdatedAt);
}

/// <summary>An endpoint with its signing secret in the clear: returned once, when the endpoint is created or its secret rotated.</summary>
public sealed record WebhookWithSecretDto(WebhookEndpointDto Endpoint, string Secret);

/// <summary>One attempt of a delivery and what came back.</summary>
public sealed record WebhookAttemptDto(
    int Number, int Series, DateTime AttemptedAt, int DurationMs, int? StatusCode, IReadOnlyDictionary<string, string>? ResponseHeaders,
    string? ResponseBody, string? Error)
{
    public static WebhookAttemptDto From(WebhookAttempt a) => new(
        a.Number, a.Series, a.AttemptedAt, a.DurationMs, a.StatusCode,
        a.ResponseHeaders is null ? null : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(a.ResponseHeaders),
        a.ResponseBody, a.Error);
}

/// <summary>A delivery in a list: its state and its last attempt.</summary>
public sealed record WebhookDeliveryDto(
    Guid Id, Guid EndpointId, string EventId, string EventType, string Status, int Series, int Attempts, DateTime CreatedAt,
    DateTime? CompletedAt, string? LastError, WebhookAttemptDto? LastAttempt)
{
    public static WebhookDeliveryDto From(WebhookDelivery d, WebhookAttempt? last) => new(
        d.Id, d.EndpointId, d.EventId, d.EventType, WebhookJson.Name(d.Status), d.Series, d.Attempts, d.CreatedAt, d.CompletedAt,
        d.LastError, last is null ? null : WebhookAttemptDto.From(last));
}

/// <summary>One delivery with the body sent and every attempt, oldest first.</summary>
public sealed record WebhookDeliveryDetailDto(WebhookDeliveryDto Delivery, string Body, IReadOnlyList<WebhookAttemptDto> Attempts);

/// <summary>A page of an endpoint's deliveries, newest first.</summary>
public sealed record WebhookDeliveryPageDto(int Page, int PageSize, int Total, IReadOnlyList<WebhookDeliveryDto> Deliveries);
