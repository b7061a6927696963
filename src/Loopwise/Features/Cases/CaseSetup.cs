using System.Text.Json;
using Loopwise.Data;
using Loopwise.Features.Audit;
using Loopwise.Features.Users;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Cases;

public sealed record CaseTeamDto(Guid? Id, string? Key, string? Name, AssignmentStrategy? Strategy, bool IsFallback, IReadOnlyList<CaseTeamMemberDto>? Members);

public sealed record CaseTeamMemberDto(Guid UserId, double Capacity = 10);

public sealed record AssignmentRuleDto(Guid? Id, string? Name, AssignmentMatch? Match, string? TeamKey, Guid? UserId);

/// <summary>
/// The CX Manager's case set-up (cx-reference.md §11 "Case workflow, SLAs, assignment rules"): the calendar and SLA
/// targets, the teams with their members and strategy, and the ordered assignment rules. Each is saved whole,
/// validated first (every problem reported by field), audited.
/// </summary>
public sealed class CaseSetup(LoopwiseDbContext db, SqliteWriteGate gate, TimeProvider clock)
{
    public async Task<Result<CaseSettingsDto>> SaveSettingsAsync(CaseSettingsDto? settings, string actor, CancellationToken ct)
    {
        if (settings is null)
        {
            return Error.Invalid.Field("", "The body is the settings: {timeZone, hours, holidays, targets, closeResolvedAfterDays}.");
        }

        var errors = new Dictionary<string, string[]>();
        if (settings.Calendar() is { Error: { } calendarError })
        {
            errors["hours"] = [calendarError];
        }

        foreach (var (priority, t) in settings.Targets ?? new Dictionary<Core.Cases.CasePriority, SlaTargetsDto>())
        {
            if (t.FirstResponseHours <= 0 || t.ResolutionHours <= 0 || t.FirstResponseHours > t.ResolutionHours || t.ResolutionHours > 2000)
            {
                errors[$"targets.{priority}"] = ["Targets are positive working hours (at most 2 000), the first response no later than the resolution."];
            }
        }

        if (settings.CloseResolvedAfterDays is < 0 or > 365)
        {
            errors["closeResolvedAfterDays"] = ["Resolved cases close after 0 to 365 days."];
        }

        if (errors.Count > 0)
        {
            return new Error.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var json = JsonSerializer.Serialize(settings, CaseJson.Options);
        using (await gate.EnterAsync(ct))
        {
            var row = await db.Set<CaseSettings>().FirstOrDefaultAsync(ct);
            if (row is null)
            {
                db.Add(new CaseSettings { WorkspaceId = db.Scope.WorkspaceId, SettingsJson = json, UpdatedAt = now });
            }
            else
            {
                row.SettingsJson = json;
                row.UpdatedAt = now;
            }

            db.Add(AuditEntry.Of(db.Scope.WorkspaceId, now, actor, "case.settings.saved", "case-settings", json.Length > 2000 ? json[..2000] : json));
            await db.SaveChangesAsync(ct);
        }

        return settings;
    }

    public async Task<IReadOnlyList<CaseTeamDto>> TeamsAsync(CancellationToken ct)
    {
        var teams = await db.Set<CaseTeam>().AsNoTracking().OrderBy(t => t.Key).ToListAsync(ct);
        var members = await db.Set<CaseTeamMember>().AsNoTracking().OrderBy(m => m.Position).ToListAsync(ct);
        return [.. teams.Select(t => new CaseTeamDto(t.Id, t.Key, t.Name, t.Strategy, t.IsFallback,
            [.. members.Where(m => m.TeamId == t.Id).Select(m => new CaseTeamMemberDto(m.UserId, m.Capacity))]))];
    }

    /// <summary>Replaces the teams (matched by key: a kept key keeps its id and round-robin position).</summary>
    public async Task<Result<IReadOnlyList<CaseTeamDto>>> SaveTeamsAsync(IReadOnlyList<CaseTeamDto>? teams, string actor, CancellationToken ct)
    {
        teams ??= [];
        var errors = new Dictionary<string, string[]>();
        var memberIds = (await db.Set<Membership>().AsNoTracking().Select(m => m.UserId).ToListAsync(ct)).ToHashSet();
        for (var i = 0; i < teams.Count; i++)
        {
            var t = teams[i];
            if (string.IsNullOrWhiteSpace(t.Key) || t.Key.Length > 64 || !t.Key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
            {
                errors[$"teams[{i}].key"] = ["A key is 1 to 64 lower-case letters, digits, - or _."];
            }
            else if (teams.Take(i).Any(o => o.Key == t.Key))
            {
                errors[$"teams[{i}].key"] = [$"The key '{t.Key}' is used twice."];
            }

            if (string.IsNullOrWhiteSpace(t.Name) || t.Name.Length > 200)
            {
                errors[$"teams[{i}].name"] = ["A team needs a name of at most 200 characters."];
            }

            foreach (var (m, j) in (t.Members ?? []).Select((m, j) => (m, j)))
            {
                if (!memberIds.Contains(m.UserId))
                {
                    errors[$"teams[{i}].members[{j}].userId"] = ["Not a member of this workspace."];
                }

                if (m.Capacity is < 1 or > 1000)
                {
                    errors[$"teams[{i}].members[{j}].capacity"] = ["Capacity is 1 to 1 000 (weighted open cases)."];
                }
            }
        }

        if (teams.Count(t => t.IsFallback) > 1)
        {
            errors["teams"] = ["Only one team can be the fallback queue."];
        }

        if (errors.Count > 0)
        {
            return new Error.Invalid(errors);
        }

        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var existing = await db.Set<CaseTeam>().ToListAsync(ct);
            var keep = teams.Select(t => t.Key!).ToHashSet();
            var removed = existing.Where(t => !keep.Contains(t.Key)).Select(t => t.Id).ToList();
            if (await db.Set<AssignmentRule>().AnyAsync(r => r.TeamId != null && removed.Contains(r.TeamId.Value), ct))
            {
                return new Error.Conflict("An assignment rule still sends cases to a team this save removes: change the rules first.");
            }

            db.RemoveRange(existing.Where(t => removed.Contains(t.Id)));
            db.RemoveRange(await db.Set<CaseTeamMember>().ToListAsync(ct));
            foreach (var t in teams)
            {
                var row = existing.FirstOrDefault(e => e.Key == t.Key);
                if (row is null)
                {
                    row = new CaseTeam { WorkspaceId = db.Scope.WorkspaceId, Id = Guid.CreateVersion7(), Key = t.Key!, Name = t.Name!.Trim() };
                    db.Add(row);
                }

                row.Name = t.Name!.Trim();
                row.Strategy = t.Strategy ?? AssignmentStrategy.RoundRobin;
                row.IsFallback = t.IsFallback;
                db.AddRange((t.Members ?? []).DistinctBy(m => m.UserId).Select((m, j) => new CaseTeamMember
                {
                    WorkspaceId = db.Scope.WorkspaceId, TeamId = row.Id, UserId = m.UserId, Capacity = m.Capacity, Position = j,
                }));
            }

            db.Add(AuditEntry.Of(db.Scope.WorkspaceId, clock.GetUtcNow().UtcDateTime, actor, "case.teams.saved", "case-teams", string.Join(", ", keep)));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        db.ChangeTracker.Clear();
        return Result.Ok(await TeamsAsync(ct));
    }

    public async Task<IReadOnlyList<AssignmentRuleDto>> RulesAsync(CancellationToken ct)
    {
        var teams = await db.Set<CaseTeam>().AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Key, ct);
        return [.. (await db.Set<AssignmentRule>().AsNoTracking().OrderBy(r => r.Position).ToListAsync(ct))
            .Select(r => new AssignmentRuleDto(r.Id, r.Name, r.Match, r.TeamId is { } t ? teams.GetValueOrDefault(t) : null, r.UserId))];
    }

    /// <summary>Replaces the ordered assignment rules (the first match wins).</summary>
    public async Task<Result<IReadOnlyList<AssignmentRuleDto>>> SaveRulesAsync(IReadOnlyList<AssignmentRuleDto>? rules, string actor, CancellationToken ct)
    {
        rules ??= [];
        var teams = await db.Set<CaseTeam>().AsNoTracking().ToDictionaryAsync(t => t.Key, t => t.Id, ct);
        var memberIds = (await db.Set<Membership>().AsNoTracking().Select(m => m.UserId).ToListAsync(ct)).ToHashSet();
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < rules.Count; i++)
        {
            var r = rules[i];
            if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 200)
            {
                errors[$"rules[{i}].name"] = ["A rule needs a name of at most 200 characters."];
            }

            if ((r.TeamKey is null) == (r.UserId is null))
            {
                errors[$"rules[{i}]"] = ["A rule sends cases to a team (teamKey) or a person (userId), one of them."];
            }
            else if (r.TeamKey is not null && !teams.ContainsKey(r.TeamKey))
            {
                errors[$"rules[{i}].teamKey"] = [$"No team has the key '{r.TeamKey}'."];
            }
            else if (r.UserId is { } user && !memberIds.Contains(user))
            {
                errors[$"rules[{i}].userId"] = ["Not a member of this workspace."];
            }
        }

        if (errors.Count > 0)
        {
            return new Error.Invalid(errors);
        }

        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.RemoveRange(await db.Set<AssignmentRule>().ToListAsync(ct));
            db.AddRange(rules.Select((r, i) => new AssignmentRule
            {
                WorkspaceId = db.Scope.WorkspaceId,
                Id = Guid.CreateVersion7(),
                Position = i,
                Name = r.Name!.Trim(),
                MatchJson = JsonSerializer.Serialize(r.Match ?? AssignmentMatch.Any, CaseJson.Options),
                TeamId = r.TeamKey is { } key ? teams[key] : null,
                UserId = r.UserId,
            }));
            db.Add(AuditEntry.Of(db.Scope.WorkspaceId, clock.GetUtcNow().UtcDateTime, actor, "case.assignment-rules.saved", "case-assignment-rules", $"{rules.Count} rules"));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        db.ChangeTracker.Clear();
        return Result.Ok(await RulesAsync(ct));
    }
}
