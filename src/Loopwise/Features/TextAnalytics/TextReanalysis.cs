using Loopwise.Data;
using Loopwise.Features.Jobs;
using Loopwise.Features.Responses;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.TextAnalytics;

/// <summary>
/// Re-analyses a workspace's stored comments after a taxonomy or model change: in-process with progress for the CLI, or
/// as a chain of jobs (one chunk of responses per job, each job queueing the next) when a taxonomy is saved.
/// </summary>
public sealed class TextReanalysis(LoopwiseDbContext db, CommentAnalyses analyses, JobQueue queue)
{
    public const int ChunkSize = 500;

    /// <summary>Queues the re-analysis of the workspace's comments with taxonomy <paramref name="taxonomyVersion"/>; stored by the caller's SaveChanges.</summary>
    public void Enqueue(int taxonomyVersion) => queue.Enqueue(TextReanalysisJob.For(db.Scope.WorkspaceId, taxonomyVersion, null));

    /// <summary>Analyses every completed response with a free-text answer, oldest first; returns the number of comments.</summary>
    public async Task<int> RunAsync(IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var total = await WithText().CountAsync(ct);
        var done = 0;
        var comments = 0;
        DateTime? cursor = null;
        progress?.Report((0, total));
        while (await NextChunkAsync(cursor, ct) is { Ids.Count: > 0 } chunk)
        {
            comments += await analyses.AnalyseAsync(chunk.Ids, ct);
            done += chunk.Ids.Count;
            cursor = chunk.Last;
            progress?.Report((done, total));
        }

        return comments;
    }

    /// <summary>Analyses the chunk completed after <paramref name="after"/>; returns where to continue from, or null at the end.</summary>
    public async Task<DateTime?> RunChunkAsync(DateTime? after, CancellationToken ct)
    {
        var chunk = await NextChunkAsync(after, ct);
        if (chunk.Ids.Count == 0)
        {
            return null;
        }

        await analyses.AnalyseAsync(chunk.Ids, ct);
        return chunk.Ids.Count < ChunkSize ? null : chunk.Last;
    }

    // Completed responses whose answers hold a text ("text" is the free-text field of the stored answers format).
    private IQueryable<SurveyResponse> WithText() =>
        db.Set<SurveyResponse>().AsNoTracking().Where(r => r.CompletedAt != null && r.AnswersJson.Contains("\"text\""));

    // The next responses by completion time after the cursor; every response sharing the last one's completion time is in
    // the same chunk, so a cursor on the time alone skips nothing and repeats nothing.
    private async Task<(List<Guid> Ids, DateTime Last)> NextChunkAsync(DateTime? after, CancellationToken ct)
    {
        var query = after is { } cursor ? WithText().Where(r => r.CompletedAt > cursor) : WithText();
        var chunk = await query.OrderBy(r => r.CompletedAt).Take(ChunkSize).Select(r => new { r.Id, CompletedAt = r.CompletedAt!.Value }).ToListAsync(ct);
        if (chunk.Count == 0)
        {
            return ([], default);
        }

        var last = chunk[^1].CompletedAt;
        var ids = chunk.Select(c => c.Id).ToHashSet();
        ids.UnionWith(await WithText().Where(r => r.CompletedAt == last).Select(r => r.Id).ToListAsync(ct));
        return ([.. ids], last);
    }
}
