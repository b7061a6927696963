using Loopwise.Data;
using Loopwise.Features.Dimensions;
using Loopwise.Features.Surveys;
using Loopwise.Features.Touchpoints;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Kpis;

/// <summary>
/// The workspace's surveys and touchpoints, read once per request (scope) however many KPIs it computes:
/// the overview asks for every KPI, and each used to read them again.
/// </summary>
public sealed class KpiReferenceData(LoopwiseDbContext db, DimensionCatalog dimensions)
{
    private List<Survey>? _surveys;
    private Dictionary<Guid, Touchpoint>? _touchpoints;

    public async Task<IReadOnlyList<Survey>> SurveysAsync(CancellationToken ct) =>
        _surveys ??= await db.Set<Survey>().AsNoTracking().ToListAsync(ct);

    public async Task<IReadOnlyDictionary<Guid, Touchpoint>> TouchpointsAsync(CancellationToken ct) =>
        _touchpoints ??= await db.Set<Touchpoint>().AsNoTracking().ToDictionaryAsync(t => t.Id, ct);

    /// <summary>The dimension attributes, in display order (the ingestion path's cache).</summary>
    public Task<IReadOnlyList<string>> DimensionsAsync(CancellationToken ct) => dimensions.AttributesAsync(db, db.Scope.WorkspaceId, ct);
}
