namespace Loopwise.Features.Jobs;

/// <summary>
/// Does the work of one job kind. Register it with <c>services.AddJobHandler&lt;THandler&gt;("kind")</c>; it is
/// resolved in a new DI scope per job, whose <see cref="Data.WorkspaceScope"/> is set to the job's workspace (unset
/// for a system job).
/// <para>
/// <b>Handlers must be idempotent.</b> Delivery is at least once: a worker that dies (or loses its database connection
/// past its lease) after the work but before recording success leaves the job to run again, and a retried job runs
/// again after a partial failure. Return normally when the work is done (or was already done); throw to fail the
/// attempt (it is retried with back-off until <see cref="JobContext.MaxAttempts"/>, then dead with the exception's
/// message). Ways to be idempotent: write the effect under a natural unique key (<c>ON CONFLICT DO NOTHING</c>, one
/// case per response); record the effect and <see cref="JobContext.MarkSucceededAsync"/> in one transaction (exactly
/// once for database effects); for outside effects (e-mail, webhooks), record a delivery keyed by the job id before
/// sending and pass the job id to the receiver as an idempotency key.
/// </para>
/// Honour the cancellation token: it fires when the server shuts down, and the job then runs again after its lease.
/// </summary>
public interface IJobHandler
{
    Task HandleAsync(JobContext job, CancellationToken ct);
}
