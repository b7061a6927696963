using Loopwise.Core.Cases;
using Loopwise.Core.Metrics;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Responses;
using Loopwise.Features.Surveys;
using Loopwise.Features.Touchpoints;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Cases;

/// <summary>A count with its share of a whole (0..1), null share when the whole is 0.</summary>
public sealed record ShareDto(int Count, int Of, double? Share);

/// <summary>Hours from creation to first contact over the cases contacted in the range.</summary>
public sealed record DurationStatsDto(int N, double? MeanHours, double? MedianHours, double? P90Hours);

/// <summary>
/// Detractor recovery (issue 5): of the detractors whose case was resolved in the range, those who answered an NPS
/// question again within <see cref="ClosedLoopQuery.ResurveyWindowDays"/> days after the resolution; their NPS on that
/// re-survey (hidden below 10 answers, like every score: cx-reference.md §1) and the share no longer detractors (7–10).
/// </summary>
public sealed record RecoveryDto(int Resolved, int Resurveyed, double? Nps, ShareDto Recovered);

public sealed record RootCauseRowDto(string Key, string Label, int Cases, double Share);

public sealed record ClosedLoopDto(
    DateOnly From,
    DateOnly To,
    int Opened,
    int OpenNow,
    int BreachedOpen,
    int Resolved,
    DurationStatsDto TimeToFirstContact,
    ShareDto ResolvedWithinSla,
    RecoveryDto DetractorRecovery,
    IReadOnlyList<RootCauseRowDto> ByRootCause,
    IReadOnlyList<RootCauseRowDto> ByTouchpoint,
    IReadOnlyList<RootCauseRowDto> ByTopic);

/// <summary>
/// The closed-loop KPIs and the outer loop's root-cause view (issue 5, item 6) over cases opened or resolved in a range
/// of UTC days: time to first contact, the share resolved within SLA, detractor recovery, and resolved cases by root
/// cause, touchpoint and topic.
/// </summary>
public sealed class ClosedLoopQuery(LoopwiseDbContext db, SurveyDefinitions definitions, TimeProvider clock)
{
    public const int ResurveyWindowDays = 90;

    public async Task<Result<ClosedLoopDto>> HandleAsync(string? from, string? to, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new Dictionary<string, string[]>();
        var toDay = Parse(to, "to", errors) ?? today;
        var fromDay = Parse(from, "from", errors) ?? toDay.AddDays(-89);
        if (fromDay > toDay)
        {
            errors["from"] = ["from must not be after to."];
        }

        if (errors.Count > 0)
        {
            return new Error.Invalid(errors);
        }

        var start = fromDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = toDay.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var cases = db.Set<Case>().AsNoTracking();
        var open = CaseWorkflow.OpenStates.ToList();
        var opened = await cases.CountAsync(c => c.CreatedAt >= start && c.CreatedAt < end, ct);
        var openNow = await cases.CountAsync(c => open.Contains(c.State), ct);
        var breachedOpen = await cases.CountAsync(c => open.Contains(c.State) && c.SlaStatus == SlaStatus.Breached, ct);
        var contacted = await cases.Where(c => c.FirstContactAt != null && c.FirstContactAt >= start && c.FirstContactAt < end)
            .Select(c => new { c.CreatedAt, FirstContactAt = c.FirstContactAt!.Value }).ToListAsync(ct);
        var resolved = await cases.Where(c => c.ResolvedAt != null && c.ResolvedAt >= start && c.ResolvedAt < end)
            .Select(c => new { c.Id, c.CustomerId, ResolvedAt = c.ResolvedAt!.Value, c.SlaStatus, c.RootCause, c.TouchpointId, c.TopicKey, c.ResponseId })
            .ToListAsync(ct);

        var hours = contacted.Select(c => (c.FirstContactAt - c.CreatedAt).TotalHours).Order().ToList();
        var withinSla = resolved.Count(c => c.SlaStatus != SlaStatus.Breached);

        var touchpoints = await db.Set<Touchpoint>().AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var rootCauses = Group(resolved.Select(c => c.RootCause ?? "(none)"), k => k);
        var byTouchpoint = Group(resolved.Select(c => c.TouchpointId is { } t ? t.ToString() : "(none)"),
            k => Guid.TryParse(k, out var id) && touchpoints.TryGetValue(id, out var name) ? name : "No touchpoint");
        var byTopic = Group(resolved.Select(c => c.TopicKey is { } t && !t.StartsWith("rule:", StringComparison.Ordinal) ? t : "(none)"), k => k == "(none)" ? "No topic" : k);

        var recovery = await RecoveryAsync([.. resolved.Where(c => c.CustomerId != null).Select(c => (c.CustomerId!.Value, c.ResolvedAt, c.ResponseId))], ct);
        return new ClosedLoopDto(
            fromDay, toDay, opened, openNow, breachedOpen, resolved.Count,
            new DurationStatsDto(hours.Count, hours.Count > 0 ? Math.Round(hours.Average(), 2) : null, Percentile(hours, 0.5), Percentile(hours, 0.9)),
            new ShareDto(withinSla, resolved.Count, resolved.Count > 0 ? (double)withinSla / resolved.Count : null),
            recovery, rootCauses, byTouchpoint, byTopic);
    }

