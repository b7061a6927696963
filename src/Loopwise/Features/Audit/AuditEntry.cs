using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Audit;

/// <summary>Who did what to which object, and when. Append-only.</summary>
public sealed class AuditEntry : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    public DateTime At { get; init; }

    /// <summary>"user:{id}", "key:{id}" or "cli".</summary>
    public required string Actor { get; init; }

    public required string Action { get; init; }

    public required string Target { get; init; }

    public string? Details { get; init; }

    public static AuditEntry Of(Guid workspaceId, DateTime at, string actor, string action, string target, string? details = null) => new()
    {
        WorkspaceId = workspaceId,
        Id = Guid.CreateVersion7(),
        At = at,
        Actor = actor,
        Action = action,
        Target = target,
        Details = details,
    };
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(a => new { a.WorkspaceId, a.Id });
        builder.HasIndex(a => new { a.WorkspaceId, a.At });
        builder.Property(a => a.Actor).HasMaxLength(100);
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.Property(a => a.Target).HasMaxLength(200);
    }
}
