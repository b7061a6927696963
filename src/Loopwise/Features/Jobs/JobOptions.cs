namespace Loopwise.Features.Jobs;

/// <summary>
/// Settings of the job workers, section <c>Loopwise:Jobs</c> (e.g. <c>--Loopwise:Jobs:PollInterval=00:00:05</c> or
/// <c>LOOPWISE_Loopwise__Jobs__Concurrency=8</c>). TimeSpans are written <c>hh:mm:ss</c> (days as <c>d.hh:mm:ss</c>).
/// </summary>
public sealed class JobOptions
{
    public const string Section = "Loopwise:Jobs";

    /// <summary>Runs the worker in <c>loopwise serve</c>; tests that drive <see cref="JobRunner"/> by hand turn it off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Handlers running at once in one process (a claim takes at most this many jobs).</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>
    /// How often an idle worker looks for due jobs. A job enqueued in the same process wakes the worker at once
    /// (<see cref="JobSignal"/>); this bounds the delay for jobs enqueued by other processes and for retries.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a claim is held without news from its worker. A running worker renews it every third of this; a job
    /// whose worker died is claimable again once it expires. Also the delay before a job interrupted by shutdown runs again.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Delay after the first failure; it doubles with each further failure (with jitter), up to <see cref="RetryCap"/>.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryCap { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts of a job enqueued without its own <see cref="NewJob.MaxAttempts"/>.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How long succeeded jobs are kept (and so how long a dedupe key stays taken). Dead jobs are kept until retried.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan PurgeEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the worker refreshes the queue gauges (depth, oldest age).</summary>
    public TimeSpan StatsEvery { get; set; } = TimeSpan.FromSeconds(15);

    internal bool IsValid =>
        Concurrency >= 1 && PollInterval > TimeSpan.Zero && Lease >= TimeSpan.FromSeconds(1) && RetryBase > TimeSpan.Zero
        && RetryCap >= RetryBase && MaxAttempts >= 1 && Retention > TimeSpan.Zero && PurgeEvery > TimeSpan.Zero && StatsEvery > TimeSpan.Zero;

    internal const string ValidationMessage =
        "Loopwise:Jobs needs Concurrency ≥ 1, MaxAttempts ≥ 1, Lease ≥ 1 s, RetryCap ≥ RetryBase, and positive PollInterval, RetryBase, Retention, PurgeEvery and StatsEvery.";
}
