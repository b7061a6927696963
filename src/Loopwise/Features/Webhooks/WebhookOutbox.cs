using System.Text.Json;
using Loopwise.Data;
using Loopwise.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Loopwise.Features.Webhooks;

/// <summary>
/// Publishes events to a workspace's webhooks (ADR 14), in the caller's transaction: for each enabled endpoint that
/// subscribes to the type it adds a <see cref="WebhookDelivery"/> and a <c>webhook.deliver</c> job to the caller's
/// <see cref="LoopwiseDbContext"/>, so both are stored by the caller's <c>SaveChanges</c> with the write that caused the
/// event, or not at all. Publishing an event id again adds nothing for the endpoints that already have it.
/// </summary>
/// <example>
/// <code>
/// db.Add(newCase);
/// await outbox.PublishAsync(db, workspaceId, "case.opened", $"case:{newCase.Id}:opened", CaseDto.From(newCase), ct);
/// await db.SaveChangesAsync(ct);
/// </code>
/// </example>
public sealed class WebhookOutbox(TimeProvider clock, IOptions<JobOptions> jobOptions, IOptions<WebhookOptions> options)
{
    /// <summary>The event every endpoint can be sent on demand (<c>POST /api/v1/webhooks/{id}/ping</c>), subscribed or not.</summary>
    public const string PingEvent = "ping";

    /// <summary>Adds the deliveries (and their jobs) of the event to <paramref name="db"/>; returns them. Save to store them.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> PublishAsync(LoopwiseDbContext db, Guid workspaceId, string eventType, string eventId, object? data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        Check(eventType, eventId);

        // Explicitly by workspace (not through the scope's filter): a publisher may act for a workspace from a system job.
        var endpoints = await db.Set<WebhookEndpoint>().IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.WorkspaceId == workspaceId && e.Enabled).ToListAsync(ct);
        var subscribed = endpoints.Where(e => e.Subscribes(eventType)).ToList();
        if (subscribed.Count == 0)
        {
            return [];
        }

        var ids = subscribed.Select(e => e.Id).ToList();
        var already = await db.Set<WebhookDelivery>().IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.WorkspaceId == workspaceId && d.EventId == eventId && ids.Contains(d.EndpointId))
            .Select(d => d.EndpointId).ToListAsync(ct);
        var body = Body(workspaceId, eventType, eventId, data);
        return [.. subscribed.Where(e => !already.Contains(e.Id)).Select(e => Add(db, e, eventType, eventId, body))];
    }

    /// <summary>Adds one delivery of the event to <paramref name="endpoint"/>, whatever it subscribes to (a ping).</summary>
    public WebhookDelivery PublishTo(LoopwiseDbContext db, WebhookEndpoint endpoint, string eventType, string eventId, object? data)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(endpoint);
        Check(eventType, eventId);
        return Add(db, endpoint, eventType, eventId, Body(endpoint.WorkspaceId, eventType, eventId, data));
    }

    /// <summary>Queues a new series of attempts for <paramref name="delivery"/> (tracked by <paramref name="db"/>).</summary>
    internal void Redeliver(LoopwiseDbContext db, WebhookDelivery delivery)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        delivery.Series++;
        delivery.Status = WebhookDeliveryStatus.Pending;
        delivery.CompletedAt = null;
        delivery.UpdatedAt = now;
        Queue(db).Enqueue(Job(delivery));
    }

    private WebhookDelivery Add(LoopwiseDbContext db, WebhookEndpoint endpoint, string eventType, string eventId, string body)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var delivery = new WebhookDelivery
        {
            WorkspaceId = endpoint.WorkspaceId,
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            EndpointId = endpoint.Id,
            EventId = eventId,
            EventType = eventType,
            Body = body,
            Status = WebhookDeliveryStatus.Pending,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(delivery);
        Queue(db).Enqueue(Job(delivery));
        return delivery;
    }

    /// <summary>
    /// The job of a delivery's current series. Its dedupe key is the delivery id (with <c>#series</c> after a
    /// redelivery), so a series is queued once.
    /// </summary>
    private NewJob Job(WebhookDelivery delivery) =>
        NewJob.Of(WebhookDeliveryJob.Kind, new WebhookDeliveryJob.Payload(delivery.Id, delivery.Series), delivery.WorkspaceId,
            delivery.Series == 1 ? delivery.Id.ToString() : $"{delivery.Id}#{delivery.Series}") with { MaxAttempts = options.Value.MaxAttempts };

    // The caller's context, not this scope's: the jobs must commit with the caller's save.
    private JobQueue Queue(LoopwiseDbContext db) => new(db, clock, jobOptions);

    private string Body(Guid workspaceId, string eventType, string eventId, object? data) =>
        JsonSerializer.Serialize(new WebhookEnvelope(eventId, eventType, clock.GetUtcNow().UtcDateTime, workspaceId, data), WebhookJson.Options);

    private static void Check(string eventType, string eventId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventType);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        if (eventType.Length > WebhookDelivery.EventTypeMaxLength || eventId.Length > WebhookDelivery.EventIdMaxLength)
        {
            throw new ArgumentException($"An event type has at most {WebhookDelivery.EventTypeMaxLength} characters and an event id at most {WebhookDelivery.EventIdMaxLength}.");
        }
    }
}
