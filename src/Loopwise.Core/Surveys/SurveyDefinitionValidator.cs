using System.Globalization;
using Loopwise.Core.Metrics;

namespace Loopwise.Core.Surveys;

/// <summary>
/// Checks a <see cref="SurveyDefinition"/> and reports every problem with a path such as
/// <c>questions[2].scaleId</c>. An empty list means the definition is valid.
/// </summary>
public static class SurveyDefinitionValidator
{
    /// <summary>Longest allowed question id.</summary>
    public const int MaxIdLength = 64;

    /// <summary>All problems in <paramref name="definition"/>, in document order.</summary>
    public static IReadOnlyList<ValidationError> Validate(SurveyDefinition definition)
    {
        var errors = new List<ValidationError>();
        var languages = CheckLanguages(definition, errors);

        CheckText(definition.Title, "title", languages, errors);
        CheckText(definition.Intro, "intro", languages, errors);
        CheckText(definition.ThankYou, "thankYou", languages, errors);

        if (definition.Questions.Count == 0)
        {
            errors.Add(new("questions", "A survey needs at least one question."));
        }

        var earlier = new Dictionary<string, Question>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Questions.Count; i++)
        {
            var question = definition.Questions[i];
            var path = Invariant($"questions[{i}]");
            CheckId(question, path + ".id", earlier, errors);
            CheckQuestion(question, path, languages, errors);
            if (question.ShowIf is { } condition)
            {
                CheckConditionReference(condition, question, earlier, definition, path + ".showIf", errors);
            }

            earlier.TryAdd(question.Id, question);
        }

