using Loopwise.Data;
using Loopwise.Features.Dimensions;
using Loopwise.Features.Surveys;
using Loopwise.Features.Touchpoints;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Kpis;

/// <summary>
/// The workspace's surveys, touchpoints and dimensions, read once per request (scope) however many KPIs it computes:
/// the overview asks for every KPI, and each used to read them again.
/// </summary>
public sealed class KpiReferenceData(LoopwiseDbContext db)
{
    private List<Survey>? _surveys;
    private Dictionary<Guid, Touchpoint>? _touchpoints;
    private List<string>? _dimensions;

    public async Task<IReadOnlyList<Survey>> SurveysAsync(CancellationToken ct) =>
        _surveys ??= await db.Set<Survey>().AsNoTracking().ToListAsync(ct);

    public async Task<IReadOnlyDictionary<Guid, Touchpoint>> TouchpointsAsync(CancellationToken ct) =>
        _touchpoints ??= await db.Set<Touchpoint>().AsNoTracking().ToDictionaryAsync(t => t.Id, ct);

    /// <summary>The dimension attributes, in display order.</summary>
    public async Task<IReadOnlyList<string>> DimensionsAsync(CancellationToken ct) =>
        _dimensions ??= await db.Set<WorkspaceDimension>().AsNoTracking().OrderBy(d => d.Position).Select(d => d.Attribute).ToListAsync(ct);
}
