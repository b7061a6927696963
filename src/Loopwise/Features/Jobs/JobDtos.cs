namespace Loopwise.Features.Jobs;

/// <summary>How many jobs of one kind are in each status.</summary>
public sealed record JobKindCountsDto(string Kind, long Queued, long Running, long Succeeded, long Dead);

/// <summary>A job as the admin API shows it (without its payload, which may hold personal data).</summary>
public sealed record JobDto(
    Guid Id, Guid? WorkspaceId, string Kind, string Status, int Attempts, int MaxAttempts, DateTime RunAt, string? LastError,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? CompletedAt)
{
    public static JobDto From(Job job) => new(
        job.Id, job.WorkspaceId, job.Kind, JobStatusNames.Of(job.Status), job.Attempts, job.MaxAttempts, job.RunAt, job.LastError,
        job.CreatedAt, job.UpdatedAt, job.CompletedAt);
}

/// <summary>
/// The state of a queue (one workspace's jobs, or all): counts by kind and status; how long the oldest due queued job
/// has waited since its run_at (null when none is waiting); the most recent dead jobs with their last error.
/// </summary>
public sealed record JobsStatusDto(IReadOnlyList<JobKindCountsDto> Kinds, double? OldestQueuedAgeSeconds, IReadOnlyList<JobDto> RecentDead);
