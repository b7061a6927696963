using Loopwise.Core.Cases;
using Loopwise.Data;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Cases;

/// <summary>
/// Picks the team and owner of a new case (cx-reference.md §7): the first assignment rule that matches gives it to a
/// person or a team, else the fallback team takes it; the team's strategy picks the member. Runs inside the caller's
/// write transaction: on PostgreSQL the team row is locked first, so concurrent picks of one team take turns.
/// </summary>
public sealed class CaseAssigner(LoopwiseDbContext db)
{
    // Read once per scope (a job opening hundreds of cases, a request opening one).
    private List<AssignmentRule>? _rules;
    private Guid? _fallback;
    private bool _fallbackRead;

    /// <summary>Weight of an open case by priority when counting a member's load.</summary>
    public static double Weight(CasePriority priority) => priority switch
    {
        CasePriority.Low => 0.5,
        CasePriority.Normal => 1,
        CasePriority.High => 2,
        _ => 3,
    };

    public async Task<(Guid? TeamId, Guid? OwnerUserId)> AssignAsync(NewCase request, CancellationToken ct)
    {
        if (request.OwnerUserId is not null || request.TeamId is not null)
        {
            return request.OwnerUserId is not null ? (request.TeamId, request.OwnerUserId) : await PickInTeamAsync(request.TeamId!.Value, ct);
        }

        _rules ??= await db.Set<AssignmentRule>().AsNoTracking().OrderBy(r => r.Position).ToListAsync(ct);
        var rule = _rules.FirstOrDefault(r => r.Match.Matches(request.TouchpointKey, request.Dimensions, request.TopicKey));
        if (rule is not null)
        {
            return rule.UserId is { } user ? (rule.TeamId, user) : await PickInTeamAsync(rule.TeamId!.Value, ct);
        }

        if (!_fallbackRead)
        {
            _fallback = await db.Set<CaseTeam>().AsNoTracking().Where(t => t.IsFallback).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
            _fallbackRead = true;
        }

        return _fallback is { } team ? await PickInTeamAsync(team, ct) : (null, null);
    }

    private async Task<(Guid? TeamId, Guid? OwnerUserId)> PickInTeamAsync(Guid teamId, CancellationToken ct)
    {
        var values = new SqlValue(db.IsPostgres);
        var (workspace, team0) = (values.Of(db.Scope.WorkspaceId), values.Of(teamId));
        await db.Database.ExecuteSqlAsync($"UPDATE case_teams SET version = version + 1 WHERE workspace_id = {workspace} AND id = {team0}", ct);
        var team = await db.Set<CaseTeam>().FirstOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null)
        {
            return (null, null);
        }

        var members = await db.Set<CaseTeamMember>().AsNoTracking().Where(m => m.TeamId == teamId)
            .OrderBy(m => m.Position).ThenBy(m => m.UserId).ToListAsync(ct);
        Guid? owner = team.Strategy switch
        {
            _ when members.Count == 0 => null,
            AssignmentStrategy.RoundRobin => CaseAssignment.RoundRobin<Guid>([.. members.Select(m => m.UserId)], team.LastAssignedUserId ?? Guid.Empty),
            AssignmentStrategy.LeastLoaded => CaseAssignment.LeastLoaded<Guid>(await LoadsAsync(members, ct)),
            _ => null,
        };
        if (owner is not null)
        {
            team.LastAssignedUserId = owner;
        }

        return (teamId, owner);
    }

    private async Task<List<MemberLoad<Guid>>> LoadsAsync(List<CaseTeamMember> members, CancellationToken ct)
    {
        var ids = members.Select(m => m.UserId).ToList();
        var open = CaseWorkflow.OpenStates.ToList();
        var stored = await db.Set<Case>().AsNoTracking()
            .Where(c => c.OwnerUserId != null && ids.Contains(c.OwnerUserId.Value) && open.Contains(c.State))
            .GroupBy(c => new { c.OwnerUserId, c.Priority }).Select(g => new { g.Key.OwnerUserId, g.Key.Priority, Count = g.Count() })
            .ToListAsync(ct);
        var pending = db.ChangeTracker.Entries<Case>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .Where(c => c.OwnerUserId is { } o && ids.Contains(o)).ToList();
        return [.. members.Select(m => new MemberLoad<Guid>(
            m.UserId,
            stored.Where(s => s.OwnerUserId == m.UserId).Sum(s => s.Count * Weight(s.Priority)) + pending.Where(c => c.OwnerUserId == m.UserId).Sum(c => Weight(c.Priority)),
            Math.Max(m.Capacity, 1)))];
    }
}
