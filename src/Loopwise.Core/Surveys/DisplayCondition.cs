namespace Loopwise.Core.Surveys;

/// <summary>How a <see cref="DisplayCondition"/> compares the referenced answer with its values.</summary>
public enum ConditionOperator
{
    /// <summary>Answer equals the single value. On a multiple-choice question: the value is among those selected.</summary>
    Equals,

    /// <summary>Negation of <see cref="Equals"/>; also true when the question is unanswered.</summary>
    NotEquals,

    /// <summary>Numeric answer is below the single value.</summary>
    LessThan,

    /// <summary>Numeric answer is at most the single value.</summary>
    LessThanOrEqual,

    /// <summary>Numeric answer is above the single value.</summary>
    GreaterThan,

    /// <summary>Numeric answer is at least the single value.</summary>
    GreaterThanOrEqual,

    /// <summary>Answer equals one of the values (multiple choice: any selected value is among them).</summary>
    AnyOf,

    /// <summary>The question has a non-empty answer. Takes no values.</summary>
    Answered,

    /// <summary>The question has no answer. Takes no values.</summary>
    NotAnswered,
}

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