    // The detractors among resolved cases (their case's response had an NPS of 0–6) and their next NPS answer after
    // the resolution, within the window.
    private async Task<RecoveryDto> RecoveryAsync(List<(Guid Customer, DateTime ResolvedAt, Guid? Response)> resolved, CancellationToken ct)
    {
        var customers = resolved.Select(r => r.Customer).Distinct().ToList();
        var responses = customers.Count == 0 ? [] : await db.Set<SurveyResponse>().AsNoTracking()
            .Where(r => r.CustomerId != null && customers.Contains(r.CustomerId.Value) && r.CompletedAt != null)
            .Select(r => new { r.Id, Customer = r.CustomerId!.Value, CompletedAt = r.CompletedAt!.Value, r.SurveyId, r.AnswersJson })
            .ToListAsync(ct);
        var surveyIds = responses.Select(r => r.SurveyId).Distinct().ToList();
        var npsQuestions = new Dictionary<Guid, string[]>();
        foreach (var survey in await db.Set<Survey>().AsNoTracking().Where(s => surveyIds.Contains(s.Id)).ToListAsync(ct))
        {
            npsQuestions[survey.Id] = [.. definitions.Of(survey).Questions.Where(q => q.Type == QuestionType.Nps).Select(q => q.Id)];
        }

        var scores = responses.Select(r =>
        {
            var answers = SurveyJson.DeserializeAnswers(r.AnswersJson);
            var nps = npsQuestions.GetValueOrDefault(r.SurveyId, []).Select(q => answers.Find(q)?.Number).FirstOrDefault(n => n is not null);
            return (r.Id, r.Customer, r.CompletedAt, Nps: nps);
        }).Where(r => r.Nps is not null).ToList();
        var byId = scores.ToDictionary(s => s.Id);

        var detractors = resolved.Where(r => r.Response is { } id && byId.TryGetValue(id, out var s) && s.Nps <= 6).ToList();
        var again = new List<int>();
        foreach (var (customer, resolvedAt, _) in detractors)
        {
            var next = scores.Where(s => s.Customer == customer && s.CompletedAt > resolvedAt && s.CompletedAt <= resolvedAt.AddDays(ResurveyWindowDays))
                .OrderBy(s => s.CompletedAt).FirstOrDefault();
            if (next.Nps is { } score)
            {
                again.Add(score);
            }
        }

        var counts = NpsCounts.FromScale(ScaleCounts.FromValues(Scales.Nps, again));
        var recovered = again.Count(s => s >= 7);
        return new RecoveryDto(
            detractors.Count, again.Count, SampleBases.Classify(again.Count).ShowsScore() ? Nps.Compute(counts).Score * 100 : null,
            new ShareDto(recovered, again.Count, again.Count > 0 ? (double)recovered / again.Count : null));
    }

    private static List<RootCauseRowDto> Group(IEnumerable<string> keys, Func<string, string> label)
    {
        var list = keys.ToList();
        return [.. list.GroupBy(k => k).Select(g => new RootCauseRowDto(g.Key, label(g.Key), g.Count(), (double)g.Count() / list.Count))
            .OrderByDescending(r => r.Cases).ThenBy(r => r.Label, StringComparer.Ordinal)];
    }

    private static double? Percentile(List<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        // Linear interpolation between closest ranks (type 7, as spreadsheets compute it).
        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return Math.Round(sorted[low] + ((rank - low) * (sorted[high] - sorted[low])), 2);
    }

    private static DateOnly? Parse(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[field] = [$"'{value}' is not a date (yyyy-MM-dd)."];
        return null;
    }
}
