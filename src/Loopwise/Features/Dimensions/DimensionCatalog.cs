using System.Collections.Concurrent;
using Loopwise.Data;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Dimensions;

/// <summary>
/// The dimension attributes of each workspace, cached for the ingestion path (read on every stored response with a
/// customer). A change made through <see cref="DimensionService"/> is seen at once by this process and within
/// <see cref="MaxAge"/> by other server processes; a response's snapshot and its rollups always come from the same
/// list, so they agree whichever list a process had.
/// </summary>
public sealed class DimensionCatalog(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, (DateTimeOffset Loaded, string[] Attributes)> _cache = new();

    public async Task<IReadOnlyList<string>> AttributesAsync(LoopwiseDbContext db, Guid workspaceId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(workspaceId, out var cached) && now - cached.Loaded < MaxAge)
        {
            return cached.Attributes;
        }

        // The caller's context is scoped to this workspace (the tenant filter applies).
        var attributes = await db.Set<WorkspaceDimension>().AsNoTracking()
            .Where(d => d.WorkspaceId == workspaceId)
            .OrderBy(d => d.Position).Select(d => d.Attribute).ToArrayAsync(ct);
        _cache[workspaceId] = (now, attributes);
        return attributes;
    }

    public void Invalidate(Guid workspaceId) => _cache.TryRemove(workspaceId, out _);
}
