using Loopwise.Data;
using Loopwise.Features.Audit;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Jobs;

/// <summary>
/// What an operator sees and does about jobs, for the API (always one workspace: its own) and the CLI (one workspace,
/// or every job including system jobs when <c>workspaceId</c> is null).
/// </summary>
public sealed class JobAdmin(LoopwiseDbContext db, SqliteWriteGate gate, TimeProvider clock)
{
    public const int RecentDeadCount = 20;

    public async Task<JobsStatusDto> StatusAsync(Guid? workspaceId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var jobs = Jobs(workspaceId);
        var counts = (await jobs.GroupBy(j => new { j.Kind, j.Status }).Select(g => new { g.Key.Kind, g.Key.Status, Count = g.LongCount() }).ToListAsync(ct))
            .Select(c => (c.Kind, c.Status, c.Count)).ToList();
        var kinds = counts.GroupBy(c => c.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new JobKindCountsDto(
            g.Key, Count(g, JobStatus.Queued), Count(g, JobStatus.Running), Count(g, JobStatus.Succeeded), Count(g, JobStatus.Dead))).ToList();
        var oldest = await jobs.Where(j => j.Status == JobStatus.Queued && j.RunAt <= now).Select(j => (DateTime?)j.RunAt).MinAsync(ct);
        var dead = await jobs.Where(j => j.Status == JobStatus.Dead).OrderByDescending(j => j.CompletedAt).ThenByDescending(j => j.Id)
            .Take(RecentDeadCount).ToListAsync(ct);
        return new JobsStatusDto(kinds, oldest is { } at ? (now - at).TotalSeconds : null, [.. dead.Select(JobDto.From)]);

        static long Count(IEnumerable<(string Kind, JobStatus Status, long Count)> rows, JobStatus status) =>
            rows.Where(r => r.Status == status).Sum(r => r.Count);
    }

    /// <summary>
    /// Queues a dead job again with a fresh set of attempts (its last error is kept until it succeeds). With a
    /// workspace, the retry is audited in it, in the same transaction, as done by <paramref name="actor"/>.
    /// </summary>
    public async Task<Result<JobDto>> RetryAsync(Guid? workspaceId, Guid id, string actor, CancellationToken ct)
    {
        int updated;
        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            updated = await Requeue(Jobs(workspaceId).Where(j => j.Id == id), ct);
            if (updated > 0 && workspaceId is { } workspace)
            {
                db.Add(AuditEntry.Of(workspace, clock.GetUtcNow().UtcDateTime, actor, "job.retry", $"job:{id}"));
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }

        var job = await Jobs(workspaceId).FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null)
        {
            return new Error.NotFound($"There is no job {id} in this workspace.");
        }

        if (updated == 0)
        {
            return new Error.Conflict($"Job {id} is {JobStatusNames.Of(job.Status)}; only a dead job can be retried.");
        }

        JobSignal.Process.Notify();
        return JobDto.From(job);
    }

    /// <summary>Queues every dead job again (of one kind when given); returns how many.</summary>
    public async Task<int> RetryDeadAsync(Guid? workspaceId, string? kind, CancellationToken ct)
    {
        var jobs = Jobs(workspaceId);
        if (kind is not null)
        {
            jobs = jobs.Where(j => j.Kind == kind);
        }

        int updated;
        using (await gate.EnterAsync(ct))
        {
            updated = await Requeue(jobs, ct);
        }

        if (updated > 0)
        {
            JobSignal.Process.Notify();
        }

        return updated;
    }

    private IQueryable<Job> Jobs(Guid? workspaceId)
    {
        var jobs = db.Set<Job>().AsNoTracking();
        return workspaceId is { } id ? jobs.Where(j => j.WorkspaceId == id) : jobs;
    }

    private Task<int> Requeue(IQueryable<Job> jobs, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return jobs.Where(j => j.Status == JobStatus.Dead).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, JobStatus.Queued)
            .SetProperty(j => j.Attempts, 0)
            .SetProperty(j => j.RunAt, now)
            .SetProperty(j => j.UpdatedAt, now)
            .SetProperty(j => j.CompletedAt, (DateTime?)null), ct);
    }
}
