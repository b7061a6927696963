using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.TextAnalytics;

/// <summary>
/// A workspace's topic taxonomy, one JSON document saved whole (so an edit is atomic and compiled before it is kept);
/// <see cref="Version"/> goes up on every save so analyses made with an older taxonomy are known to be stale.
/// </summary>
public sealed class TextTaxonomyRow : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    /// <summary>The starter taxonomy it began from (a key of <c>StarterTaxonomies.Industries</c>).</summary>
    public required string Industry { get; set; }

    public int Version { get; set; }

    /// <summary>[{key, name, rule}, ...].</summary>
    public required string TopicsJson { get; set; }

    public DateTime UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}

internal sealed class TextTaxonomyRowConfiguration : IEntityTypeConfiguration<TextTaxonomyRow>
{
    public void Configure(EntityTypeBuilder<TextTaxonomyRow> builder)
    {
        builder.ToTable("text_taxonomies");
        builder.HasKey(t => t.WorkspaceId);
        builder.Property(t => t.Industry).HasMaxLength(32);
        builder.Property(t => t.UpdatedBy).HasMaxLength(100);
    }
}
