using Loopwise.Features.Responses;

namespace Loopwise.Tests.Infrastructure;

/// <summary>
/// Rollup rows as readers see them: one per key, summed over slots (small writes on PostgreSQL spread a key over
/// several slot rows, see <see cref="RollupSlots"/>).
/// </summary>
public static class RollupRows
{
    public static List<AnswerRollup> Fold(IEnumerable<AnswerRollup> rows) =>
        [.. rows.GroupBy(r => (r.WorkspaceId, r.SurveyId, r.QuestionId, r.TouchpointId, r.Day, r.Value))
            .Select(g => new AnswerRollup
            {
                WorkspaceId = g.Key.WorkspaceId, SurveyId = g.Key.SurveyId, QuestionId = g.Key.QuestionId, TouchpointId = g.Key.TouchpointId,
                Day = g.Key.Day, Value = g.Key.Value, Count = g.Sum(r => r.Count),
            })];

    public static List<ResponseRollup> Fold(IEnumerable<ResponseRollup> rows) =>
        [.. rows.GroupBy(r => (r.WorkspaceId, r.SurveyId, r.TouchpointId, r.Day))
            .Select(g => new ResponseRollup
            {
                WorkspaceId = g.Key.WorkspaceId, SurveyId = g.Key.SurveyId, TouchpointId = g.Key.TouchpointId, Day = g.Key.Day,
                Started = g.Sum(r => r.Started), Completed = g.Sum(r => r.Completed),
            })];
}
