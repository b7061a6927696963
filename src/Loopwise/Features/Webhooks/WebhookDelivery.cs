using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Webhooks;

/// <summary>
/// One event for one endpoint (ADR 14). Its id is the <c>Loopwise-Webhook-Id</c> header, the same on every attempt:
/// the receiver's idempotency key. The body is fixed when the event is published, so every attempt sends the same bytes.
/// A redelivery starts a new <see cref="Series"/> of attempts on the same delivery.
/// </summary>
public sealed class WebhookDelivery : ITenantOwned
{
    public const int EventIdMaxLength = 200;
    public const int EventTypeMaxLength = 100;
    public const int ErrorMaxLength = 2000;

    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    public Guid EndpointId { get; init; }

    /// <summary>The publisher's id of the event (the envelope's <c>id</c>), shared by the deliveries of the event to every endpoint.</summary>
    public required string EventId { get; init; }

    public required string EventType { get; init; }

    /// <summary>The JSON body sent (the envelope <c>{id, type, createdAt, workspace, data}</c>).</summary>
    public required string Body { get; init; }

    public WebhookDeliveryStatus Status { get; set; }

    /// <summary>1 for the first series of attempts, one more for each redelivery.</summary>
    public int Series { get; set; } = 1;

    /// <summary>Attempts logged so far, over every series.</summary>
    public int Attempts { get; set; }

    public DateTime? LastAttemptAt { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>When it was delivered or gave up.</summary>
    public DateTime? CompletedAt { get; set; }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => new { d.WorkspaceId, d.Id });
        builder.Property(d => d.EventId).HasMaxLength(WebhookDelivery.EventIdMaxLength);
        builder.Property(d => d.EventType).HasMaxLength(WebhookDelivery.EventTypeMaxLength);
        builder.Property(d => d.Status).HasConversion(s => WebhookJson.Name(s), s => Enum.Parse<WebhookDeliveryStatus>(s, true)).HasMaxLength(16);
        builder.Property(d => d.LastError).HasMaxLength(WebhookDelivery.ErrorMaxLength);
        // The same indexes as migration 20261202110000_Webhooks: an endpoint's deliveries by time (the log, newest
        // first, and the retention purge), and one delivery per event and endpoint.
        builder.HasIndex(d => new { d.WorkspaceId, d.EndpointId, d.CreatedAt }, "ix_webhook_deliveries_endpoint");
        builder.HasIndex(d => new { d.WorkspaceId, d.EndpointId, d.EventId }, "ix_webhook_deliveries_event").IsUnique();
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => new { d.WorkspaceId, d.EndpointId }).OnDelete(DeleteBehavior.Cascade);
    }
}
