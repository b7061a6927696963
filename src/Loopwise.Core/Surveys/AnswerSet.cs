namespace Loopwise.Core.Surveys;

/// <summary>A respondent's answers by question id.</summary>
/// <param name="Answers">Answer per question id.</param>
public sealed record AnswerSet(IReadOnlyDictionary<string, AnswerValue> Answers)
{
    /// <summary>No answers.</summary>
    public static AnswerSet Empty { get; } = new(new Dictionary<string, AnswerValue>(StringComparer.Ordinal));

    /// <summary>Convenience factory.</summary>
    public static AnswerSet Of(params (string QuestionId, AnswerValue Value)[] answers) =>
        new(answers.ToDictionary(a => a.QuestionId, a => a.Value, StringComparer.Ordinal));

    /// <summary>The non-empty answer to <paramref name="questionId"/>, or null.</summary>
    public AnswerValue? Find(string questionId) =>
        Answers.TryGetValue(questionId, out var value) && !value.IsEmpty ? value : null;

    /// <inheritdoc />
    public bool Equals(AnswerSet? other) =>
        other is not null
        && Answers.Count == other.Answers.Count
        && Answers.All(kv => other.Answers.TryGetValue(kv.Key, out var value) && kv.Value.Equals(value));

    /// <inheritdoc />
    public override int GetHashCode() => Answers.Count;
}
