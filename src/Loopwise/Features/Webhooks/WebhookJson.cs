using System.Text.Json;

namespace Loopwise.Features.Webhooks;

/// <summary>The JSON of webhooks: bodies use the web defaults (camelCase), statuses are stored and shown in lower case.</summary>
internal static class WebhookJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Name(WebhookDeliveryStatus status) => status switch
    {
        WebhookDeliveryStatus.Pending => "pending",
        WebhookDeliveryStatus.Delivered => "delivered",
        _ => "failed",
    };
}
