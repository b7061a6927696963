using Loopwise.Data;
using Loopwise.Features.Jobs;

namespace Loopwise.Features.Cases;

/// <summary>
/// <c>case.sla</c>: checks a case's SLA clocks at the moment one of them warns or breaches (or a resolved case is due
/// to close), as scheduled by <see cref="CaseService"/> on every change. Idempotent: a warning or a breach is recorded
/// once per clock (the case's events say whether it was), and the check and the job's success commit together.
/// </summary>
public sealed class CaseSlaJob(LoopwiseDbContext db, SqliteWriteGate gate, CaseService cases) : IJobHandler
{
    public const string Kind = "case.sla";

    /// <summary>A check of <paramref name="caseId"/> at <paramref name="at"/> (one job per case and instant).</summary>
    public static NewJob For(Guid workspaceId, Guid caseId, DateTime at) =>
        NewJob.Of(Kind, new Payload(caseId), workspaceId, $"{caseId:N}@{at.Ticks}") with { RunAt = at };

    public async Task HandleAsync(JobContext job, CancellationToken ct)
    {
        var id = job.ReadPayload<Payload>().Case;
        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await cases.CheckSlaAsync(id, ct);
            await db.SaveChangesAsync(ct);
            await job.MarkSucceededAsync(db, ct);
            await transaction.CommitAsync(ct);
        }
    }

    public sealed record Payload(Guid Case);
}
