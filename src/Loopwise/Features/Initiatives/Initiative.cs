using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Initiatives;

/// <summary>
/// An outer-loop improvement (cx-reference.md §7): a class of issues found in resolved cases (a root cause, at a
/// touchpoint) turned into a change with an owner, an expected impact on a KPI and an effort, moved through
/// Proposed → Approved → InProgress → Delivered → Measured, and measured before and after its delivery.
/// </summary>
public sealed class Initiative : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public Guid? OwnerUserId { get; set; }

    /// <summary>The root-cause category of the cases it addresses (cases resolved with it are linked).</summary>
    public string? RootCause { get; set; }

    public Guid? TouchpointId { get; set; }

    /// <summary>The survey KPI it should move (nps, csat, ces...), measured at its touchpoint.</summary>
    public required string Kpi { get; set; }

    /// <summary>Expected change of the KPI in its own points (e.g. +5 NPS points).</summary>
    public double ExpectedImpact { get; set; }

    /// <summary>Effort in person-days.</summary>
    public double Effort { get; set; }

    public InitiativeStatus Status { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The day the change reached customers: the split of the before/after comparison.</summary>
    public DateOnly? DeliveredOn { get; set; }

    public DateTime? MeasuredAt { get; set; }

    /// <summary>The before/after comparison taken when it was marked Measured, as JSON.</summary>
    public string? MeasurementJson { get; set; }

    public int Version { get; set; }
}

/// <summary>The initiative lifecycle of cx-reference.md §7.</summary>
public enum InitiativeStatus
{
    Proposed,
    Approved,
    InProgress,
    Delivered,
    Measured,
}

internal sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> builder)
    {
        builder.ToTable("initiatives");
        builder.HasKey(i => new { i.WorkspaceId, i.Id });
        builder.HasIndex(i => new { i.WorkspaceId, i.Status });
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Property(i => i.RootCause).HasMaxLength(100);
        builder.Property(i => i.Kpi).HasMaxLength(64);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Version).IsConcurrencyToken();
    }
}
