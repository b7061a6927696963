using System.Collections.Concurrent;
using Loopwise.Data;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Alerts;

/// <summary>
/// Whether a workspace has enabled alert rules, so the response writer queues an evaluation job only where one can
/// fire. Cached per workspace for <see cref="Lifetime"/>; a rule saved in this process clears its workspace at once, one
/// saved on another node is seen within the lifetime (a response stored in between is not evaluated: see ADR 12).
/// </summary>
public sealed class AlertRuleCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, (bool Any, DateTimeOffset Until)> _byWorkspace = new();

    public async ValueTask<bool> AnyEnabledAsync(LoopwiseDbContext db, Guid workspaceId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_byWorkspace.TryGetValue(workspaceId, out var cached) && cached.Until > now)
        {
            return cached.Any;
        }

        var any = await db.Set<AlertRule>().IgnoreQueryFilters().AnyAsync(r => r.WorkspaceId == workspaceId && r.Enabled, ct);
        _byWorkspace[workspaceId] = (any, now + Lifetime);
        return any;
    }

    public void Forget(Guid workspaceId) => _byWorkspace.TryRemove(workspaceId, out _);
}
