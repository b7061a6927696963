using Loopwise.Core.Support;
using Loopwise.Features.Responses;

namespace Loopwise.Features.Support;

/// <summary>
/// What a change of ticket summaries adds to the rollups: each ticket's old contribution subtracted, its new one
/// added, on the rows of its creation day. Used by the writer and by tests recounting raw facts.
/// </summary>
public sealed class TicketRollupDelta
{
    public readonly record struct Key(DateOnly Day, string Channel, Guid TouchpointId);

    public readonly record struct DurationKey(DateOnly Day, string Channel, Guid TouchpointId, string Clock, int Bucket);

    /// <summary>Counts in the column order of ticket_rollups (see <see cref="Columns"/>).</summary>
    public static readonly string[] Columns =
    [
        "opened", "created_by_agent", "first_contacts", "agent_flagged_fcr", "repeat_within_window", "transferred",
        "clock_started", "replied", "frt_sum_seconds", "frt_business_sum_seconds", "sla_met", "reopened", "solved",
    ];

    public Dictionary<Key, long[]> Counts { get; } = [];

    public Dictionary<DurationKey, long> Durations { get; } = [];

    /// <summary>Adds (<paramref name="sign"/> = 1) or removes (-1) one ticket's contribution.</summary>
    public void Add(Ticket t, int sign)
    {
        var key = new Key(DateOnly.FromDateTime(t.CreatedAt), t.Channel, t.TouchpointId);
        if (!Counts.TryGetValue(key, out var c))
        {
            Counts[key] = c = new long[Columns.Length];
        }

        var flagged = t.IsFirstContact && FirstContactResolution.AgentFlagged(t.AgentFlaggedFcr, t.Transferred, t.ReopenedCount) == FcrOutcome.Resolved;
        long[] values =
        [
            1, t.CreatedBy == "agent" ? 1 : 0, t.IsFirstContact ? 1 : 0, flagged ? 1 : 0, t.IsFirstContact && t.RepeatContactAt is not null ? 1 : 0,
            t.Transferred ? 1 : 0, t.ClockStartedAt is not null ? 1 : 0, t.FrtSeconds is not null ? 1 : 0, t.FrtSeconds ?? 0, t.FrtBusinessSeconds ?? 0,
            t.SlaMet ? 1 : 0, t.ReopenedCount, t.SolvedAt is not null ? 1 : 0,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            c[i] += sign * values[i];
        }

        if (t.FrtSeconds is { } calendar)
        {
            AddDuration(new DurationKey(key.Day, key.Channel, key.TouchpointId, "calendar", DurationBuckets.Bucket(calendar)), sign);
        }

        if (t.FrtBusinessSeconds is { } business)
        {
            AddDuration(new DurationKey(key.Day, key.Channel, key.TouchpointId, "business", DurationBuckets.Bucket(business)), sign);
        }
    }

    /// <summary>Drops rows whose changes cancel out.</summary>
    public void Compact()
    {
        foreach (var key in Counts.Where(c => c.Value.All(v => v == 0)).Select(c => c.Key).ToList())
        {
            Counts.Remove(key);
        }

        foreach (var key in Durations.Where(d => d.Value == 0).Select(d => d.Key).ToList())
        {
            Durations.Remove(key);
        }
    }

    /// <summary>The same changes counted per calendar month of creation (the month rollups).</summary>
    public TicketRollupDelta ByMonth()
    {
        var month = new TicketRollupDelta();
        foreach (var (key, values) in Counts)
        {
            var monthKey = key with { Day = RollupGrain.Month.PeriodOf(key.Day) };
            if (!month.Counts.TryGetValue(monthKey, out var sums))
            {
                month.Counts[monthKey] = sums = new long[Columns.Length];
            }

            for (var i = 0; i < values.Length; i++)
            {
                sums[i] += values[i];
            }
        }

        foreach (var (key, count) in Durations)
        {
            month.AddDuration(key with { Day = RollupGrain.Month.PeriodOf(key.Day) }, count);
        }

        return month;
    }

    private void AddDuration(DurationKey key, long change) => Durations[key] = Durations.GetValueOrDefault(key) + change;
}
