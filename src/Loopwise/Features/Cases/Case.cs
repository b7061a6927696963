using Loopwise.Core.Cases;
using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Cases;

/// <summary>
/// A closed-loop case (cx-reference.md §7): one customer's feedback that somebody must act on. Its state only changes
/// through <see cref="CaseWorkflow"/>, every change is a <see cref="CaseEvent"/>, and its SLA columns are derived from
/// those events (<see cref="CaseSla"/>) so they can be recomputed at any time.
/// </summary>
public sealed class Case : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    /// <summary>The workspace's own case number (1, 2, 3...), the unique ID a complainant is told (ISO 10002 clause 7).</summary>
    public int Number { get; init; }

    public required string Title { get; set; }

    public CaseState State { get; set; }

    public CasePriority Priority { get; set; }

    public Guid? OwnerUserId { get; set; }

    public Guid? TeamId { get; set; }

    public Guid? CustomerId { get; init; }

    public Guid? ResponseId { get; init; }

    public Guid? TouchpointId { get; init; }

    /// <summary>The taxonomy topic (or "rule:{id}" / "manual") the case is about: one open case per customer per topic.</summary>
    public string? TopicKey { get; init; }

    public Guid? AlertRuleId { get; init; }

    /// <summary>"{customer}|{topic}" while the case is open, null once resolved or closed: unique per workspace (the §7 dedupe).</summary>
    public string? OpenKey { get; set; }

    public string? RootCause { get; set; }

    public string? ResolutionCode { get; set; }

    public CaseCloseReason? CloseReason { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? AcknowledgedAt { get; set; }

    public DateTime? FirstContactAt { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>When the first-response clock reaches (or reached) its target; null once met or while it cannot be known.</summary>
    public DateTime? FirstResponseDueAt { get; set; }

    public DateTime? ResolutionDueAt { get; set; }

    /// <summary>The worse status of the two clocks at the last recomputation.</summary>
    public SlaStatus SlaStatus { get; set; }

    /// <summary>Increments on every change: two people acting on one case at once get a conflict, not a lost update.</summary>
    public int Version { get; set; }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => new { c.WorkspaceId, c.Id });
        builder.HasIndex(c => new { c.WorkspaceId, c.Number }).IsUnique();
        builder.HasIndex(c => new { c.WorkspaceId, c.OpenKey }).IsUnique().HasFilter("open_key IS NOT NULL");
        builder.HasIndex(c => new { c.WorkspaceId, c.OwnerUserId, c.State });
        builder.HasIndex(c => new { c.WorkspaceId, c.State, c.CreatedAt });
        builder.HasIndex(c => new { c.WorkspaceId, c.ResponseId });
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.Priority).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.SlaStatus).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.CloseReason).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.TopicKey).HasMaxLength(200);
        builder.Property(c => c.OpenKey).HasMaxLength(300);
        builder.Property(c => c.RootCause).HasMaxLength(100);
        builder.Property(c => c.ResolutionCode).HasMaxLength(100);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}
