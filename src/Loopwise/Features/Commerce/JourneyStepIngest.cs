using Loopwise.Data;
using Loopwise.Features.Responses;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Commerce;

/// <summary>
/// Journey steps: one fact per journey, session, step and state (the same again is a duplicate), counted in
/// <see cref="JourneyRollup"/> per day, journey, step and touchpoint. Completion = completed / started and
/// abandonment = (started − completed) / started per step (cx-reference.md §4).
/// </summary>
public sealed class JourneyStepIngest(LoopwiseDbContext db, SqliteWriteGate gate, TimeProvider clock, CustomerDirectory customers, FactSql sql)
    : FactIngest<JourneyStepInput, JourneyStepIngest.Fact>(db, gate, clock)
{
    private static readonly SqlColumn[] StepColumns =
    [
        new("workspace_id", SqlType.Uuid), new("id", SqlType.Uuid), new("journey_key", SqlType.Text), new("step_key", SqlType.Text),
        new("customer_id", SqlType.Uuid), new("session_id", SqlType.Text), new("state", SqlType.Text), new("at", SqlType.Timestamp),
        new("touchpoint_id", SqlType.Uuid),
    ];

    private Dictionary<string, Guid> _touchpoints = new(StringComparer.Ordinal);

    /// <summary>A checked journey step.</summary>
    public sealed record Fact(string Journey, string Step, string SessionId, JourneyStepState State, DateTime At, string? CustomerExternalId, Guid? TouchpointId);

    protected override string Noun => "journey steps";

    protected override string KeyField => "sessionId";

    protected override async Task LoadAsync(IReadOnlyList<JourneyStepInput> items, CancellationToken ct) =>
        _touchpoints = await Touchpoints.ByKeyAsync(Db, items.Select(i => i.TouchpointKey), ct);

    protected override Fact? Check(JourneyStepInput item, DateTime now, Action<string, string> fail)
    {
        var journey = Text(item.Journey, "journey", 64, required: true, fail);
        var step = Text(item.Step, "step", 64, required: true, fail);
        var session = Text(item.SessionId, "sessionId", 100, required: true, fail);
        var at = Time(item.At, "at", required: true, now, fail);
        var customer = Text(item.CustomerExternalId, "customerExternalId", 200, required: false, fail);
        var known = JourneyStates.TryParse(item.State, out var state);
        if (!known)
        {
            fail("state", item.State is null ? "Required: started, completed or abandoned." : $"'{item.State}' is not a state: started, completed or abandoned.");
        }

        var touchpoint = Touchpoints.Find(_touchpoints, item.TouchpointKey, "touchpointKey", fail, out var bad);
        return journey is null || step is null || session is null || at is null || !known || bad
            ? null
            : new Fact(journey, step, session, state, OrderIngest.Precise(at.Value), customer, touchpoint);
    }

    protected override string KeyOf(Fact fact) => string.Join('\u001f', fact.Journey, fact.SessionId, fact.Step, JourneyStates.Name(fact.State));

    protected override async Task<FactState[]> CompareAsync(IReadOnlyList<Fact> facts, CancellationToken ct)
    {
        var sessions = facts.Select(f => f.SessionId).Distinct(StringComparer.Ordinal).ToList();
        var stored = await Db.Set<JourneyStep>().AsNoTracking().Where(s => sessions.Contains(s.SessionId))
            .Select(s => new { s.JourneyKey, s.SessionId, s.StepKey, s.State, s.At })
            .ToListAsync(ct);
        var byKey = stored.ToDictionary(s => string.Join('\u001f', s.JourneyKey, s.SessionId, s.StepKey, JourneyStates.Name(s.State)), s => s.At, StringComparer.Ordinal);
        return [.. facts.Select(f => !byKey.TryGetValue(KeyOf(f), out var at)
            ? new FactState(FactChange.Create)
            : OrderIngest.Precise(at) == f.At
                ? new FactState(FactChange.Unchanged)
                : new FactState(FactChange.Conflict, "at", $"Session '{f.SessionId}' reached '{JourneyStates.Name(f.State)}' in step '{f.Step}' at another time already."))];
    }

    protected override async Task WriteAsync(Guid workspaceId, IReadOnlyList<Fact> created, IReadOnlyList<Fact> updated, int slot, CancellationToken ct)
    {
        if (created.Count == 0)
        {
            return;
        }

        var wanted = created.Where(f => f.CustomerExternalId is not null).Select(f => f.CustomerExternalId!).Distinct(StringComparer.Ordinal)
            .ToDictionary(c => c, _ => (string?)null, StringComparer.Ordinal);
        var ids = wanted.Count == 0 ? [] : await customers.ResolveAsync(workspaceId, wanted, ct);
        var rows = new List<object?[]>(created.Count);
        var daily = new RollupSums(3);
        foreach (var f in created)
        {
            rows.Add([workspaceId, Guid.CreateVersion7(Clock.GetUtcNow()), f.Journey, f.Step, f.CustomerExternalId is { } c ? ids[c] : null, f.SessionId, JourneyStates.Name(f.State), f.At, f.TouchpointId]);
            daily.Add(
                [DayOf(f.At), f.Journey, f.Step, f.TouchpointId ?? Guid.Empty],
                f.State == JourneyStepState.Started ? 1 : 0, f.State == JourneyStepState.Completed ? 1 : 0, f.State == JourneyStepState.Abandoned ? 1 : 0);
        }

        await sql.InsertAsync("journey_steps", StepColumns, rows, null, ct);
        await sql.UpsertSumsAsync(
            "journey_rollups", OrderIngest.Keys("day", SqlType.Date, "journey_key", SqlType.Text, "step_key", SqlType.Text, "touchpoint_id", SqlType.Uuid),
            ["started", "completed", "abandoned"], daily.Rows(workspaceId, slot), ct);
    }
}
