using Loopwise.Core.Surveys;

namespace Loopwise.Features.Responses;

/// <summary>
/// What a set of new facts adds to the rollups, accumulated in memory so that a batch of thousands of responses
/// becomes a few hundred upserts. Days are UTC calendar days of completion (start, for started-only counts).
/// </summary>
public sealed class RollupDelta
{
    public readonly record struct AnswerKey(Guid SurveyId, string QuestionId, Guid TouchpointId, DateOnly Day, int Value);

    public readonly record struct ResponseKey(Guid SurveyId, Guid TouchpointId, DateOnly Day);

    public readonly record struct DimensionKey(Guid SurveyId, string QuestionId, string Dimension, string DimensionValue, DateOnly Day, int Value);

    public Dictionary<AnswerKey, long> Answers { get; } = [];

    /// <summary>Rating answers per dimension value of the response's customer (see Features/Dimensions).</summary>
    public Dictionary<DimensionKey, long> Dimensions { get; } = [];

    public Dictionary<ResponseKey, (long Started, long Completed)> Responses { get; } = [];

    public bool IsEmpty => Answers.Count == 0 && Responses.Count == 0 && Dimensions.Count == 0;

    /// <summary>Adds a completed response: its rating answers, one completion, and one start unless the start was already counted.</summary>
    public void AddCompleted(SurveyDefinition definition, ResponseToStore response, bool startAlreadyCounted = false)
    {
        var day = DateOnly.FromDateTime(response.CompletedAt);
        foreach (var question in definition.Questions)
        {
            if (question.IsRating && response.Answers.Find(question.Id)?.Number is { } value)
            {
                var key = new AnswerKey(response.SurveyId, question.Id, response.TouchpointId, day, value);
                Answers[key] = Answers.GetValueOrDefault(key) + 1;
                foreach (var (dimension, dimensionValue) in response.Dimensions ?? EmptyDimensions)
                {
                    var dimensionKey = new DimensionKey(response.SurveyId, question.Id, dimension, dimensionValue, day, value);
                    Dimensions[dimensionKey] = Dimensions.GetValueOrDefault(dimensionKey) + 1;
                }
            }
        }

        AddResponse(new ResponseKey(response.SurveyId, response.TouchpointId, day), startAlreadyCounted ? 0 : 1, 1);
    }

    private static readonly Dictionary<string, string> EmptyDimensions = [];

    /// <summary>Adds a started (still partial) response.</summary>
    public void AddStarted(Guid surveyId, Guid touchpointId, DateTime startedAt) =>
        AddResponse(new ResponseKey(surveyId, touchpointId, DateOnly.FromDateTime(startedAt)), 1, 0);

    /// <summary>The same counts per calendar month (the month rollups): every key's day replaced by its month's first day.</summary>
    public RollupDelta ByMonth()
    {
        var month = new RollupDelta();
        foreach (var (key, count) in Answers)
        {
            var monthKey = key with { Day = RollupGrain.Month.PeriodOf(key.Day) };
            month.Answers[monthKey] = month.Answers.GetValueOrDefault(monthKey) + count;
        }

        foreach (var (key, count) in Dimensions)
        {
            var monthKey = key with { Day = RollupGrain.Month.PeriodOf(key.Day) };
            month.Dimensions[monthKey] = month.Dimensions.GetValueOrDefault(monthKey) + count;
        }

        foreach (var (key, (started, completed)) in Responses)
        {
            month.AddResponse(key with { Day = RollupGrain.Month.PeriodOf(key.Day) }, started, completed);
        }

        return month;
    }

    private void AddResponse(ResponseKey key, long started, long completed)
    {
        var current = Responses.GetValueOrDefault(key);
        Responses[key] = (current.Started + started, current.Completed + completed);
    }
}
