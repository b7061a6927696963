using System.Globalization;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Customers;
using Loopwise.Features.Dimensions;
using Loopwise.Features.Kpis;
using Loopwise.Features.Metrics;
using Loopwise.Features.Responses;
using Loopwise.Features.Touchpoints;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Dashboards;

/// <summary>One answer behind a KPI figure: the response it belongs to, the KPI's answer and the response's comment.</summary>
public sealed record DrillDownRow(Guid ResponseId, DateTime CompletedAt, string Survey, string? Touchpoint, string? Customer, string QuestionId, int Answer, string? Comment);

/// <summary>A page of the answers behind one cell (group × period) of a KPI slice; <see cref="Total"/> equals the cell's n.</summary>
public sealed record DrillDownPage(string Kpi, string KpiLabel, DateOnly From, DateOnly To, string? Group, long Total, int Page, int Pages, IReadOnlyList<DrillDownRow> Rows)
{
    public const int PageSize = 50;
}

/// <summary>
/// Lists the answers a KPI figure counts, newest first, with the filters of <see cref="SurveyKpiCounts"/> applied to
/// the responses themselves: surveys and questions that feed the KPI, completion day, touchpoint (key, channel, stage)
/// and the customer dimension snapshot. One row per answer, so the count is the figure's n even when a survey asks
/// two questions of the same KPI.
/// </summary>
public sealed class DashboardResponses(LoopwiseDbContext db, SurveyDefinitions definitions, KpiReferenceData reference, TimeProvider clock)
{
    public async Task<Result<DrillDownPage>> HandleAsync(string kpiId, KpiSliceRequest request, string? period, string? group, int page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (SurveyKpis.Find(kpiId) is not { } kpi)
        {
            return Error.Invalid.Field("kpi", $"'{kpiId}' has no responses to list; use one of: {string.Join(", ", SurveyKpis.All.Select(k => k.Id))}.");
        }

        var parsed = await request.ParseAsync(reference, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        if (!parsed.IsSuccess)
        {
            return parsed.Error!;
        }

        var slice = parsed.Value!;
        var (from, to) = (slice.From, slice.To);
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (!DateOnly.TryParseExact(period.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day < slice.From || day > slice.To)
            {
                return Error.Invalid.Field("period", $"'{period}' is not a day (yyyy-MM-dd) between {MetricsFilter.Day(slice.From)} and {MetricsFilter.Day(slice.To)}.");
            }

            var start = slice.Interval.Start(day);
            var end = slice.Interval.Next(start).AddDays(-1);
            (from, to) = (start < slice.From ? slice.From : start, end > slice.To ? slice.To : end);
        }

        group = slice.By == KpiGrouping.None ? null : group ?? string.Empty;
        var surveys = (await reference.SurveysAsync(ct)).Where(s => slice.SurveyId == null || s.Id == slice.SurveyId).ToList();
        var questions = new Dictionary<Guid, List<string>>();
        var comments = new Dictionary<Guid, List<string>>();
        foreach (var survey in surveys)
        {
            var definition = definitions.Of(survey);
            var feeding = definition.Questions.Where(q => kpi.Covers(survey.Kind, q)).Select(q => q.Id).ToList();
            if (feeding.Count > 0 && (slice.By != KpiGrouping.Survey || string.Equals(survey.Id.ToString(), group, StringComparison.Ordinal)))
            {
                questions[survey.Id] = feeding;
                comments[survey.Id] = [.. definition.Questions.Where(q => q.Type == QuestionType.Text).Select(q => q.Id)];
            }
        }

        var touchpoints = await reference.TouchpointsAsync(ct);
        var rows = new List<DrillDownRow>();
        var total = 0L;
        page = Math.Max(1, page);
        var skip = (long)(page - 1) * DrillDownPage.PageSize;
        if (questions.Count > 0)
        {
            var responses = Responses(slice, [.. questions.Keys], from, to, touchpoints, group);
            var dimension = slice.Dimension.Name;
            var names = surveys.ToDictionary(s => s.Id, s => s.Name);
            await foreach (var r in responses.AsAsyncEnumerable().WithCancellation(ct))
            {
                string? dimensionValue = null;
                if (dimension is not null)
                {
                    dimensionValue = DimensionRules.Snapshot(r.DimensionsJson, [dimension])?.GetValueOrDefault(dimension);
                    if (dimensionValue is null || (slice.WhereValue is { } wanted && !string.Equals(dimensionValue, wanted, StringComparison.Ordinal)))
                    {
                        continue; // as SurveyKpiCounts: only answers with a value for the dimension count
                    }
                }

                var touchpoint = touchpoints.GetValueOrDefault(r.TouchpointId);
                if (group is not null && !string.Equals(SurveyKpiCounts.Group(slice, r.SurveyId, touchpoint, dimensionValue), group, StringComparison.Ordinal))
                {
                    continue;
                }

                var answers = SurveyJson.DeserializeAnswers(r.AnswersJson);
                foreach (var questionId in questions[r.SurveyId])
                {
                    if (answers.Find(questionId)?.Number is not { } value || !kpi.Scale.Contains(value))
                    {
                        continue;
                    }

                    if (total++ >= skip && rows.Count < DrillDownPage.PageSize)
                    {
                        var comment = comments[r.SurveyId].Select(id => answers.Find(id)?.Text).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
                        rows.Add(new DrillDownRow(r.Id, r.CompletedAt!.Value, names[r.SurveyId], touchpoint?.Name, r.CustomerId?.ToString(), questionId, value, comment));
                    }
                }
            }

            rows = await WithCustomersAsync(rows, ct);
        }

        var pages = (int)Math.Max(1, (total + DrillDownPage.PageSize - 1) / DrillDownPage.PageSize);
        return new DrillDownPage(kpi.Id, kpi.Label, from, to, group, total, page, pages, rows);
    }

    private IQueryable<ResponseFacts> Responses(KpiSlice slice, List<Guid> surveyIds, DateOnly from, DateOnly to, IReadOnlyDictionary<Guid, Touchpoint> touchpoints, string? group)
    {
        var since = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var until = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var responses = db.Set<SurveyResponse>().AsNoTracking()
            .Where(r => surveyIds.Contains(r.SurveyId) && r.CompletedAt >= since && r.CompletedAt < until);
        if (slice.NeedsTouchpoint)
        {
            var allowed = touchpoints.Values.Where(t => SurveyKpiCounts.Matches(slice, t)).Select(t => t.Id).ToList();
            if (group is not null && slice.By is KpiGrouping.Touchpoint or KpiGrouping.Channel or KpiGrouping.Stage)
            {
                // The group narrows the touchpoints further; "(unknown)" keeps the answers through no known touchpoint.
                var known = touchpoints.Values.Where(t => string.Equals(SurveyKpiCounts.Group(slice, Guid.Empty, t, null), group, StringComparison.Ordinal)).Select(t => t.Id).ToHashSet();
                allowed = string.Equals(group, SurveyKpiCounts.Unknown, StringComparison.Ordinal) && known.Count == 0 ? allowed : [.. allowed.Where(known.Contains)];
            }

            responses = responses.Where(r => allowed.Contains(r.TouchpointId));
        }

        // A LIKE pre-filter on the stored snapshot when the value is plain ASCII (stored unescaped); the exact check follows in C#.
        var value = slice.WhereValue ?? (slice.By == KpiGrouping.Dimension ? group : null);
        if (slice.Dimension.Needed && value is { Length: > 0 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '.'))
        {
            var pattern = "%\"" + value + "\"%";
            responses = responses.Where(r => r.DimensionsJson != null && EF.Functions.Like(r.DimensionsJson, pattern));
        }

        return responses
            .OrderByDescending(r => r.CompletedAt).ThenBy(r => r.Id)
            .Select(r => new ResponseFacts(r.Id, r.SurveyId, r.TouchpointId, r.CustomerId, r.CompletedAt, r.AnswersJson, r.DimensionsJson));
    }

    private async Task<List<DrillDownRow>> WithCustomersAsync(List<DrillDownRow> rows, CancellationToken ct)
    {
        var ids = rows.Where(r => r.Customer is not null).Select(r => Guid.Parse(r.Customer!, CultureInfo.InvariantCulture)).Distinct().ToList();
        if (ids.Count == 0)
        {
            return rows;
        }

        var external = await db.Set<Customer>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id.ToString(), c => c.ExternalId, StringComparer.Ordinal, ct);
        return [.. rows.Select(r => r.Customer is null ? r : r with { Customer = external.GetValueOrDefault(r.Customer) })];
    }

    private sealed record ResponseFacts(Guid Id, Guid SurveyId, Guid TouchpointId, Guid? CustomerId, DateTime? CompletedAt, string AnswersJson, string? DimensionsJson);
}
