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

    // Median and P90 of one slice read the same buckets: read once per scope (KpiSeriesBatch gives both to one worker).
    private readonly Dictionary<KpiSlice, List<DurationCount>> _durations = [];

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
            // Ungrouped monthly and quarterly series (the overview) let the database fold days, channels and touchpoints.
            var folded = slice.By == KpiGrouping.None && allowed is null && slice.Interval is TrendInterval.Month or TrendInterval.Quarter;
            if (!_durations.TryGetValue(slice, out var buckets))
            {
                var whole = RollupSpan.Of(slice.From, slice.To, slice.Interval);
                if (folded && whole.HasMonths)
                {
                    buckets = await FoldedHistogramAsync(whole, channel, ct);
                }
                else
                {
                    buckets = whole.HasDays ? await SumDurationsAsync(whole.Days(db.Set<TicketDurationRollup>().AsNoTracking()), channel, folded, ct) : [];
                    if (whole.HasMonths)
                    {
                        buckets.AddRange(await SumDurationsAsync(whole.Months(db.Set<TicketDurationMonthRollup>().AsNoTracking()), channel, folded, ct));
                    }
                }

                _durations[slice] = buckets;
            }

            foreach (var row in buckets)
            {
                if (allowed is null || allowed.Contains(row.TouchpointId))
                {
                    ((DurationPercentileCell)cells.At(Group(slice, row.Channel, touchpoints.GetValueOrDefault(row.TouchpointId)), slice.Interval.Start(row.Day))).Add(row.Bucket, row.Count);
                }
            }

            return cells;
        }

        // Repeat-contact FCR leaves out days whose window is still open: only months with every day settled are read whole.
        var span = RollupSpan.Of(slice.From, slice.To, slice.Interval, kpi == KpiId.Fcr
            ? month => FirstContactResolution.DayIsSettled(month.AddMonths(1).AddDays(-1), rules.FcrWindowDays, now)
            : null);
        var rows = span.HasDays ? await SumTicketsAsync(span.Days(db.Set<TicketRollup>().AsNoTracking()), channel, ct) : [];
        if (span.HasMonths)
        {
            rows.AddRange(await SumTicketsAsync(span.Months(db.Set<TicketMonthRollup>().AsNoTracking()), channel, ct));
        }

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
        var span = RollupSpan.Of(slice.From, slice.To, slice.Interval);
        var rows = span.HasDays ? await SumFunnelAsync(span.Days(db.Set<ResponseRollup>().AsNoTracking()), slice.SurveyId, ct) : [];
        if (span.HasMonths)
        {
            rows.AddRange(await SumFunnelAsync(span.Months(db.Set<ResponseMonthRollup>().AsNoTracking()), slice.SurveyId, ct));
        }

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

    private sealed record TicketSums(DateOnly Day, string Channel, Guid TouchpointId, long FirstContacts, long Repeats, long Replied, long FrtBusiness, long ClockStarted, long SlaMet);

    private sealed record DurationCount(DateOnly Day, string? Channel, Guid TouchpointId, int Bucket, long Count);

    private sealed record FunnelSums(DateOnly Day, Guid SurveyId, Guid TouchpointId, long Started, long Completed);

    /// <summary>
    /// The business-hours bucket counts of a monthly series summed over channels and touchpoints, in one round trip of
    /// separate statements read straight from the data reader (the overview's heaviest read: about a thousand buckets
    /// per month; one UNION ALL made PostgreSQL plan a parallel query, slower than the read itself on two cores): whole
    /// months from the month rollups grouped by month and bucket (the key's order after the clock, so no sort), and
    /// the cut months at either end from the day rollups grouped by bucket alone, each counted in its own month.
    /// </summary>
    private async Task<List<DurationCount>> FoldedHistogramAsync(RollupSpan span, string? channel, CancellationToken ct)
    {
        var values = new SqlValue(db.IsPostgres);
        var channelFilter = channel is null ? string.Empty : " AND channel = @channel";
        var parts = new List<string>
        {
            "SELECT month AS period, bucket, CAST(SUM(count) AS bigint) AS n FROM ticket_duration_month_rollups " +
            $"WHERE workspace_id = @w AND clock = 'business' AND month >= @monthsFrom AND month <= @monthsTo{channelFilter} GROUP BY month, bucket",
        };
        var parameters = new List<(string Name, object Value)>
        {
            ("@w", values.Of(db.Scope.WorkspaceId)), ("@monthsFrom", values.Of(span.MonthsFrom)), ("@monthsTo", values.Of(span.MonthsTo)),
        };
        var ranges = span.DayRanges;
        for (var i = 0; i < ranges.Count; i++)
        {
            var n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parts.Add($"SELECT @period{n} AS period, bucket, CAST(SUM(count) AS bigint) AS n FROM ticket_duration_rollups " +
                $"WHERE workspace_id = @w AND clock = 'business' AND day >= @from{n} AND day <= @to{n}{channelFilter} GROUP BY bucket");
            parameters.Add(("@period" + n, values.Of(new DateOnly(ranges[i].From.Year, ranges[i].From.Month, 1))));
            parameters.Add(("@from" + n, values.Of(ranges[i].From)));
            parameters.Add(("@to" + n, values.Of(ranges[i].To)));
        }

        if (channel is not null)
        {
            parameters.Add(("@channel", channel));
        }

        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
#pragma warning disable CA2100 // The statement is assembled from constants; every value is a parameter.
        command.CommandText = string.Join(";\n", parts);
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var rows = new List<DurationCount>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        do
        {
            while (await reader.ReadAsync(ct))
            {
                var period = reader.GetValue(0) switch
                {
                    DateOnly day => day,
                    DateTime time => DateOnly.FromDateTime(time),
                    var text => DateOnly.ParseExact((string)text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                };
                rows.Add(new DurationCount(period, null, Guid.Empty, reader.GetInt32(1), reader.GetInt64(2)));
            }
        }
        while (await reader.NextResultAsync(ct));

        return rows;
    }

    private static async Task<List<TicketSums>> SumTicketsAsync<T>(IQueryable<T> rows, string? channel, CancellationToken ct)
        where T : TicketRollupRow
    {
        rows = channel is null ? rows : rows.Where(r => r.Channel == channel);
        return await rows.GroupBy(r => new { r.Day, r.Channel, r.TouchpointId })
            .Select(g => new TicketSums(
                g.Key.Day, g.Key.Channel, g.Key.TouchpointId, g.Sum(r => r.FirstContacts), g.Sum(r => r.RepeatWithinWindow),
                g.Sum(r => r.Replied), g.Sum(r => r.FrtBusinessSumSeconds), g.Sum(r => r.ClockStarted), g.Sum(r => r.SlaMet)))
            .ToListAsync(ct);
    }

    /// <summary>Business-hours first response buckets; <paramref name="folded"/> sums channels and touchpoints by month (day rows only: folded month rows go through <see cref="FoldedHistogramAsync"/>).</summary>
    private static async Task<List<DurationCount>> SumDurationsAsync<T>(IQueryable<T> rows, string? channel, bool folded, CancellationToken ct)
        where T : TicketDurationRollupRow
    {
        rows = rows.Where(r => r.Clock == "business");
        rows = channel is null ? rows : rows.Where(r => r.Channel == channel);
        return folded
            ? (await rows.GroupBy(r => new { r.Day.Year, r.Day.Month, r.Bucket })
                    .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Bucket, Count = g.Sum(r => r.Count) }).ToListAsync(ct))
                .ConvertAll(r => new DurationCount(new DateOnly(r.Year, r.Month, 1), null, Guid.Empty, r.Bucket, r.Count))
            : await rows.GroupBy(r => new { r.Day, r.Channel, r.TouchpointId, r.Bucket })
                .Select(g => new DurationCount(g.Key.Day, g.Key.Channel, g.Key.TouchpointId, g.Key.Bucket, g.Sum(r => r.Count))).ToListAsync(ct);
    }

    private static async Task<List<FunnelSums>> SumFunnelAsync<T>(IQueryable<T> rows, Guid? surveyId, CancellationToken ct)
        where T : ResponseRollupRow
    {
        rows = surveyId is { } id ? rows.Where(r => r.SurveyId == id) : rows;
        return await rows.GroupBy(r => new { r.Day, r.SurveyId, r.TouchpointId })
            .Select(g => new FunnelSums(g.Key.Day, g.Key.SurveyId, g.Key.TouchpointId, g.Sum(r => r.Started), g.Sum(r => r.Completed)))
            .ToListAsync(ct);
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
