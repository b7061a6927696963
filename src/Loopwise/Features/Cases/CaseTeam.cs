using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Cases;

/// <summary>A team that owns cases; new cases are given to one of its members by its strategy.</summary>
public sealed class CaseTeam : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    public required string Key { get; init; }

    public required string Name { get; set; }

    public AssignmentStrategy Strategy { get; set; }

    /// <summary>The fallback queue: cases no assignment rule matches go to this team.</summary>
    public bool IsFallback { get; set; }

    /// <summary>The member the last round-robin pick went to.</summary>
    public Guid? LastAssignedUserId { get; set; }

    /// <summary>Bumped by every pick, so that two concurrent picks on PostgreSQL wait for each other on the row.</summary>
    public int Version { get; set; }
}

/// <summary>How a team picks the owner of a new case (cx-reference.md §7).</summary>
public enum AssignmentStrategy
{
    RoundRobin,
    LeastLoaded,

    /// <summary>Nobody: the case waits in the team's queue for someone to acknowledge it.</summary>
    Queue,
}

/// <summary>A member of a <see cref="CaseTeam"/>, with the open-case weight they can carry.</summary>
public sealed class CaseTeamMember : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid TeamId { get; init; }

    public Guid UserId { get; init; }

    /// <summary>Open cases (weighted by priority: Low 0.5, Normal 1, High 2, Urgent 3) the member can carry; at least 1.</summary>
    public double Capacity { get; set; } = 10;

    /// <summary>Position in the team's round-robin order.</summary>
    public int Position { get; set; }
}

internal sealed class CaseTeamConfiguration : IEntityTypeConfiguration<CaseTeam>
{
    public void Configure(EntityTypeBuilder<CaseTeam> builder)
    {
        builder.ToTable("case_teams");
        builder.HasKey(t => new { t.WorkspaceId, t.Id });
        builder.HasIndex(t => new { t.WorkspaceId, t.Key }).IsUnique();
        builder.Property(t => t.Key).HasMaxLength(64);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Strategy).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class CaseTeamMemberConfiguration : IEntityTypeConfiguration<CaseTeamMember>
{
    public void Configure(EntityTypeBuilder<CaseTeamMember> builder)
    {
        builder.ToTable("case_team_members");
        builder.HasKey(m => new { m.WorkspaceId, m.TeamId, m.UserId });
    }
}
