namespace Loopwise.Features.Jobs;

/// <summary>Where a job is in its life: queued → running → succeeded, or back to queued after a failure, or dead.</summary>
public enum JobStatus
{
    /// <summary>Waiting for a worker; claimable once <see cref="Job.RunAt"/> has come.</summary>
    Queued,

    /// <summary>Claimed by a worker that holds its lease until <see cref="Job.LeaseExpiresAt"/>.</summary>
    Running,

    /// <summary>Its handler returned; kept for the retention period (<see cref="JobOptions.Retention"/>), then purged.</summary>
    Succeeded,

    /// <summary>No attempts left, or no handler for its kind; kept until an operator retries it.</summary>
    Dead,
}

/// <summary>The stored names of <see cref="JobStatus"/> (lower case, as raw SQL and partial indexes spell them).</summary>
internal static class JobStatusNames
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Dead = "dead";

    public static string Of(JobStatus status) => status switch
    {
        JobStatus.Queued => Queued,
        JobStatus.Running => Running,
        JobStatus.Succeeded => Succeeded,
        JobStatus.Dead => Dead,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown job status."),
    };

    public static JobStatus Parse(string name) => name switch
    {
        Queued => JobStatus.Queued,
        Running => JobStatus.Running,
        Succeeded => JobStatus.Succeeded,
        Dead => JobStatus.Dead,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown job status."),
    };
}
