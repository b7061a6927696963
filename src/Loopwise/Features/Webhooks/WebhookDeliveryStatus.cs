namespace Loopwise.Features.Webhooks;

/// <summary>Where a delivery stands.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Queued or being retried.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Every attempt failed, the receiver answered 410 Gone, or the endpoint was off or refused (its address).</summary>
    Failed,
}
