using Loopwise.Core.Metrics;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Surveys;
using Loopwise.Features.Touchpoints;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;
using static System.FormattableString;

namespace Loopwise.Features.Metrics;

/// <summary>
/// The metrics of one survey (NPS, CSAT, CES, ratings; trend; per touchpoint; response funnel), answered from the
/// rollup tables, never from the facts. Called by the API, the results page and the <c>metrics</c> CLI verb.
/// Metrics are per survey and per question: rNPS and tNPS are separate surveys and never pooled (cx-reference.md §1).
/// </summary>
public sealed class MetricsQuery(LoopwiseDbContext db, TimeProvider clock)
{
    public async Task<Result<SurveyMetrics>> HandleAsync(MetricsRequest request, CancellationToken ct)
    {
        var parsed = MetricsFilter.Parse(request);
        if (!parsed.IsSuccess)
        {
            return parsed.Error!;
        }

        var filter = parsed.Value!;
        var survey = await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.SurveyId, ct);
        if (survey is null)
        {
            return new Error.NotFound($"There is no survey {request.SurveyId} in this workspace.");
        }

        var touchpoints = await db.Set<Touchpoint>().AsNoTracking().ToDictionaryAsync(t => t.Id, ct);
        Touchpoint? only = null;
        if (filter.TouchpointKey is { } key)
        {
            only = touchpoints.Values.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.Ordinal));
            if (only is null)
            {
                return Error.Invalid.Field("touchpoint", $"There is no touchpoint with the key '{key}' in this workspace.");
            }
        }

        var rows = await RollupReader.ReadAsync(db, survey.Id, filter.From, filter.To, only?.Id, ct);
        var (from, to) = ResolveRange(filter, rows);
        if (filter.Interval.CountPeriods(from, to) > MetricsFilter.MaxTrendPoints)
        {
            return Error.Invalid.Field("interval", Invariant($"{filter.Interval.Name()} points from {MetricsFilter.Day(from)} to {MetricsFilter.Day(to)} are more than {MetricsFilter.MaxTrendPoints}; choose a wider interval or a shorter range."));
        }

        var definition = SurveyJson.Deserialize(survey.DefinitionJson);
        var slots = definition.Questions
            .Where(q => q.IsRating && q.ResolveScale() is not null)
            .Select(q => new QuestionSlot(q, q.Text.Get(definition.DefaultLanguage, definition.DefaultLanguage), q.ResolveScale()!))
            .ToDictionary(s => s.Question.Id, StringComparer.Ordinal);
        var funnel = new Dictionary<Guid, (long Started, long Completed)>();
        foreach (var row in rows)
        {
            if (row.IsAnswer)
            {
                // A value off the question's current scale can only come from an older survey version; it is left out.
                if (slots.TryGetValue(row.QuestionId, out var slot) && slot.Scale.Contains(row.Value))
                {
                    slot.Add(filter.Interval.Start(row.Day), row.TouchpointId, row.Value, row.Count);
                }
            }
            else
            {
                var current = funnel.GetValueOrDefault(row.TouchpointId);
                funnel[row.TouchpointId] = (current.Started + row.Count, current.Completed + row.Completed);
            }
        }

        return new SurveyMetrics(
            new MetricsSurvey(survey.Id, survey.Name, survey.Kind, survey.Version),
            new MetricsFilters(from, to, only?.Key, filter.Interval.Name()),
            MetricsUnits.Default,
            [.. slots.Values.Select(s => QuestionMetrics.Full(s.Question, s.Title, s.Total))],
            [.. slots.Values.Select(s => Trend(s, filter.Interval, from, to))],
            ByTouchpoint(slots.Values, funnel, touchpoints),
            FunnelMetrics.From(funnel.Values.Sum(f => f.Started), funnel.Values.Sum(f => f.Completed)));
    }

    /// <summary>Finds a survey by id or by its link token (for the CLI).</summary>
    public async Task<Survey?> FindSurveyAsync(string idOrToken, CancellationToken ct) =>
        Guid.TryParse(idOrToken, out var id)
            ? await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct)
            : await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.LinkToken == idOrToken, ct);

    private (DateOnly From, DateOnly To) ResolveRange(MetricsFilter filter, List<RollupRow> rows)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var to = filter.To ?? (rows.Count > 0 ? Max(today, rows.Max(r => r.Day)) : today);
        var from = filter.From ?? (rows.Count > 0 ? rows.Min(r => r.Day) : to);
        return (from, Max(from, to));
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static TrendSeries Trend(QuestionSlot slot, TrendInterval interval, DateOnly from, DateOnly to)
    {
        var points = new List<TrendPoint>();
        for (var start = interval.Start(from); start <= to; start = interval.Next(start))
        {
            var counts = slot.ByPeriod.GetValueOrDefault(start) ?? new ScaleCounts(slot.Scale);
            var (value, ci) = QuestionMetrics.Headline(slot.Question.Type, counts);
            var end = interval.Next(start).AddDays(-1);
            points.Add(new TrendPoint(
                interval.Label(start), Max(start, from), end < to ? end : to, counts.N, SampleBases.Classify(counts.N), value, ci));
        }

        return new TrendSeries(slot.Question.Id, slot.Question.Type, slot.Scale.Id, QuestionMetrics.MetricOf(slot.Question.Type), points);
    }

    private static List<TouchpointMetrics> ByTouchpoint(
        IEnumerable<QuestionSlot> slots, Dictionary<Guid, (long Started, long Completed)> funnel, Dictionary<Guid, Touchpoint> touchpoints)
    {
        var list = slots.ToList();
        var ids = funnel.Keys.Concat(list.SelectMany(s => s.ByTouchpoint.Keys)).Distinct();
        return [.. ids
            .Select(id =>
            {
                var known = touchpoints.GetValueOrDefault(id);
                var (started, completed) = funnel.GetValueOrDefault(id);
                var questions = list.Select(s =>
                {
                    var counts = s.ByTouchpoint.GetValueOrDefault(id) ?? new ScaleCounts(s.Scale);
                    var (value, ci) = QuestionMetrics.Headline(s.Question.Type, counts);
                    return new TouchpointQuestionMetric(s.Question.Id, QuestionMetrics.MetricOf(s.Question.Type), counts.N, SampleBases.Classify(counts.N), value, ci);
                });
                return new TouchpointMetrics(
                    id == Guid.Empty ? null : id,
                    known?.Key,
                    known?.Name ?? (id == Guid.Empty ? "No touchpoint" : "Deleted touchpoint"),
                    started,
                    completed,
                    [.. questions]);
            })
            .OrderBy(t => t.TouchpointId is null)
            .ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase)];
    }

    private sealed class QuestionSlot(Question question, string title, ScaleDefinition scale)
    {
        public Question Question { get; } = question;

        public string Title { get; } = title;

        public ScaleDefinition Scale { get; } = scale;

        public ScaleCounts Total { get; } = new(scale);

        public Dictionary<DateOnly, ScaleCounts> ByPeriod { get; } = [];

        public Dictionary<Guid, ScaleCounts> ByTouchpoint { get; } = [];

        public void Add(DateOnly period, Guid touchpointId, int value, long count)
        {
            Total.Add(value, count);
            Get(ByPeriod, period).Add(value, count);
            Get(ByTouchpoint, touchpointId).Add(value, count);
        }

        private ScaleCounts Get<TKey>(Dictionary<TKey, ScaleCounts> map, TKey key)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var counts))
            {
                counts = new ScaleCounts(Scale);
                map[key] = counts;
            }

            return counts;
        }
    }
}
