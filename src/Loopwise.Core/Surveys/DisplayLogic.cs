using System.Globalization;

namespace Loopwise.Core.Surveys;

/// <summary>Evaluates <see cref="Question.ShowIf"/> against answers.</summary>
public static class DisplayLogic
{
    /// <summary>
    /// True when <paramref name="question"/> has no condition or its condition holds on
    /// <paramref name="answers"/>. This looks at the answers as given; use
    /// <see cref="VisibleQuestions"/> to ignore answers of questions that are themselves hidden.
    /// </summary>
    public static bool IsVisible(Question question, AnswerSet answers) =>
        question.ShowIf is null || Holds(question.ShowIf, answers.Find(question.ShowIf.QuestionId));

    /// <summary>
    /// The questions shown for <paramref name="answers"/>, in order. An answer to a hidden question is
    /// treated as absent, so a question that depends on a hidden one sees it as unanswered.
    /// </summary>
    public static IReadOnlyList<Question> VisibleQuestions(SurveyDefinition definition, AnswerSet answers)
    {
        var visible = new List<Question>();
        var visibleIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in definition.Questions)
        {
            var shown = question.ShowIf is not { } condition
                || Holds(condition, visibleIds.Contains(condition.QuestionId) ? answers.Find(condition.QuestionId) : null);
            if (shown)
            {
                visible.Add(question);
                visibleIds.Add(question.Id);
            }
        }

        return visible;
    }

    /// <summary>True when <paramref name="condition"/> holds for <paramref name="answer"/> (null = unanswered).</summary>
    internal static bool Holds(DisplayCondition condition, AnswerValue? answer)
    {
        if (answer is null || answer.IsEmpty)
        {
            return condition.Operator is ConditionOperator.NotAnswered or ConditionOperator.NotEquals;
        }

        var first = condition.Values.Count > 0 ? condition.Values[0] : null;
        return condition.Operator switch
        {
            ConditionOperator.Answered => true,
            ConditionOperator.NotAnswered => false,
            ConditionOperator.Equals => first is not null && Matches(answer, first),
            ConditionOperator.NotEquals => first is null || !Matches(answer, first),
            ConditionOperator.AnyOf => condition.Values.Any(v => Matches(answer, v)),
            ConditionOperator.LessThan => Compare(answer, first) is < 0,
            ConditionOperator.LessThanOrEqual => Compare(answer, first) is <= 0,
            ConditionOperator.GreaterThan => Compare(answer, first) is > 0,
            ConditionOperator.GreaterThanOrEqual => Compare(answer, first) is >= 0,
            _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.Operator, "Unknown operator."),
        };
    }

    private static bool Matches(AnswerValue answer, string value)
    {
        if (answer.Number is { } number)
        {
            return TryParseNumber(value, out var expected) && number == expected;
        }

        if (answer.Choices is { Count: > 0 } choices)
        {
            return choices.Contains(value, StringComparer.Ordinal);
        }

        return string.Equals(answer.Text?.Trim(), value, StringComparison.Ordinal);
    }

    private static int? Compare(AnswerValue answer, string? value) =>
        answer.Number is { } number && value is not null && TryParseNumber(value, out var expected)
            ? number.CompareTo(expected)
            : null;

    internal static bool TryParseNumber(string value, out int number) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);
}
