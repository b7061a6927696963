using Loopwise.Core.Metrics;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Dimensions;
using Loopwise.Features.Metrics;
using Loopwise.Features.Responses;
using Loopwise.Features.Touchpoints;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Kpis;

/// <summary>
/// Reads the answer counts of a survey KPI for a slice: from <c>answer_rollups</c> (survey, touchpoint, channel, stage),
/// from <c>answer_dimension_rollups</c> (one customer dimension), or, when the slice crosses both, from the responses
/// themselves (their answers and dimension snapshot). Both paths count the same answers (ADR 8), which a property test checks.
/// </summary>
public sealed class SurveyKpiCounts(LoopwiseDbContext db, SurveyDefinitions definitions, KpiReferenceData reference)
{
    /// <summary>The group of answers without a value for the grouped dimension, or without a journey stage.</summary>
    public const string Unknown = "(unknown)";

    /// <summary>The answer counts (one <see cref="ScaleCell"/> per group and period start) of <paramref name="kpi"/> over <paramref name="slice"/>.</summary>
    public async Task<KpiCells> ReadAsync(SurveyKpi kpi, KpiSlice slice, KpiSource source, CancellationToken ct)
    {
        var questions = await QuestionsAsync(kpi, slice, ct);
        var touchpoints = await reference.TouchpointsAsync(ct);
        var allowedTouchpoints = slice.NeedsTouchpoint
            ? touchpoints.Values.Where(t => Matches(slice, t)).Select(t => t.Id).ToHashSet()
            : null;
        var surveyIds = questions.Select(q => q.SurveyId).Distinct().ToList();
        var type = kpi.QuestionType ?? QuestionType.Rating;
        var counts = new Counts(kpi, new KpiCells(() => new ScaleCell(new ScaleCounts(kpi.Scale), type)) { FromRollups = source == KpiSource.Auto && slice.CoveredByRollups });
        if (surveyIds.Count == 0)
        {
            return counts.Cells;
        }

        if (!counts.Cells.FromRollups)
        {
            await ScanFactsAsync(counts, slice, questions, surveyIds, touchpoints, allowedTouchpoints, ct);
        }
        else if (slice.Dimension.Needed)
        {
            await ReadDimensionRollupsAsync(counts, slice, questions, surveyIds, ct);
        }
        else
        {
            await ReadAnswerRollupsAsync(counts, slice, questions, surveyIds, touchpoints, allowedTouchpoints, ct);
        }

        return counts.Cells;
    }

    private async Task ReadAnswerRollupsAsync(
        Counts counts, KpiSlice slice, HashSet<(Guid SurveyId, string QuestionId)> questions, List<Guid> surveyIds,
        IReadOnlyDictionary<Guid, Touchpoint> touchpoints, HashSet<Guid>? allowedTouchpoints, CancellationToken ct)
    {
        var questionIds = questions.Select(q => q.QuestionId).Distinct().ToList();
        var allowed = allowedTouchpoints?.ToList();
        var span = RollupSpan.Of(slice.From, slice.To, slice.Interval);
        var monthly = slice.Interval is TrendInterval.Month or TrendInterval.Quarter;
        var summed = span.HasDays ? await SumAnswersAsync(span.Days(db.Set<AnswerRollup>().AsNoTracking()), slice, monthly, surveyIds, questionIds, allowed, ct) : [];
        if (span.HasMonths)
        {
            // Month rows group by their period as they are (a month's first day).
            summed.AddRange(await SumAnswersAsync(span.Months(db.Set<AnswerMonthRollup>().AsNoTracking()), slice, false, surveyIds, questionIds, allowed, ct));
        }

        foreach (var row in summed)
        {
            if (questions.Contains((row.SurveyId, row.QuestionId)) && counts.Kpi.Scale.Contains(row.Value))
            {
                counts.Add(Group(slice, row.SurveyId, touchpoints.GetValueOrDefault(row.TouchpointId), null), slice.Interval.Start(row.Day), row.Value, row.Count);
            }
        }
    }

