using System.Net;
using System.Text.RegularExpressions;
using Loopwise.Core.Webhooks;
using Loopwise.Data;
using Loopwise.Features.Audit;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Loopwise.Features.Webhooks;

/// <summary>
/// The webhook use cases of the API and the <c>/integrations/webhooks</c> page, in the current
/// <see cref="WorkspaceScope"/>: endpoints, their secrets, pings, the delivery log and redelivery. Writes leave an
/// <see cref="AuditEntry"/>.
/// </summary>
public sealed partial class WebhookService(
    LoopwiseDbContext db, WorkspaceScope scope, TimeProvider clock, WebhookSecrets secrets, WebhookOutbox outbox, IOptions<WebhookOptions> options)
{
    public const int MaxEventTypes = 50;
    public const int MaxPageSize = 100;

    public Task<List<WebhookEndpoint>> ListAsync(CancellationToken ct) =>
        db.Set<WebhookEndpoint>().AsNoTracking().OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync(ct);

    public async Task<Result<WebhookEndpoint>> GetAsync(Guid id, CancellationToken ct) =>
        await db.Set<WebhookEndpoint>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is { } endpoint ? endpoint : NotFound(id);

    /// <summary>Creates an endpoint with a new secret; the secret comes back in the clear this once.</summary>
    public async Task<Result<(WebhookEndpoint Endpoint, string Secret)>> CreateAsync(WebhookInput input, string actor, CancellationToken ct)
    {
        if (Validate(input) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var secret = WebhookSecrets.NewSecret();
        var endpoint = new WebhookEndpoint
        {
            WorkspaceId = scope.WorkspaceId,
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Url = input.Url!.Trim(),
            Description = Blank(input.Description),
            EventTypes = Types(input.EventTypes),
            Enabled = input.Enabled ?? true,
            Secret = secrets.Protect(secret),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(endpoint);
        Audit(actor, "webhook.create", endpoint, now);
        await db.SaveChangesAsync(ct);
        return (endpoint, secret);
    }

    public async Task<Result<WebhookEndpoint>> UpdateAsync(Guid id, WebhookInput input, string actor, CancellationToken ct)
    {
        var endpoint = await db.Set<WebhookEndpoint>().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null)
        {
            return NotFound(id);
        }

        if (Validate(input) is { } invalid)
        {
            return invalid;
        }

        endpoint.Url = input.Url!.Trim();
        endpoint.Description = Blank(input.Description);
        endpoint.EventTypes = Types(input.EventTypes);
        if (input.Enabled is { } enabled)
        {
            endpoint.Enabled = enabled;
            endpoint.DisabledReason = null;
        }

        endpoint.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        Audit(actor, "webhook.update", endpoint, endpoint.UpdatedAt);
        await db.SaveChangesAsync(ct);
        return endpoint;
    }

    /// <summary>Deletes an endpoint with its deliveries and their attempts; queued jobs of its deliveries then find nothing to do.</summary>
    public async Task<Result<WebhookEndpoint>> DeleteAsync(Guid id, string actor, CancellationToken ct)
    {
        var endpoint = await db.Set<WebhookEndpoint>().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null)
        {
            return NotFound(id);
        }

        db.Remove(endpoint);
        Audit(actor, "webhook.delete", endpoint, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return endpoint;
    }

    /// <summary>A new secret, returned in the clear this once; the previous one is still signed with during the overlap.</summary>
    public async Task<Result<(WebhookEndpoint Endpoint, string Secret)>> RotateSecretAsync(Guid id, string actor, CancellationToken ct)
    {
        var endpoint = await db.Set<WebhookEndpoint>().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null)
        {
            return NotFound(id);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var secret = secrets.Rotate(endpoint, now);
        endpoint.UpdatedAt = now;
        Audit(actor, "webhook.rotate_secret", endpoint, now);
        await db.SaveChangesAsync(ct);
        return (endpoint, secret);
    }

    /// <summary>Sends a <c>ping</c> event to the endpoint (subscribed to it or not); 409 when the endpoint is off.</summary>
    public async Task<Result<WebhookDelivery>> PingAsync(Guid id, string actor, CancellationToken ct)
    {
        var endpoint = await db.Set<WebhookEndpoint>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null)
        {
            return NotFound(id);
        }

        if (!endpoint.Enabled)
        {
            return new Error.Conflict("The endpoint is turned off; turn it on to ping it.");
        }

        var eventId = "ping:" + Guid.CreateVersion7(clock.GetUtcNow());
        var delivery = outbox.PublishTo(db, endpoint, WebhookOutbox.PingEvent, eventId, new { endpoint = endpoint.Id, requestedBy = actor });
        Audit(actor, "webhook.ping", endpoint, delivery.CreatedAt);
        await db.SaveChangesAsync(ct);
        return delivery;
    }

    /// <summary>A page of the endpoint's deliveries, newest first, each with its last attempt.</summary>
    public async Task<Result<WebhookDeliveryPageDto>> DeliveriesAsync(Guid endpointId, int page, int pageSize, CancellationToken ct)
    {
        if (!await db.Set<WebhookEndpoint>().AnyAsync(e => e.Id == endpointId, ct))
        {
            return NotFound(endpointId);
        }

        if (page < 1 || pageSize is < 1 or > MaxPageSize)
        {
            return Error.Invalid.Field(page < 1 ? "page" : "pageSize", $"Pages start at 1 and hold 1 to {MaxPageSize} deliveries.");
        }

        var query = db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.EndpointId == endpointId);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(d => new
            {
                Delivery = d,
                Last = db.Set<WebhookAttempt>().FirstOrDefault(a => a.DeliveryId == d.Id && a.Number == d.Attempts),
            })
            .ToListAsync(ct);
        return new WebhookDeliveryPageDto(page, pageSize, total, [.. rows.Select(r => WebhookDeliveryDto.From(r.Delivery, r.Last))]);
    }

    /// <summary>One delivery with its body and every attempt.</summary>
    public async Task<Result<WebhookDeliveryDetailDto>> DeliveryAsync(Guid id, CancellationToken ct)
    {
        var delivery = await db.Set<WebhookDelivery>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (delivery is null)
        {
            return DeliveryNotFound(id);
        }

        var attempts = await db.Set<WebhookAttempt>().AsNoTracking().Where(a => a.DeliveryId == id).OrderBy(a => a.Number).ToListAsync(ct);
        return new WebhookDeliveryDetailDto(WebhookDeliveryDto.From(delivery, attempts.LastOrDefault()), delivery.Body, [.. attempts.Select(WebhookAttemptDto.From)]);
    }

    /// <summary>A new series of attempts for a delivered or failed delivery (same id and body); 409 while it is still pending.</summary>
    public async Task<Result<WebhookDelivery>> RedeliverAsync(Guid id, string actor, CancellationToken ct)
    {
        var delivery = await db.Set<WebhookDelivery>().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (delivery is null)
        {
            return DeliveryNotFound(id);
        }

        if (delivery.Status == WebhookDeliveryStatus.Pending)
        {
            return new Error.Conflict("The delivery is still being attempted; redeliver it once it is delivered or failed.");
        }

        var endpoint = await db.Set<WebhookEndpoint>().AsNoTracking().FirstAsync(e => e.Id == delivery.EndpointId, ct);
        if (!endpoint.Enabled)
        {
            return new Error.Conflict("The endpoint is turned off; turn it on to redeliver.");
        }

        outbox.Redeliver(db, delivery);
        db.Add(AuditEntry.Of(scope.WorkspaceId, delivery.UpdatedAt, actor, "webhook.redeliver", $"webhook_delivery:{delivery.Id}", $"series {delivery.Series}"));
        await db.SaveChangesAsync(ct);
        return delivery;
    }

    /// <summary>Every field problem at once, keyed by the JSON field name; null when the input is valid.</summary>
    public Error.Invalid? Validate(WebhookInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (UrlProblem(input.Url, options.Value) is { } problem)
        {
            errors["url"] = [problem];
        }

        if (input.Description is { Length: > WebhookEndpoint.DescriptionMaxLength })
        {
            errors["description"] = [$"Keep the description to {WebhookEndpoint.DescriptionMaxLength} characters."];
        }

        var types = input.EventTypes ?? [];
        if (types.Count > MaxEventTypes || types.Any(t => t is null || !EventTypePattern().IsMatch(t)))
        {
            errors["eventTypes"] = [$"Name up to {MaxEventTypes} event types such as 'case.opened' (lower-case words separated by dots), or none for every type."];
        }

        return errors.Count == 0 ? null : new Error.Invalid(errors);
    }

    /// <summary>
    /// Why <paramref name="url"/> cannot be a webhook, or null: absolute, https (http only when allowed), no user
    /// information, and, when its host is an IP address or <c>localhost</c>, allowed by the address policy. Host names
    /// are checked again against the addresses they resolve to at every attempt.
    /// </summary>
    public static string? UrlProblem(string? url, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(url) || url.Trim().Length > WebhookEndpoint.UrlMaxLength
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return $"Give an absolute URL of at most {WebhookEndpoint.UrlMaxLength} characters.";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && options.AllowHttp))
        {
            return options.AllowHttp ? "Use an https:// or http:// URL." : "Use an https:// URL (http:// is allowed only with Loopwise:Webhooks:AllowHttp).";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "Leave credentials out of the URL; the receiver verifies the signature instead.";
        }

        var host = uri.Host.Trim('[', ']');
        if (IPAddress.TryParse(host, out var address) && !WebhookAddressPolicy.IsAllowed(address, options.AllowPrivateNetworks))
        {
            return $"The address {address} is {WebhookConnector.Describe(WebhookAddressPolicy.Classify(address))}.";
        }

        if (!options.AllowPrivateNetworks && (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)))
        {
            return $"{host} is {WebhookConnector.Describe(WebhookAddressClass.Loopback)}.";
        }

        return null;
    }

    private static string? Types(IReadOnlyList<string>? types) =>
        types is null || types.Count == 0 ? null : string.Join(' ', types.Distinct(StringComparer.Ordinal));

    private void Audit(string actor, string action, WebhookEndpoint endpoint, DateTime at) =>
        db.Add(AuditEntry.Of(scope.WorkspaceId, at, actor, action, $"webhook:{endpoint.Id}", endpoint.Url));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Error.NotFound NotFound(Guid id) => new($"No webhook {id} in this workspace.");

    private static Error.NotFound DeliveryNotFound(Guid id) => new($"No webhook delivery {id} in this workspace.");

    [GeneratedRegex("^[a-z][a-z0-9_]*(\\.[a-z0-9_]+){0,4}$")]
    private static partial Regex EventTypePattern();
}
