using System.Globalization;

namespace Loopwise.Core.Surveys;

/// <summary>
/// Checks answers against a valid <see cref="SurveyDefinition"/>. Errors have paths <c>answers.&lt;questionId&gt;</c>.
/// Empty answers (see <see cref="AnswerValue.IsEmpty"/>) count as not given; run
/// <see cref="AnswerNormalizer.Normalize"/> first to trim texts and drop them.
/// </summary>
public static class AnswerValidator
{
    /// <summary>All problems of <paramref name="answers"/>, ordered by question, unknown ids last.</summary>
    public static IReadOnlyList<ValidationError> Validate(SurveyDefinition definition, AnswerSet answers, AnswerMode mode)
    {
        var errors = new List<ValidationError>();
        var visible = DisplayLogic.VisibleQuestions(definition, answers).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);

        foreach (var question in definition.Questions)
        {
            var path = "answers." + question.Id;
            var answer = answers.Find(question.Id);
            if (answer is null)
            {
                if (mode == AnswerMode.Complete && question.Required && visible.Contains(question.Id))
                {
                    errors.Add(new(path, "This question is required."));
                }

                continue;
            }

            if (!visible.Contains(question.Id))
            {
                errors.Add(new(path, "This question is hidden by its display condition and must not be answered."));
                continue;
            }

            var problem = CheckAnswer(question, answer);
            if (problem is not null)
            {
                errors.Add(new(path, problem));
            }
        }

        foreach (var id in answers.Answers.Keys.Where(id => definition.FindQuestion(id) is null).Order(StringComparer.Ordinal))
        {
            errors.Add(new("answers." + id, $"'{id}' is not a question of this survey."));
        }

        return errors;
    }

    private static string? CheckAnswer(Question question, AnswerValue answer)
    {
        var hasNumber = answer.Number is not null;
        var hasChoices = answer.Choices is { Count: > 0 };
        var hasText = !string.IsNullOrWhiteSpace(answer.Text);

        if (question.IsRating)
        {
            if (!hasNumber || hasChoices || hasText)
            {
                return $"A {question.Type} question takes a number.";
            }

            var scale = question.ResolveScale();
            return scale is not null && !scale.Contains(answer.Number!.Value)
                ? $"{answer.Number.Value.ToString(CultureInfo.InvariantCulture)} is outside the scale {scale.Id} ({SurveyDefinitionValidator.Range(scale)})."
                : null;
        }

        if (question.IsChoice)
        {
            if (!hasChoices || hasNumber || hasText)
            {
                return $"A {question.Type} question takes choice values.";
            }

            var choices = answer.Choices!;
            if (question.Type == QuestionType.SingleChoice && choices.Count > 1)
            {
                return "A single-choice question takes exactly one value.";
            }

            var unknown = choices.Where(v => !question.Choices.Any(c => string.Equals(c.Value, v, StringComparison.Ordinal))).ToList();
            if (unknown.Count > 0)
            {
                return "Unknown choice value: " + string.Join(", ", unknown.Select(v => "'" + v + "'")) + ".";
            }

            return choices.Distinct(StringComparer.Ordinal).Count() != choices.Count ? "A choice value is selected twice." : null;
        }

        if (!hasText || hasNumber || hasChoices)
        {
            return "A text question takes text.";
        }

        return answer.Text!.Length > question.EffectiveMaxLength
            ? FormattableString.Invariant($"The text is {answer.Text.Length} characters long; the limit is {question.EffectiveMaxLength}.")
            : null;
    }
}
