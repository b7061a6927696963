using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Targets;

/// <summary>
/// A workspace's override of one KPI's target entry (cx-reference.md §10): the whole entry as JSON
/// (<see cref="KpiTargetJson"/>), replacing the shipped default. No row means the default applies.
/// </summary>
public sealed class KpiTargetOverride : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public required string KpiId { get; init; }

    public required string TargetJson { get; set; }

    /// <summary>1 for the first change of this KPI in this workspace, then +1 per change (resets included).</summary>
    public int Version { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The actor (<c>user:{id}</c>, <c>key:{id}</c>, <c>cli</c>).</summary>
    public required string UpdatedBy { get; set; }
}

/// <summary>Every change of a KPI's target, with the JSON before and after (null = the shipped default). Append-only.</summary>
public sealed class KpiTargetChange : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    public required string KpiId { get; init; }

    public int Version { get; init; }

    /// <summary><c>set</c> or <c>reset</c>.</summary>
    public required string Action { get; init; }

    public string? PreviousJson { get; init; }

    public string? NewJson { get; init; }

    public DateTime ChangedAt { get; init; }

    public required string ChangedBy { get; init; }
}

/// <summary>
/// A KPI entered <see cref="Core.Kpis.KpiStatus.Action"/> in a period (issue 3: "crossing an action threshold records
/// an event that later alerting will consume"). At most one per workspace, KPI and period. Append-only.
/// </summary>
public sealed class KpiThresholdEvent : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    public required string KpiId { get; init; }

    /// <summary>The period evaluated, e.g. <c>2026-11</c>.</summary>
    public required string Period { get; init; }

    /// <summary>The value in display units (NPS points, percent 0–100, hours...).</summary>
    public double Value { get; init; }

    public long N { get; init; }

    /// <summary>The action threshold crossed as written in the targets, e.g. <c>&lt; 65</c>.</summary>
    public required string Threshold { get; init; }

    /// <summary><c>Below</c> or <c>Above</c>.</summary>
    public required string Direction { get; init; }

    /// <summary>The status recorded before (a <see cref="Core.Kpis.KpiStatus"/> name), or null when none was.</summary>
    public string? StatusBefore { get; init; }

    public DateTime OccurredAt { get; init; }
}

/// <summary>The last status the monitor saw for a KPI: what the next check compares against.</summary>
public sealed class KpiStatusSnapshot : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public required string KpiId { get; init; }

    /// <summary>A <see cref="Core.Kpis.KpiStatus"/> name.</summary>
    public required string Status { get; set; }

    public double? Value { get; set; }

    public long N { get; set; }

    public required string Period { get; set; }

    public DateTime EvaluatedAt { get; set; }
}

internal sealed class KpiTargetRowsConfiguration :
    IEntityTypeConfiguration<KpiTargetOverride>, IEntityTypeConfiguration<KpiTargetChange>,
    IEntityTypeConfiguration<KpiThresholdEvent>, IEntityTypeConfiguration<KpiStatusSnapshot>
{
    public void Configure(EntityTypeBuilder<KpiTargetOverride> builder)
    {
        builder.ToTable("kpi_targets");
        builder.HasKey(t => new { t.WorkspaceId, t.KpiId });
        builder.Property(t => t.KpiId).HasMaxLength(64);
        builder.Property(t => t.UpdatedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<KpiTargetChange> builder)
    {
        builder.ToTable("kpi_target_history");
        builder.HasKey(t => new { t.WorkspaceId, t.Id });
        builder.HasIndex(t => new { t.WorkspaceId, t.KpiId, t.Version });
        builder.Property(t => t.KpiId).HasMaxLength(64);
        builder.Property(t => t.Action).HasMaxLength(16);
        builder.Property(t => t.ChangedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<KpiThresholdEvent> builder)
    {
        builder.ToTable("kpi_threshold_events");
        builder.HasKey(e => new { e.WorkspaceId, e.Id });
        builder.HasIndex(e => new { e.WorkspaceId, e.KpiId, e.Period }).IsUnique();
        builder.HasIndex(e => new { e.WorkspaceId, e.OccurredAt });
        builder.Property(e => e.KpiId).HasMaxLength(64);
        builder.Property(e => e.Period).HasMaxLength(16);
        builder.Property(e => e.Threshold).HasMaxLength(64);
        builder.Property(e => e.Direction).HasMaxLength(16);
        builder.Property(e => e.StatusBefore).HasMaxLength(16);
    }

    public void Configure(EntityTypeBuilder<KpiStatusSnapshot> builder)
    {
        builder.ToTable("kpi_status_snapshots");
        builder.HasKey(s => new { s.WorkspaceId, s.KpiId });
        builder.Property(s => s.KpiId).HasMaxLength(64);
        builder.Property(s => s.Status).HasMaxLength(16);
        builder.Property(s => s.Period).HasMaxLength(16);
    }
}
