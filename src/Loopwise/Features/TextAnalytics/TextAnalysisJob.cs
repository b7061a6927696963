using Loopwise.Core.Text;
using Loopwise.Data;
using Loopwise.Features.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.TextAnalytics;

/// <summary>
/// <c>text.analyse</c>: analyses the comments of newly stored responses. Queued by the response writer in the write's
/// transaction. Idempotent: analysis replaces a response's rows whole, and responses already analysed with the current
/// model and taxonomy (a demo build, a re-analysis that got there first) are skipped.
/// </summary>
public sealed class TextAnalysisJob(LoopwiseDbContext db, CommentAnalyses analyses, TaxonomyStore taxonomies) : IJobHandler
{
    public const string Kind = "text.analyse";

    /// <summary>Responses per job: a large import is analysed in several jobs that workers can share.</summary>
    public const int MaxResponses = 500;

    public static NewJob For(Guid workspaceId, IReadOnlyCollection<Guid> responseIds) =>
        NewJob.Of(Kind, new Payload([.. responseIds]), workspaceId);

    public async Task HandleAsync(JobContext job, CancellationToken ct)
    {
        var ids = job.ReadPayload<Payload>().Responses;
        var taxonomy = await taxonomies.CurrentAsync(ct);
        var current = await db.Set<CommentAnalysisRow>().AsNoTracking()
            .Where(c => ids.Contains(c.ResponseId) && c.ModelVersion == TextAnalyzer.ModelVersion && c.TaxonomyVersion == taxonomy.Version)
            .Select(c => c.ResponseId).Distinct().ToListAsync(ct);
        var todo = ids.Except(current).ToList();
        if (todo.Count > 0)
        {
            await analyses.AnalyseAsync(todo, ct);
        }
    }

    public sealed record Payload(List<Guid> Responses);
}
