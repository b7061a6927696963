using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Jobs;

/// <summary>
/// A unit of work to do after a write (ADR 10): a row of the <c>jobs</c> table, inserted in the same transaction as
/// the write that calls for it, claimed by a worker under a lease, retried with back-off, and handled by the
/// <see cref="IJobHandler"/> registered for its <see cref="Kind"/>. Not <see cref="Data.ITenantOwned"/>: system jobs
/// have no workspace, and workers claim across workspaces; the admin API filters by workspace explicitly.
/// Create one through <see cref="JobQueue"/>, not directly.
/// </summary>
public sealed class Job
{
    public const int KindMaxLength = 100;
    public const int DedupeKeyMaxLength = 200;
    public const int ErrorMaxLength = 2000;

    public Guid Id { get; init; }

    /// <summary>The workspace the handler acts in (its scope is set to it), or null for a system job.</summary>
    public Guid? WorkspaceId { get; init; }

    /// <summary>Which handler runs it, e.g. <c>text.analyze</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The handler's input, as JSON text.</summary>
    public required string Payload { get; init; }

    /// <summary>Unique per kind while not null: enqueueing the same key again is a no-op (until the job is purged).</summary>
    public string? DedupeKey { get; init; }

    public JobStatus Status { get; set; }

    /// <summary>Claims so far (an attempt is counted when it is claimed, so a crash counts as an attempt).</summary>
    public int Attempts { get; set; }

    public int MaxAttempts { get; init; }

    /// <summary>Not before: the job is claimable once this instant has come (later after each failure).</summary>
    public DateTime RunAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTime? LeaseExpiresAt { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>When it succeeded or died.</summary>
    public DateTime? CompletedAt { get; set; }
}

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.ToTable("jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Kind).HasMaxLength(Job.KindMaxLength);
        builder.Property(j => j.DedupeKey).HasMaxLength(Job.DedupeKeyMaxLength);
        builder.Property(j => j.Status).HasMaxLength(16).HasConversion(s => JobStatusNames.Of(s), s => JobStatusNames.Parse(s));
        builder.Property(j => j.LeaseOwner).HasMaxLength(200);

        // The same indexes as migration 20261202010000_Jobs (ADR 10 says which query each serves).
        builder.HasIndex(j => j.RunAt, "ix_jobs_due").HasFilter("status = 'queued'");
        builder.HasIndex(j => j.LeaseExpiresAt, "ix_jobs_lease").HasFilter("status = 'running'");
        builder.HasIndex(j => new { j.Kind, j.DedupeKey }, "ix_jobs_kind_dedupe_key").IsUnique().HasFilter("dedupe_key IS NOT NULL");
        builder.HasIndex(j => new { j.WorkspaceId, j.Status, j.Kind }, "ix_jobs_workspace_id_status_kind");
        builder.HasIndex(j => j.CompletedAt, "ix_jobs_succeeded").HasFilter("status = 'succeeded'");
        builder.HasIndex(j => j.CompletedAt, "ix_jobs_dead").HasFilter("status = 'dead'");
    }
}
