using Loopwise.Features.Jobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Loopwise.Features.Webhooks;

internal static class WebhooksServiceCollectionExtensions
{
    /// <summary>
    /// Webhooks (ADR 14): the outbox, the use cases, the <c>webhook.deliver</c> handler and its HTTP client, and the Data
    /// Protection key ring in the database (which the secrets need, and which sign-in cookies then share).
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section)
            .Validate(o => o.IsValid, WebhookOptions.ValidationMessage).ValidateOnStart();

        services.AddDataProtection().SetApplicationName("Loopwise");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceScopeFactory, TimeProvider>((o, scopes, clock) => o.XmlRepository = new DatabaseKeyRepository(scopes, clock));

        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookOutbox>();
        services.AddScoped<WebhookService>();
        services.AddJobHandler<WebhookDeliveryJob>(WebhookDeliveryJob.Kind);
        services.AddHttpClient(WebhookDeliveryJob.HttpClientName, (provider, client) =>
            {
                client.Timeout = provider.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout;
                client.DefaultRequestHeaders.UserAgent.Clear();
            })
            .ConfigurePrimaryHttpMessageHandler(provider => WebhookConnector.Handler(provider.GetRequiredService<IOptionsMonitor<WebhookOptions>>()));
        return services;
    }
}
