namespace Loopwise.Features.Webhooks;

/// <summary>An attempt of a webhook delivery failed in a way worth retrying (a non-2xx answer other than 410, a timeout, a connection error).</summary>
public sealed class WebhookDeliveryFailedException : Exception
{
    public WebhookDeliveryFailedException()
    {
    }

    public WebhookDeliveryFailedException(string message)
        : base(message)
    {
    }

    public WebhookDeliveryFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
