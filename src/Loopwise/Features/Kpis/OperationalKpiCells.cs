using Loopwise.Core.Kpis;
using Loopwise.Core.Support;
using Loopwise.Data;
using Loopwise.Features.Metrics;
using Loopwise.Features.Responses;
using Loopwise.Features.Support;
using Loopwise.Features.Touchpoints;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Kpis;

/// <summary>
/// Reads the cells of the transactional KPIs from their rollups: first contact resolution (repeat-contact variant, W
/// days, only days whose window has closed), first response time (business hours: mean, median, P90), SLA attainment
/// (cx-reference.md §4) from the ticket rollups; survey completion and abandonment from the response rollups.
/// Tickets have their own channel (the one the customer wrote on); touchpoints give the journey stage.
/// </summary>
public sealed class OperationalKpiCells(LoopwiseDbContext db, SupportSettingsService settings, KpiReferenceData reference, TimeProvider clock)
{
    private SupportRules? _rules;

    public static IReadOnlyList<KpiId> Supported { get; } =
    [
        KpiId.Fcr, KpiId.FirstResponseTime, KpiId.FirstResponseTimeMedian, KpiId.FirstResponseTimeP90, KpiId.SlaAttainment,
        KpiId.CompletionRate, KpiId.AbandonmentRate,
    ];

    public async Task<Result<KpiCells>> ReadAsync(KpiId kpi, KpiSlice slice, CancellationToken ct)
    {
        if (slice.Dimension.Needed)
        {
            return Error.Invalid.Field(slice.WhereDimension is not null ? "where" : "by", $"{kpi} cannot be sliced by customer dimensions yet; slice it by touchpoint, channel or stage.");
        }

        var touchpoints = await reference.TouchpointsAsync(ct);
        return kpi == KpiId.CompletionRate || kpi == KpiId.AbandonmentRate
            ? await FunnelAsync(kpi, slice, touchpoints, ct)
            : await TicketsAsync(kpi, slice, touchpoints, ct);
    }

    private async Task<Result<KpiCells>> TicketsAsync(KpiId kpi, KpiSlice slice, IReadOnlyDictionary<Guid, Touchpoint> touchpoints, CancellationToken ct)
    {
        if (slice.SurveyId is not null || slice.By == KpiGrouping.Survey)
        {
            return Error.Invalid.Field(slice.SurveyId is not null ? "survey" : "by", $"{kpi} is measured on support tickets, which have no survey.");
        }

        var rules = _rules ??= await settings.RulesAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var allowed = AllowedTouchpoints(slice, touchpoints, byTouchpointChannel: false);
        var channel = slice.Channel is { } c ? (c == Channel.InPerson ? "in-person" : c.ToString().ToLowerInvariant()) : null;
        if (kpi == KpiId.FirstResponseTimeMedian || kpi == KpiId.FirstResponseTimeP90)
        {
            var percent = kpi == KpiId.FirstResponseTimeMedian ? 50.0 : 90.0;
            var cells = new KpiCells(() => new DurationPercentileCell(percent)) { FromRollups = true };
            var durations = db.Set<TicketDurationRollup>().AsNoTracking()
                .Where(r => r.Clock == "business" && r.Day >= slice.From && r.Day <= slice.To);
            durations = channel is null ? durations : durations.Where(r => r.Channel == channel);
            // Ungrouped monthly and quarterly series (the overview) let the database fold days, channels and touchpoints.
            var buckets = slice.By == KpiGrouping.None && allowed is null && slice.Interval is TrendInterval.Month or TrendInterval.Quarter
                ? (await durations.GroupBy(r => new { r.Day.Year, r.Day.Month, r.Bucket })
                        .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Bucket, Count = g.Sum(r => r.Count) }).ToListAsync(ct))
                    .ConvertAll(r => (Day: new DateOnly(r.Year, r.Month, 1), Channel: (string?)null, TouchpointId: Guid.Empty, r.Bucket, r.Count))
                : (await durations.GroupBy(r => new { r.Day, r.Channel, r.TouchpointId, r.Bucket })
                        .Select(g => new { g.Key.Day, g.Key.Channel, g.Key.TouchpointId, g.Key.Bucket, Count = g.Sum(r => r.Count) }).ToListAsync(ct))
                    .ConvertAll(r => (r.Day, Channel: (string?)r.Channel, r.TouchpointId, r.Bucket, r.Count));
            foreach (var row in buckets)
            {
                if (allowed is null || allowed.Contains(row.TouchpointId))
                {
                    ((DurationPercentileCell)cells.At(Group(slice, row.Channel, touchpoints.GetValueOrDefault(row.TouchpointId)), slice.Interval.Start(row.Day))).Add(row.Bucket, row.Count);
                }
            }

