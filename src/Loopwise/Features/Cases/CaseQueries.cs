using Loopwise.Core.Cases;
using Loopwise.Data;
using Loopwise.Features.Customers;
using Loopwise.Features.Users;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Cases;

/// <summary>Case lists: the inbox (mine, due soon, breached) and the team's views, newest or most urgent first.</summary>
public sealed class CaseQueries(LoopwiseDbContext db, TimeProvider clock, CaseVisibility visibility)
{
    /// <summary>How far ahead "due soon" looks.</summary>
    public static readonly TimeSpan DueSoon = TimeSpan.FromHours(4);

    /// <summary>
    /// A page of cases. <paramref name="owner"/>: <c>me</c>, <c>none</c> or a user id; <paramref name="state"/>:
    /// <c>open</c> (default), <c>all</c>, or state names separated by commas; <paramref name="sla"/>: <c>breached</c>,
    /// <c>at_risk</c> or <c>due_soon</c>. Open cases come most urgent first (earliest due), others newest first.
    /// </summary>
    public async Task<Result<CasePageDto>> ListAsync(string? owner, string? state, string? sla, Guid? me, int page, int pageSize, CancellationToken ct)
    {
        if (page < 1 || pageSize is < 1 or > 200)
        {
            return Error.Invalid.Field(page < 1 ? "page" : "pageSize", "page starts at 1; pageSize is 1 to 200.");
        }

        var query = db.Set<Case>().AsNoTracking().Where(visibility.Filter);
        switch (owner)
        {
            case null or "" or "any":
                break;
            case "me" when me is { } self:
                query = query.Where(c => c.OwnerUserId == self);
                break;
            case "me":
                return Error.Invalid.Field("owner", "owner=me needs a signed-in person; an API key names the owner's id.");
            case "none":
                query = query.Where(c => c.OwnerUserId == null);
                break;
            default:
                if (!Guid.TryParse(owner, out var ownerId))
                {
                    return Error.Invalid.Field("owner", "owner is me, none, any or a user id.");
                }

                query = query.Where(c => c.OwnerUserId == ownerId);
                break;
        }

        var openOnly = false;
        switch (state)
        {
            case null or "" or "open":
                var open = CaseWorkflow.OpenStates.ToList();
                query = query.Where(c => open.Contains(c.State));
                openOnly = true;
                break;
            case "all":
                break;
            default:
                var states = new List<CaseState>();
                foreach (var name in state.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!Enum.TryParse<CaseState>(name, ignoreCase: true, out var parsed) || int.TryParse(name, out _))
                    {
                        return Error.Invalid.Field("state", $"Unknown state '{name}'. States: open, all, {string.Join(", ", Enum.GetNames<CaseState>())}.");
                    }

                    states.Add(parsed);
                }

                query = query.Where(c => states.Contains(c.State));
                openOnly = states.All(CaseWorkflow.IsOpen);
                break;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        switch (sla)
        {
            case null or "":
                break;
            case "breached":
                query = query.Where(c => c.SlaStatus == SlaStatus.Breached);
                break;
            case "at_risk":
                query = query.Where(c => c.SlaStatus == SlaStatus.AtRisk);
                break;
            case "due_soon":
                var soon = now + DueSoon;
                query = query.Where(c => c.SlaStatus != SlaStatus.Breached
                    && ((c.FirstResponseDueAt != null && c.FirstResponseDueAt <= soon) || (c.ResolutionDueAt != null && c.ResolutionDueAt <= soon)));
                break;
            default:
                return Error.Invalid.Field("sla", "sla is breached, at_risk or due_soon.");
        }

        var total = await query.CountAsync(ct);
        var ordered = openOnly
            ? query.OrderBy(c => c.FirstResponseDueAt ?? c.ResolutionDueAt ?? DateTime.MaxValue).ThenBy(c => c.Number)
            : query.OrderByDescending(c => c.Number);
        var rows = await ordered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new CasePageDto(total, page, pageSize, await ToDtosAsync(db, rows, ct));
    }

    internal static async Task<List<CaseDto>> ToDtosAsync(LoopwiseDbContext db, IReadOnlyList<Case> cases, CancellationToken ct)
    {
        var owners = cases.Where(c => c.OwnerUserId != null).Select(c => c.OwnerUserId!.Value).Distinct().ToList();
        var names = await db.Set<User>().AsNoTracking().Where(u => owners.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var customerIds = cases.Where(c => c.CustomerId != null).Select(c => c.CustomerId!.Value).Distinct().ToList();
        var customers = await db.Set<Customer>().AsNoTracking().Where(c => customerIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Name ?? c.ExternalId, ct);
        return [.. cases.Select(c => new CaseDto(
            c.Id, c.Number, c.Title, c.State, c.Priority,
            c.OwnerUserId is { } o ? new PersonDto(o, names.GetValueOrDefault(o, "(former member)")) : null,
            c.TeamId, c.CustomerId, c.CustomerId is { } cu ? customers.GetValueOrDefault(cu) : null, c.ResponseId, c.TouchpointId, c.TopicKey,
            c.CreatedAt, c.UpdatedAt, c.FirstResponseDueAt, c.ResolutionDueAt, c.SlaStatus, c.Version))];
    }
}
