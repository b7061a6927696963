using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.CustomerHealth;

/// <summary>
/// One version of a workspace's health model (cx-reference.md §3), stored as <see cref="Core.Kpis.HealthModelJson"/>.
/// Append-only: a weight edit inserts the next version; rows are never updated or deleted.
/// </summary>
public sealed class HealthModelRow : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public required string ModelId { get; init; }

    public int Version { get; init; }

    public DateOnly EffectiveFrom { get; init; }

    public required string ModelJson { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary>The actor (<c>user:{id}</c>, <c>key:{id}</c>, <c>cli</c>, or <c>system</c> for the shipped default).</summary>
    public required string CreatedBy { get; init; }
}

/// <summary>A customer's health score at one time, with the model id and version that produced it. Append-only.</summary>
public sealed class HealthScoreRow : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid CustomerId { get; init; }

    public required string ModelId { get; init; }

    public int ModelVersion { get; init; }

    public DateTime ScoredAt { get; init; }

    /// <summary>0–100; null when coverage was below 60% ("insufficient data").</summary>
    public double? Score { get; init; }

    public double Coverage { get; init; }

    /// <summary>A <see cref="Core.Kpis.HealthBand"/> name; null with insufficient data.</summary>
    public string? Band { get; init; }

    /// <summary>The contributions (<see cref="HealthContributionDto"/> list) as JSON.</summary>
    public required string ContributionsJson { get; init; }
}

internal sealed class HealthRowsConfiguration : IEntityTypeConfiguration<HealthModelRow>, IEntityTypeConfiguration<HealthScoreRow>
{
    public void Configure(EntityTypeBuilder<HealthModelRow> builder)
    {
        builder.ToTable("health_models");
        builder.HasKey(m => new { m.WorkspaceId, m.ModelId, m.Version });
        builder.Property(m => m.ModelId).HasMaxLength(64);
        builder.Property(m => m.CreatedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<HealthScoreRow> builder)
    {
        builder.ToTable("health_scores");
        builder.HasKey(s => new { s.WorkspaceId, s.CustomerId, s.ModelId, s.ScoredAt });
        builder.HasIndex(s => new { s.WorkspaceId, s.ScoredAt });
        builder.Property(s => s.ModelId).HasMaxLength(64);
        builder.Property(s => s.Band).HasMaxLength(16);
    }
}