            return cells;
        }

        var rollups = db.Set<TicketRollup>().AsNoTracking().Where(r => r.Day >= slice.From && r.Day <= slice.To);
        rollups = channel is null ? rollups : rollups.Where(r => r.Channel == channel);
        var rows = await rollups.GroupBy(r => new { r.Day, r.Channel, r.TouchpointId })
            .Select(g => new
            {
                g.Key.Day, g.Key.Channel, g.Key.TouchpointId,
                FirstContacts = g.Sum(r => r.FirstContacts), Repeats = g.Sum(r => r.RepeatWithinWindow),
                Replied = g.Sum(r => r.Replied), FrtBusiness = g.Sum(r => r.FrtBusinessSumSeconds),
                ClockStarted = g.Sum(r => r.ClockStarted), SlaMet = g.Sum(r => r.SlaMet),
            }).ToListAsync(ct);
        var result = new KpiCells(kpi == KpiId.FirstResponseTime ? () => new MeanDurationCell() : () => new RateCell()) { FromRollups = true };
        foreach (var row in rows)
        {
            if (allowed is not null && !allowed.Contains(row.TouchpointId))
            {
                continue;
            }

            // Repeat-contact FCR: issues whose window is still open are pending and left out (cx-reference.md §4).
            if (kpi == KpiId.Fcr && !FirstContactResolution.DayIsSettled(row.Day, rules.FcrWindowDays, now))
            {
                continue;
            }

            KpiCell cell = kpi == KpiId.Fcr ? new RateCell(row.FirstContacts - row.Repeats, row.FirstContacts)
                : kpi == KpiId.SlaAttainment ? new RateCell(row.SlaMet, row.ClockStarted)
                : new MeanDurationCell(row.Replied, row.FrtBusiness);
            result.At(Group(slice, row.Channel, touchpoints.GetValueOrDefault(row.TouchpointId)), slice.Interval.Start(row.Day)).Add(cell);
        }

        return result;
    }

    private async Task<Result<KpiCells>> FunnelAsync(KpiId kpi, KpiSlice slice, IReadOnlyDictionary<Guid, Touchpoint> touchpoints, CancellationToken ct)
    {
        var allowed = AllowedTouchpoints(slice, touchpoints, byTouchpointChannel: true);
        var rollups = db.Set<ResponseRollup>().AsNoTracking().Where(r => r.Day >= slice.From && r.Day <= slice.To);
        if (slice.SurveyId is { } surveyId)
        {
            rollups = rollups.Where(r => r.SurveyId == surveyId);
        }

        var rows = await rollups.GroupBy(r => new { r.Day, r.SurveyId, r.TouchpointId })
            .Select(g => new { g.Key.Day, g.Key.SurveyId, g.Key.TouchpointId, Started = g.Sum(r => r.Started), Completed = g.Sum(r => r.Completed) })
            .ToListAsync(ct);
        var result = new KpiCells(() => new RateCell()) { FromRollups = true };
        foreach (var row in rows.Where(r => allowed is null || allowed.Contains(r.TouchpointId)))
        {
            // Imported responses may be completed without a counted start: never a rate above 100% (as the results page).
            var started = Math.Max(row.Started, row.Completed);
            var cell = kpi == KpiId.CompletionRate ? new RateCell(row.Completed, started) : new RateCell(started - row.Completed, started);
            var touchpoint = touchpoints.GetValueOrDefault(row.TouchpointId);
            var group = slice.By == KpiGrouping.Survey ? row.SurveyId.ToString() : Group(slice, touchpoint?.Channel.ToString(), touchpoint);
            result.At(group, slice.Interval.Start(row.Day)).Add(cell);
        }

        return result;
    }

    /// <summary>The touchpoints a slice keeps, or null for all (and none). Survey funnels take the channel from the touchpoint.</summary>
    private static HashSet<Guid>? AllowedTouchpoints(KpiSlice slice, IReadOnlyDictionary<Guid, Touchpoint> touchpoints, bool byTouchpointChannel)
    {
        var filter = byTouchpointChannel ? slice : slice with { Channel = null };
        return filter.TouchpointId is null && filter.Stage is null && filter.Channel is null
            ? null
            : [.. touchpoints.Values.Where(t => SurveyKpiCounts.Matches(filter, t)).Select(t => t.Id)];
    }

    private static string Group(KpiSlice slice, string? channel, Touchpoint? touchpoint) => slice.By switch
    {
        KpiGrouping.Touchpoint => touchpoint?.Key ?? SurveyKpiCounts.Unknown,
        KpiGrouping.Channel => channel ?? SurveyKpiCounts.Unknown,
        KpiGrouping.Stage => touchpoint?.JourneyStage ?? SurveyKpiCounts.Unknown,
        _ => string.Empty,
    };
}
