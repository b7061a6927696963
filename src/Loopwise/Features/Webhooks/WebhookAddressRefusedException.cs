namespace Loopwise.Features.Webhooks;

/// <summary>A webhook's host resolved only to addresses the SSRF policy refuses (ADR 14); retrying will not help.</summary>
public sealed class WebhookAddressRefusedException : Exception
{
    public WebhookAddressRefusedException()
    {
    }

    public WebhookAddressRefusedException(string message)
        : base(message)
    {
    }

    public WebhookAddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