    /// <summary>
    /// Answer counts from one rollup table, summed by the database as far as the slice allows: touchpoints folded when
    /// the slice has none, days folded into months when <paramref name="monthly"/>. What comes back is small whatever
    /// the volume of facts.
    /// </summary>
    private static async Task<List<AnswerCount>> SumAnswersAsync<T>(
        IQueryable<T> rows, KpiSlice slice, bool monthly, List<Guid> surveyIds, List<string> questionIds, List<Guid>? allowedTouchpoints, CancellationToken ct)
        where T : AnswerRollupRow
    {
        rows = rows.Where(r => surveyIds.Contains(r.SurveyId) && questionIds.Contains(r.QuestionId));
        if (allowedTouchpoints is not null)
        {
            rows = rows.Where(r => allowedTouchpoints.Contains(r.TouchpointId));
        }

        return (monthly, slice.NeedsTouchpoint) switch
        {
            (true, true) => (await rows.GroupBy(r => new { r.SurveyId, r.QuestionId, r.TouchpointId, r.Day.Year, r.Day.Month, r.Value })
                    .Select(g => new { g.Key.SurveyId, g.Key.QuestionId, g.Key.TouchpointId, g.Key.Year, g.Key.Month, g.Key.Value, Count = g.Sum(r => r.Count) })
                    .ToListAsync(ct))
                .ConvertAll(r => new AnswerCount(r.SurveyId, r.QuestionId, r.TouchpointId, new DateOnly(r.Year, r.Month, 1), r.Value, r.Count)),
            (true, false) => (await rows.GroupBy(r => new { r.SurveyId, r.QuestionId, r.Day.Year, r.Day.Month, r.Value })
                    .Select(g => new { g.Key.SurveyId, g.Key.QuestionId, g.Key.Year, g.Key.Month, g.Key.Value, Count = g.Sum(r => r.Count) })
                    .ToListAsync(ct))
                .ConvertAll(r => new AnswerCount(r.SurveyId, r.QuestionId, Guid.Empty, new DateOnly(r.Year, r.Month, 1), r.Value, r.Count)),
            (false, true) => await rows.GroupBy(r => new { r.SurveyId, r.QuestionId, r.TouchpointId, r.Day, r.Value })
                .Select(g => new AnswerCount(g.Key.SurveyId, g.Key.QuestionId, g.Key.TouchpointId, g.Key.Day, g.Key.Value, g.Sum(r => r.Count)))
                .ToListAsync(ct),
            _ => (await rows.GroupBy(r => new { r.SurveyId, r.QuestionId, r.Day, r.Value })
                    .Select(g => new { g.Key.SurveyId, g.Key.QuestionId, g.Key.Day, g.Key.Value, Count = g.Sum(r => r.Count) })
                    .ToListAsync(ct))
                .ConvertAll(r => new AnswerCount(r.SurveyId, r.QuestionId, Guid.Empty, r.Day, r.Value, r.Count)),
        };
    }

    private async Task ReadDimensionRollupsAsync(
        Counts counts, KpiSlice slice, HashSet<(Guid SurveyId, string QuestionId)> questions, List<Guid> surveyIds, CancellationToken ct)
    {
        var questionIds = questions.Select(q => q.QuestionId).Distinct().ToList();
        var span = RollupSpan.Of(slice.From, slice.To, slice.Interval);
        var monthly = slice.Interval is TrendInterval.Month or TrendInterval.Quarter;
        var summed = span.HasDays ? await SumDimensionsAsync(span.Days(db.Set<AnswerDimensionRollup>().AsNoTracking()), slice, monthly, surveyIds, questionIds, ct) : [];
        if (span.HasMonths)
        {
            summed.AddRange(await SumDimensionsAsync(span.Months(db.Set<AnswerDimensionMonthRollup>().AsNoTracking()), slice, false, surveyIds, questionIds, ct));
        }

        foreach (var row in summed)
        {
            if (questions.Contains((row.SurveyId, row.QuestionId)) && counts.Kpi.Scale.Contains(row.Value))
            {
                counts.Add(Group(slice, row.SurveyId, null, row.DimensionValue), slice.Interval.Start(row.Day), row.Value, row.Count);
            }
        }
    }

    /// <summary>Answer counts per dimension value from one rollup table; days folded into months when <paramref name="monthly"/>.</summary>
    private static async Task<List<DimensionCount>> SumDimensionsAsync<T>(
        IQueryable<T> rows, KpiSlice slice, bool monthly, List<Guid> surveyIds, List<string> questionIds, CancellationToken ct)
        where T : AnswerDimensionRollupRow
    {
        var dimension = slice.Dimension.Name!;
        rows = rows.Where(r => surveyIds.Contains(r.SurveyId) && questionIds.Contains(r.QuestionId) && r.Dimension == dimension);
        if (slice.WhereValue is { } value)
        {
            rows = rows.Where(r => r.DimensionValue == value);
        }

        return monthly
            ? (await rows.GroupBy(r => new { r.SurveyId, r.QuestionId, r.DimensionValue, r.Day.Year, r.Day.Month, r.Value })
                    .Select(g => new { g.Key.SurveyId, g.Key.QuestionId, g.Key.DimensionValue, g.Key.Year, g.Key.Month, g.Key.Value, Count = g.Sum(r => r.Count) })
                    .ToListAsync(ct))
                .ConvertAll(r => new DimensionCount(r.SurveyId, r.QuestionId, r.DimensionValue, new DateOnly(r.Year, r.Month, 1), r.Value, r.Count))
            : await rows.GroupBy(r => new { r.SurveyId, r.QuestionId, r.DimensionValue, r.Day, r.Value })
                .Select(g => new DimensionCount(g.Key.SurveyId, g.Key.QuestionId, g.Key.DimensionValue, g.Key.Day, g.Key.Value, g.Sum(r => r.Count)))
                .ToListAsync(ct);
    }

