namespace Loopwise.Features.Jobs;

/// <summary>
/// The job's lease passed to another worker (this one was presumed dead): the attempt must not record anything, as
/// the other worker runs the job again. Thrown by <see cref="JobContext.MarkSucceededAsync"/>, so that the handler's
/// transaction rolls back.
/// </summary>
public sealed class JobLeaseLostException(Guid jobId)
    : InvalidOperationException($"Job {jobId} is no longer leased to this worker: another worker runs it again.")
{
    public Guid JobId { get; } = jobId;
}
