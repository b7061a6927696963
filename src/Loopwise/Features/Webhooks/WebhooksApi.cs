using Loopwise.Features.Users;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Loopwise.Features.Webhooks;

internal static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(Permissions.IntegrationsManage);
        group.MapGet("/", ListAsync).WithName("ListWebhooks").WithSummary("Lists the workspace's webhook endpoints (never their secrets).");
        group.MapPost("/", CreateAsync).WithName("CreateWebhook")
            .WithSummary("Creates a webhook endpoint; the response holds its signing secret, shown this once.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetWebhook").WithSummary("Gets one webhook endpoint.");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateWebhook")
            .WithSummary("Changes an endpoint's URL, description, event types (none: every type) or whether it is on.");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteWebhook").WithSummary("Deletes an endpoint with its delivery log.");
        group.MapPost("/{id:guid}/rotate-secret", RotateAsync).WithName("RotateWebhookSecret")
            .WithSummary("Replaces the signing secret (returned this once); the previous one is signed with too for 24 hours.");
        group.MapPost("/{id:guid}/ping", PingAsync).WithName("PingWebhook").WithSummary("Sends a 'ping' event to the endpoint; returns the delivery.");
        group.MapGet("/{id:guid}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries")
            .WithSummary("A page of the endpoint's deliveries, newest first, with status and last response (?page=&pageSize=, at most 100).");

        var deliveries = app.MapGroup("/api/v1/webhook-deliveries").WithTags("Webhooks").RequireAuthorization(Permissions.IntegrationsManage);
        deliveries.MapGet("/{id:guid}", DeliveryAsync).WithName("GetWebhookDelivery").WithSummary("One delivery with its body and every attempt.");
        deliveries.MapPost("/{id:guid}/redeliver", RedeliverAsync).WithName("RedeliverWebhook")
            .WithSummary("Starts a new series of attempts for a delivered or failed delivery (same id and body; 409 while pending).");
        return app;
    }

    private static async Task<Ok<WebhookEndpointDto[]>> ListAsync(WebhookService webhooks, CancellationToken ct) =>
        TypedResults.Ok((await webhooks.ListAsync(ct)).Select(WebhookEndpointDto.From).ToArray());

    private static async Task<Results<Ok<WebhookEndpointDto>, ProblemHttpResult>> GetAsync(Guid id, WebhookService webhooks, CancellationToken ct)
    {
        var result = await webhooks.GetAsync(id, ct);
        return result.IsSuccess ? TypedResults.Ok(WebhookEndpointDto.From(result.Value!)) : result.Error!.ToProblem();
    }

    private static async Task<Results<Created<WebhookWithSecretDto>, ProblemHttpResult>> CreateAsync(
        WebhookInput input, WebhookService webhooks, HttpContext http, CancellationToken ct)
    {
        var result = await webhooks.CreateAsync(input, http.User.Actor(), ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var (endpoint, secret) = result.Value;
        return TypedResults.Created($"/api/v1/webhooks/{endpoint.Id}", new WebhookWithSecretDto(WebhookEndpointDto.From(endpoint), secret));
    }

    private static async Task<Results<Ok<WebhookEndpointDto>, ProblemHttpResult>> UpdateAsync(
        Guid id, WebhookInput input, WebhookService webhooks, HttpContext http, CancellationToken ct)
    {
        var result = await webhooks.UpdateAsync(id, input, http.User.Actor(), ct);
        return result.IsSuccess ? TypedResults.Ok(WebhookEndpointDto.From(result.Value!)) : result.Error!.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, WebhookService webhooks, HttpContext http, CancellationToken ct)
    {
        var result = await webhooks.DeleteAsync(id, http.User.Actor(), ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<WebhookWithSecretDto>, ProblemHttpResult>> RotateAsync(Guid id, WebhookService webhooks, HttpContext http, CancellationToken ct)
    {
        var result = await webhooks.RotateSecretAsync(id, http.User.Actor(), ct);
        return result.IsSuccess
            ? TypedResults.Ok(new WebhookWithSecretDto(WebhookEndpointDto.From(result.Value.Endpoint), result.Value.Secret))
            : result.Error!.ToProblem();
    }

    private static async Task<Results<Accepted<WebhookDeliveryDto>, ProblemHttpResult>> PingAsync(Guid id, WebhookService webhooks, HttpContext http, CancellationToken ct)
    {
        var result = await webhooks.PingAsync(id, http.User.Actor(), ct);
        return result.IsSuccess
            ? TypedResults.Accepted($"/api/v1/webhook-deliveries/{result.Value!.Id}", WebhookDeliveryDto.From(result.Value, null))
            : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<WebhookDeliveryPageDto>, ProblemHttpResult>> DeliveriesAsync(
        Guid id, int? page, int? pageSize, WebhookService webhooks, CancellationToken ct)
    {
        var result = await webhooks.DeliveriesAsync(id, page ?? 1, pageSize ?? 50, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<WebhookDeliveryDetailDto>, ProblemHttpResult>> DeliveryAsync(Guid id, WebhookService webhooks, CancellationToken ct)
    {
        var result = await webhooks.DeliveryAsync(id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
    }

    private static async Task<Results<Accepted<WebhookDeliveryDto>, ProblemHttpResult>> RedeliverAsync(Guid id, WebhookService webhooks, HttpContext http, CancellationToken ct)
    {
        var result = await webhooks.RedeliverAsync(id, http.User.Actor(), ct);
        return result.IsSuccess
            ? TypedResults.Accepted($"/api/v1/webhook-deliveries/{id}", WebhookDeliveryDto.From(result.Value!, null))
            : result.Error!.ToProblem();
    }
}
