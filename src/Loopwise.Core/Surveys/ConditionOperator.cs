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
