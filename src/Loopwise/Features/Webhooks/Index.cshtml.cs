using Loopwise.Features.Users;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Loopwise.Features.Webhooks;

/// <summary>
/// <c>/integrations/webhooks</c>: the endpoints, a form to add one (its secret is shown once), and for one endpoint
/// (<c>?endpoint=</c>) its recent deliveries, for one delivery (<c>?delivery=</c>) its attempts, with ping, rotate,
/// delete and redeliver buttons.
/// </summary>
[Authorize(Policy = Permissions.IntegrationsManage)]
public sealed class IndexModel(WebhookService webhooks) : PageModel
{
    public const int RecentDeliveries = 25;

    [BindProperty]
    public string? EndpointUrl { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    /// <summary>Event types separated by spaces or commas; empty for every type.</summary>
    [BindProperty]
    public string? EventTypes { get; set; }

    public IReadOnlyList<WebhookEndpoint> Endpoints { get; private set; } = [];

    /// <summary>A secret to show once (after create or rotate), with its endpoint's URL.</summary>
    public (string Url, string Secret)? Secret { get; private set; }

    public WebhookEndpoint? Selected { get; private set; }

    public WebhookDeliveryPageDto? Deliveries { get; private set; }

    public WebhookDeliveryDetailDto? Delivery { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? endpoint, Guid? delivery, CancellationToken ct)
    {
        if (delivery is { } deliveryId)
        {
            var found = await webhooks.DeliveryAsync(deliveryId, ct);
            if (!found.IsSuccess)
            {
                return NotFound();
            }

            Delivery = found.Value;
            endpoint = Delivery!.Delivery.EndpointId;
        }

        if (endpoint is { } endpointId)
        {
            var found = await webhooks.GetAsync(endpointId, ct);
            if (!found.IsSuccess)
            {
                return NotFound();
            }

            Selected = found.Value;
            Deliveries = (await webhooks.DeliveriesAsync(endpointId, 1, RecentDeliveries, ct)).Value;
        }

        Endpoints = await webhooks.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var types = (EventTypes ?? string.Empty).Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = await webhooks.CreateAsync(new WebhookInput(EndpointUrl, Description, types, true), User.Actor(), ct);
        if (result.IsSuccess)
        {
            Secret = (result.Value.Endpoint.Url, result.Value.Secret);
            EndpointUrl = Description = EventTypes = null;
        }
        else
        {
            result.Error!.AddTo(ModelState);
        }

        Endpoints = await webhooks.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRotateAsync(Guid id, CancellationToken ct)
    {
        var result = await webhooks.RotateSecretAsync(id, User.Actor(), ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Secret = (result.Value.Endpoint.Url, result.Value.Secret);
        Endpoints = await webhooks.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPingAsync(Guid id, CancellationToken ct) =>
        Done(await webhooks.PingAsync(id, User.Actor(), ct), "Ping queued.", id);

    public async Task<IActionResult> OnPostToggleAsync(Guid id, CancellationToken ct)
    {
        var found = await webhooks.GetAsync(id, ct);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        var e = found.Value!;
        var result = await webhooks.UpdateAsync(id, new WebhookInput(e.Url, e.Description, e.EventTypeList, !e.Enabled), User.Actor(), ct);
        return Done(result, e.Enabled ? "Endpoint turned off." : "Endpoint turned on.", id);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var result = await webhooks.DeleteAsync(id, User.Actor(), ct);
        return Done(result, "Endpoint deleted.", null);
    }

    public async Task<IActionResult> OnPostRedeliverAsync(Guid id, CancellationToken ct)
    {
        var result = await webhooks.RedeliverAsync(id, User.Actor(), ct);
        if (result.Error is Error.NotFound)
        {
            return NotFound();
        }

        TempData["Flash"] = result.IsSuccess ? "Redelivery queued." : result.Error!.Message;
        return RedirectToPage(new { delivery = id });
    }

    private IActionResult Done<T>(Result<T> result, string flash, Guid? endpoint)
    {
        if (result.Error is Error.NotFound)
        {
            return NotFound();
        }

        TempData["Flash"] = result.IsSuccess ? flash : result.Error!.Message;
        return endpoint is null ? RedirectToPage() : RedirectToPage(new { endpoint });
    }
}
