using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Webhooks;

/// <summary>One POST of a delivery and what came back: the delivery log (ADR 14).</summary>
public sealed class WebhookAttempt : ITenantOwned
{
    /// <summary>How much of a response body is kept.</summary>
    public const int BodyMaxBytes = 2048;

    public Guid WorkspaceId { get; init; }

    public Guid DeliveryId { get; init; }

    /// <summary>1, 2, ... over every series of the delivery.</summary>
    public int Number { get; init; }

    /// <summary>The delivery's series this attempt belongs to (1, then one more per redelivery).</summary>
    public int Series { get; init; }

    /// <summary>The job that made the attempt.</summary>
    public Guid JobId { get; init; }

    public DateTime AttemptedAt { get; init; }

    public int DurationMs { get; init; }

    /// <summary>The HTTP status; null when no response came (timeout, refused connection, refused address).</summary>
    public int? StatusCode { get; init; }

    /// <summary>Response headers worth keeping (content type, retry-after, location), as a JSON object.</summary>
    public string? ResponseHeaders { get; init; }

    /// <summary>The first 2 KB of the response body, as text.</summary>
    public string? ResponseBody { get; init; }

    public string? Error { get; init; }
}

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> builder)
    {
        builder.ToTable("webhook_attempts");
        builder.HasKey(a => new { a.WorkspaceId, a.DeliveryId, a.Number });
        builder.Property(a => a.Error).HasMaxLength(WebhookDelivery.ErrorMaxLength);
        builder.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => new { a.WorkspaceId, a.DeliveryId }).OnDelete(DeleteBehavior.Cascade);
    }
}
