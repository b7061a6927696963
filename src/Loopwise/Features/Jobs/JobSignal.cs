namespace Loopwise.Features.Jobs;

/// <summary>
/// Wakes this process's idle workers when a job is committed here (or a dead job is retried), so they do not wait
/// for their next poll. Process-wide, like the EF interceptors that raise it. A waiter takes <see cref="Next"/> before
/// it looks for work, so a job committed while it looks still wakes it. Other processes learn of jobs by polling.
/// </summary>
public sealed class JobSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static JobSignal Process { get; } = new();

    /// <summary>Completes at the next <see cref="Notify"/>.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
