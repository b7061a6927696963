using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Touchpoints;

/// <summary>Where customer and brand meet (cx-reference.md §8): a named point on a channel at a journey stage.</summary>
public sealed class Touchpoint : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    /// <summary>URL-safe key, unique in the workspace, used in public links (<c>/s/{ws}/{survey}/{key}</c>).</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    public Channel Channel { get; set; }

    public string? JourneyStage { get; set; }

    public DateTime CreatedAt { get; init; }
}

/// <summary>The channels of the foundation issue.</summary>
public enum Channel
{
    Web,
    App,
    Email,
    Phone,
    Chat,
    Social,
    InPerson,
    Sms,
}

internal sealed class TouchpointConfiguration : IEntityTypeConfiguration<Touchpoint>
{
    public void Configure(EntityTypeBuilder<Touchpoint> builder)
    {
        builder.ToTable("touchpoints");
        builder.HasKey(t => new { t.WorkspaceId, t.Id });
        builder.HasIndex(t => new { t.WorkspaceId, t.Key }).IsUnique();
        builder.Property(t => t.Key).HasMaxLength(64);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.JourneyStage).HasMaxLength(100);
    }
}