    private async Task ScanFactsAsync(
        Counts counts, KpiSlice slice, HashSet<(Guid SurveyId, string QuestionId)> questions, List<Guid> surveyIds,
        IReadOnlyDictionary<Guid, Touchpoint> touchpoints, HashSet<Guid>? allowedTouchpoints, CancellationToken ct)
    {
        var from = slice.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var until = slice.To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var responses = db.Set<SurveyResponse>().AsNoTracking()
            .Where(r => surveyIds.Contains(r.SurveyId) && r.CompletedAt >= from && r.CompletedAt < until);
        if (allowedTouchpoints is not null)
        {
            var allowed = allowedTouchpoints.ToList();
            responses = responses.Where(r => allowed.Contains(r.TouchpointId));
        }

        var dimension = slice.Dimension.Name;
        await foreach (var r in responses.Select(r => new { r.SurveyId, r.TouchpointId, r.CompletedAt, r.AnswersJson, r.DimensionsJson }).AsAsyncEnumerable().WithCancellation(ct))
        {
            string? dimensionValue = null;
            if (dimension is not null)
            {
                dimensionValue = DimensionRules.Snapshot(r.DimensionsJson, [dimension])?.GetValueOrDefault(dimension);
                if (dimensionValue is null || (slice.WhereValue is { } wanted && !string.Equals(dimensionValue, wanted, StringComparison.Ordinal)))
                {
                    continue; // the dimension rollups only count answers that have a value for the dimension
                }
            }

            var period = slice.Interval.Start(DateOnly.FromDateTime(r.CompletedAt!.Value));
            var group = Group(slice, r.SurveyId, touchpoints.GetValueOrDefault(r.TouchpointId), dimensionValue);
            foreach (var (questionId, answer) in SurveyJson.DeserializeAnswers(r.AnswersJson).Answers)
            {
                if (answer.Number is { } value && questions.Contains((r.SurveyId, questionId)) && counts.Kpi.Scale.Contains(value))
                {
                    counts.Add(group, period, value, 1);
                }
            }
        }
    }

    /// <summary>The cells being filled, with the KPI whose scale they count.</summary>
    private sealed record Counts(SurveyKpi Kpi, KpiCells Cells)
    {
        public void Add(string group, DateOnly period, int value, long count) => ((ScaleCell)Cells.At(group, period)).Counts.Add(value, count);
    }

    private sealed record AnswerCount(Guid SurveyId, string QuestionId, Guid TouchpointId, DateOnly Day, int Value, long Count);

    private sealed record DimensionCount(Guid SurveyId, string QuestionId, string DimensionValue, DateOnly Day, int Value, long Count);

    /// <summary>The (survey, question) pairs that feed the KPI, by each survey's current definition.</summary>
    private async Task<HashSet<(Guid SurveyId, string QuestionId)>> QuestionsAsync(SurveyKpi kpi, KpiSlice slice, CancellationToken ct)
    {
        var surveys = (await reference.SurveysAsync(ct)).Where(s => slice.SurveyId == null || s.Id == slice.SurveyId);
        var pairs = new HashSet<(Guid, string)>();
        foreach (var survey in surveys)
        {
            foreach (var question in definitions.Of(survey).Questions.Where(q => kpi.Covers(survey.Kind, q)))
            {
                pairs.Add((survey.Id, question.Id));
            }
        }

        return pairs;
    }

    /// <summary>Whether a touchpoint passes the slice's touchpoint, channel and journey-stage filters.</summary>
    public static bool Matches(KpiSlice slice, Touchpoint touchpoint) =>
        (slice.TouchpointId is null || touchpoint.Id == slice.TouchpointId)
        && (slice.Channel is null || touchpoint.Channel == slice.Channel)
        && (slice.Stage is null || string.Equals(touchpoint.JourneyStage, slice.Stage, StringComparison.OrdinalIgnoreCase));

    /// <summary>The group key of an answer: its survey id, touchpoint key, channel, journey stage or dimension value.</summary>
    public static string Group(KpiSlice slice, Guid surveyId, Touchpoint? touchpoint, string? dimensionValue) => slice.By switch
    {
        KpiGrouping.Survey => surveyId.ToString(),
        KpiGrouping.Touchpoint => touchpoint?.Key ?? Unknown,
        KpiGrouping.Channel => touchpoint?.Channel.ToString() ?? Unknown,
        KpiGrouping.Stage => touchpoint?.JourneyStage ?? Unknown,
        KpiGrouping.Dimension => dimensionValue ?? Unknown,
        _ => string.Empty,
    };
}
