namespace Loopwise.Core.Surveys;

/// <summary>
/// Shows a question only when an earlier question's answer satisfies a comparison,
/// e.g. show <c>what_went_wrong</c> only if <c>nps</c> ≤ 6. Values are strings:
/// integers in invariant culture for rating questions, choice values for choice questions.
/// Comparisons other than <see cref="ConditionOperator.NotEquals"/> and
/// <see cref="ConditionOperator.NotAnswered"/> are false when the question is unanswered.
/// </summary>
public sealed record DisplayCondition
{
    private readonly IReadOnlyList<string> _values = [];

    /// <summary>Id of an earlier question.</summary>
    public required string QuestionId { get; init; }

    /// <summary>The comparison.</summary>
    public required ConditionOperator Operator { get; init; }

    /// <summary>Comparison values: one for the comparisons, one or more for AnyOf, none for Answered/NotAnswered.</summary>
    public IReadOnlyList<string> Values
    {
        get => _values;
        // The JSON source generator assigns default (null) to init-only members missing from the document.
        init => _values = value ?? [];
    }

    /// <summary>Convenience factory.</summary>
    public static DisplayCondition Of(string questionId, ConditionOperator op, params string[] values) =>
        new() { QuestionId = questionId, Operator = op, Values = values };

    /// <inheritdoc />
    public bool Equals(DisplayCondition? other) =>
        other is not null
        && string.Equals(QuestionId, other.QuestionId, StringComparison.Ordinal)
        && Operator == other.Operator
        && Values.SequenceEqual(other.Values, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(QuestionId, Operator, Values.Count);
}