        return errors;
    }

    /// <summary>Problems of <paramref name="condition"/> against the question it references, as (sub-path, message).</summary>
    internal static IEnumerable<(string Path, string Message)> CheckCondition(DisplayCondition condition, Question target)
    {
        var op = condition.Operator;
        var values = condition.Values;
        var expected = op switch
        {
            ConditionOperator.Answered or ConditionOperator.NotAnswered => "no values",
            ConditionOperator.AnyOf => "at least one value",
            _ => "exactly one value",
        };
        var countOk = op switch
        {
            ConditionOperator.Answered or ConditionOperator.NotAnswered => values.Count == 0,
            ConditionOperator.AnyOf => values.Count > 0,
            _ => values.Count == 1,
        };
        if (!countOk)
        {
            yield return ("values", $"Operator {op} takes {expected}; got {values.Count.ToString(CultureInfo.InvariantCulture)}.");
            yield break;
        }

        var ordering = op is ConditionOperator.LessThan or ConditionOperator.LessThanOrEqual
            or ConditionOperator.GreaterThan or ConditionOperator.GreaterThanOrEqual;
        if (ordering && !target.IsRating)
        {
            yield return ("operator", $"Operator {op} needs a rating question; '{target.Id}' is {target.Type}.");
            yield break;
        }

        for (var j = 0; j < values.Count; j++)
        {
            var value = values[j];
            var valuePath = Invariant($"values[{j}]");
            if (target.IsRating)
            {
                var scale = target.ResolveScale();
                if (!DisplayLogic.TryParseNumber(value, out var number))
                {
                    yield return (valuePath, $"'{value}' is not a whole number, but '{target.Id}' is a rating question.");
                }
                else if (scale is not null && !scale.Contains(number))
                {
                    yield return (valuePath, $"{value} is outside the scale {scale.Id} ({Range(scale)}) of '{target.Id}'.");
                }
            }
            else if (target.IsChoice && !target.Choices.Any(c => string.Equals(c.Value, value, StringComparison.Ordinal)))
            {
                yield return (valuePath, $"'{value}' is not a choice of '{target.Id}'.");
            }
        }
    }

    internal static bool IsValidId(string id) =>
        id.Length is > 0 and <= MaxIdLength && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-');

    internal static string Range(ScaleDefinition scale) =>
        Invariant($"{scale.Min}-{scale.Max}");

    private static List<string> CheckLanguages(SurveyDefinition definition, List<ValidationError> errors)
    {
        var languages = new List<string>();
        for (var i = 0; i < definition.Languages.Count; i++)
        {
            var language = definition.Languages[i];
            if (string.IsNullOrWhiteSpace(language))
            {
                errors.Add(new(Invariant($"languages[{i}]"), "A language tag must not be blank."));
            }
            else if (languages.Contains(language, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(new(Invariant($"languages[{i}]"), $"Language '{language}' is listed twice."));
            }
            else
            {
                languages.Add(language);
            }
        }

        if (!languages.Contains(definition.DefaultLanguage, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(new("defaultLanguage", $"The default language '{definition.DefaultLanguage}' must be one of the survey's languages."));
        }

        return languages;
    }

    private static void CheckText(LocalizedText? text, string path, List<string> languages, List<ValidationError> errors)
    {
        if (text is null)
        {
            return;
        }

        var missing = languages.Where(l => !text.Has(l)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new(path, "Missing translation for: " + string.Join(", ", missing) + "."));
        }

        var extra = text.Languages.Where(l => !languages.Contains(l, StringComparer.OrdinalIgnoreCase)).ToList();
        if (extra.Count > 0)
        {
            errors.Add(new(path, "Text in a language the survey does not list: " + string.Join(", ", extra) + "."));
        }
    }

    private static void CheckQuestion(Question question, string path, List<string> languages, List<ValidationError> errors)
    {
        CheckText(question.Text, path + ".text", languages, errors);
        CheckText(question.Help, path + ".help", languages, errors);
        CheckScale(question, path + ".scaleId", errors);
        CheckChoices(question, path + ".choices", languages, errors);

        if (question.MaxLength is { } maxLength)
        {
            if (question.Type != QuestionType.Text)
            {
                errors.Add(new(path + ".maxLength", "Only text questions have a maximum length."));
            }
            else if (maxLength < 1)
            {
                errors.Add(new(path + ".maxLength", "The maximum length must be at least 1."));
            }
        }
    }

    private static void CheckScale(Question question, string path, List<ValidationError> errors)
    {
        var scaleId = question.ScaleId;
        switch (question.Type)
        {
            case QuestionType.Nps or QuestionType.Csat when scaleId is not null && !Question.IsScaleAllowed(question.Type, scaleId):
                errors.Add(new(path, $"A {question.Type} question is always on {DefaultScale(question.Type)}; '{scaleId}' is not allowed."));
                break;
            case QuestionType.Ces when scaleId is null || !Question.IsScaleAllowed(question.Type, scaleId):
                errors.Add(new(path, $"A CES question needs an explicit scale: {Scales.CesEffort.Id} (1-5, lower is better) or {Scales.CesAgree.Id} (1-7 agreement); got '{scaleId}'."));
                break;
            case QuestionType.Rating when scaleId is null || !Question.IsScaleAllowed(question.Type, scaleId):
                errors.Add(new(path, $"A rating question needs a built-in scale ({string.Join(", ", Scales.All.Select(s => s.Id))}); got '{scaleId}'."));
                break;
            case QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.Text when scaleId is not null:
                errors.Add(new(path, $"A {question.Type} question has no scale."));
                break;
            default:
                break;
        }
    }

    private static string DefaultScale(QuestionType type) => type == QuestionType.Nps ? Scales.Nps.Id : Scales.Csat.Id;

    private static void CheckChoices(Question question, string path, List<string> languages, List<ValidationError> errors)
    {
        if (!question.IsChoice)
        {
            if (question.Choices.Count > 0)
            {
                errors.Add(new(path, $"A {question.Type} question has no choices."));
            }

            return;
        }

        if (question.Choices.Count == 0)
        {
            errors.Add(new(path, "A choice question needs at least one choice."));
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < question.Choices.Count; j++)
        {
            var choice = question.Choices[j];
            var choicePath = Invariant($"{path}[{j}]");
            if (string.IsNullOrWhiteSpace(choice.Value))
            {
                errors.Add(new(choicePath + ".value", "A choice value must not be blank."));
            }
            else if (!seen.Add(choice.Value))
            {
                errors.Add(new(choicePath + ".value", $"Choice value '{choice.Value}' is used twice."));
            }

            CheckText(choice.Text, choicePath + ".text", languages, errors);
        }
    }

    private static void CheckId(Question question, string path, Dictionary<string, Question> earlier, List<ValidationError> errors)
    {
        if (!IsValidId(question.Id))
        {
            errors.Add(new(path, $"Question id '{question.Id}' must be 1-{MaxIdLength.ToString(CultureInfo.InvariantCulture)} characters of a-z, 0-9, '_' and '-'."));
        }
        else if (earlier.ContainsKey(question.Id))
        {
            errors.Add(new(path, $"Question id '{question.Id}' is used twice."));
        }
    }

    private static void CheckConditionReference(
        DisplayCondition condition,
        Question question,
        Dictionary<string, Question> earlier,
        SurveyDefinition definition,
        string path,
        List<ValidationError> errors)
    {
        if (!earlier.TryGetValue(condition.QuestionId, out var target))
        {
            var exists = definition.FindQuestion(condition.QuestionId) is not null;
            errors.Add(new(path + ".questionId", exists
                ? $"'{question.Id}' may only depend on an earlier question; '{condition.QuestionId}' comes at or after it."
                : $"'{condition.QuestionId}' is not a question of this survey."));
            return;
        }

        foreach (var (subPath, message) in CheckCondition(condition, target))
        {
            errors.Add(new(path + "." + subPath, message));
        }
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
