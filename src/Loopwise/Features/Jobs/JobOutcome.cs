namespace Loopwise.Features.Jobs;

/// <summary>What became of one attempt run by <see cref="JobRunner.RunAsync"/>.</summary>
public enum JobOutcome
{
    Succeeded,

    /// <summary>The handler failed; the job is queued again after its back-off delay.</summary>
    Retrying,

    /// <summary>The handler failed on the last attempt, or no handler is registered for the kind.</summary>
    Dead,

    /// <summary>Shutdown cancelled the handler: the job is left to run again once its lease expires.</summary>
    Interrupted,

    /// <summary>The lease had passed to another worker, so this attempt recorded nothing.</summary>
    LeaseLost,

    /// <summary>The handler asked to run again later (<see cref="JobContext.RunAgainAt"/>): queued for then, the attempt not counted.</summary>
    Deferred,
}
