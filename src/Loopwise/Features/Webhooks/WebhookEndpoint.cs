using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Webhooks;

/// <summary>
/// Where a workspace's events are POSTed (ADR 14): a URL, the event types it subscribes to (all when none are named),
/// and its signing secret, kept encrypted with ASP.NET Core Data Protection (<see cref="WebhookSecrets"/>). After a
/// rotation the previous secret stays valid, and is signed with too, until <see cref="PreviousSecretExpiresAt"/>.
/// </summary>
public sealed class WebhookEndpoint : ITenantOwned
{
    public const int UrlMaxLength = 2000;
    public const int DescriptionMaxLength = 500;
    public const int EventTypesMaxLength = 2000;

    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    public required string Url { get; set; }

    public string? Description { get; set; }

    /// <summary>The subscribed event types separated by spaces, in order; null subscribes to every type.</summary>
    public string? EventTypes { get; set; }

    public bool Enabled { get; set; }

    /// <summary>Why the endpoint was turned off by Loopwise (the receiver answered 410 Gone); null when a person did it or it is on.</summary>
    public string? DisabledReason { get; set; }

    /// <summary>The signing secret, protected (never the plain text).</summary>
    public required string Secret { get; set; }

    /// <summary>The secret before the last rotation, protected; signed with as well until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousSecret { get; set; }

    public DateTime? PreviousSecretExpiresAt { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The subscribed types; empty means every type.</summary>
    public IReadOnlyList<string> EventTypeList => EventTypes is null ? [] : EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True when an event of <paramref name="type"/> goes to this endpoint.</summary>
    public bool Subscribes(string type) => EventTypes is null || EventTypeList.Contains(type, StringComparer.Ordinal);
}

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("webhook_endpoints");
        builder.HasKey(e => new { e.WorkspaceId, e.Id });
        builder.Property(e => e.Url).HasMaxLength(WebhookEndpoint.UrlMaxLength);
        builder.Property(e => e.Description).HasMaxLength(WebhookEndpoint.DescriptionMaxLength);
        builder.Property(e => e.EventTypes).HasMaxLength(WebhookEndpoint.EventTypesMaxLength);
        builder.Property(e => e.DisabledReason).HasMaxLength(500);
        builder.Ignore(e => e.EventTypeList);
    }
}
