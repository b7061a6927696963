using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Workspaces;

/// <summary>A tenant: one company or business unit using Loopwise, with its own data, people and keys.</summary>
public sealed class Workspace
{
    public Guid Id { get; init; }

    /// <summary>URL-safe short name used in public survey links (<c>/s/{slug}/...</c>).</summary>
    public required string Slug { get; init; }

    public required string Name { get; set; }

    public string DefaultLanguage { get; set; } = "en";

    /// <summary>Contact rule: a customer is not invited again within this many days (cx-reference.md §9).</summary>
    public int QuarantineDays { get; set; } = 30;

    public DateTime CreatedAt { get; init; }
}

internal sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public void Configure(EntityTypeBuilder<Workspace> builder)
    {
        builder.ToTable("workspaces");
        builder.HasKey(w => w.Id);
        builder.HasIndex(w => w.Slug).IsUnique();
        builder.Property(w => w.Slug).HasMaxLength(64);
        builder.Property(w => w.Name).HasMaxLength(200);
        builder.Property(w => w.DefaultLanguage).HasMaxLength(16);
    }
}
