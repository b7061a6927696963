using Loopwise.Data;
using Loopwise.Features.Jobs;

namespace Loopwise.Features.TextAnalytics;

/// <summary>
/// <c>text.reanalyse</c>: one link of a re-analysis chain. It analyses the chunk of responses completed after its
/// cursor and queues the next link (dedupe key: workspace, taxonomy version, cursor), so a retried link neither skips nor
/// doubles a chunk. A chain started for an older taxonomy version stops: the newer save started its own.
/// </summary>
public sealed class TextReanalysisJob(LoopwiseDbContext db, TextReanalysis reanalysis, TaxonomyStore taxonomies, JobQueue queue) : IJobHandler
{
    public const string Kind = "text.reanalyse";

    public static NewJob For(Guid workspaceId, int taxonomyVersion, DateTime? after) => NewJob.Of(
        Kind,
        new Payload(taxonomyVersion, after),
        workspaceId,
        $"{workspaceId:N}:{taxonomyVersion}:{after?.Ticks ?? 0}");

    public async Task HandleAsync(JobContext job, CancellationToken ct)
    {
        var payload = job.ReadPayload<Payload>();
        if ((await taxonomies.CurrentAsync(ct)).Version != payload.TaxonomyVersion)
        {
            return;
        }

        if (await reanalysis.RunChunkAsync(payload.After, ct) is { } next)
        {
            queue.Enqueue(For(db.Scope.WorkspaceId, payload.TaxonomyVersion, next));
            await db.SaveChangesAsync(ct);
        }
    }

    public sealed record Payload(int TaxonomyVersion, DateTime? After);
}
