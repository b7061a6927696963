using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Surveys;

/// <summary>
/// A survey: its definition (questions, logic, languages) is stored as JSON in our own format
/// (<c>Loopwise.Core.Surveys.SurveyJson</c>), versioned on every edit.
/// </summary>
public sealed class Survey : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    public required string Name { get; set; }

    /// <summary>Relationship (rNPS, periodic) or transactional (after a touchpoint); never pooled (cx-reference.md §1).</summary>
    public SurveyKind Kind { get; set; }

    public SurveyStatus Status { get; set; }

    /// <summary>Random public token used in links (<c>/s/{workspaceSlug}/{token}</c>).</summary>
    public required string LinkToken { get; init; }

    public required string DefinitionJson { get; set; }

    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }
}

public enum SurveyKind
{
    Transactional,
    Relationship,
}

public enum SurveyStatus
{
    Draft,
    Published,
    Closed,
}

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> builder)
    {
        builder.ToTable("surveys");
        builder.HasKey(s => new { s.WorkspaceId, s.Id });
        builder.HasIndex(s => new { s.WorkspaceId, s.LinkToken }).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.LinkToken).HasMaxLength(32);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
    }
}
