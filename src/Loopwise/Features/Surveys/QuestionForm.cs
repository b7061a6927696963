using System.Globalization;
using System.Text.RegularExpressions;
using Loopwise.Core.Metrics;
using Loopwise.Core.Surveys;
using Loopwise.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Loopwise.Features.Surveys;

/// <summary>
/// The designer's question form (no JavaScript): one question at a time, texts per language, choices one per line
/// as <c>value|label</c>, and display logic as three plain fields: question, operator, value ("nps" "&lt;=" "6").
/// </summary>
public sealed partial class QuestionForm
{
    public string? Id { get; set; }

    public string? Type { get; set; } = nameof(QuestionType.Nps);

    /// <summary>Question text in the survey's default language.</summary>
    public string? Text { get; set; }

    /// <summary>Question text in each other language.</summary>
    public Dictionary<string, string?> Translations { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Required { get; set; }

    public string? ScaleId { get; set; }

    /// <summary>One choice per line: <c>value|label</c> (or just <c>label</c>, whose value is derived from it).</summary>
    public string? Choices { get; set; }

    /// <summary>Choice labels in each other language, one per line: <c>value|label</c>.</summary>
    public Dictionary<string, string?> ChoiceTranslations { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string? ShowIfQuestion { get; set; }

    public string? ShowIfOperator { get; set; }

    public string? ShowIfValue { get; set; }

    /// <summary>Question types with the label the form shows.</summary>
    public static IReadOnlyList<(QuestionType Type, string Label)> Types { get; } =
    [
        (QuestionType.Nps, "NPS (0-10)"),
        (QuestionType.Csat, "CSAT (1-5)"),
        (QuestionType.Ces, "CES (choose the scale)"),
        (QuestionType.Rating, "Rating"),
        (QuestionType.SingleChoice, "Single choice"),
        (QuestionType.MultipleChoice, "Multiple choice"),
        (QuestionType.Text, "Text"),
    ];

    /// <summary>Operators with the symbol the form shows.</summary>
    public static IReadOnlyList<(ConditionOperator Operator, string Label)> Operators { get; } =
    [
        (ConditionOperator.Equals, "="),
        (ConditionOperator.NotEquals, "!="),
        (ConditionOperator.LessThan, "<"),
        (ConditionOperator.LessThanOrEqual, "<="),
        (ConditionOperator.GreaterThan, ">"),
        (ConditionOperator.GreaterThanOrEqual, ">="),
        (ConditionOperator.AnyOf, "any of"),
        (ConditionOperator.Answered, "is answered"),
        (ConditionOperator.NotAnswered, "is not answered"),
    ];

    public static string ScaleLabel(ScaleDefinition scale) => scale.Id switch
    {
        "ces_effort_1_5" => "ces_effort_1_5: 1-5 effort, lower is better (CES 1.0)",
        "ces_agree_1_7" => "ces_agree_1_7: 1-7 agreement, higher is better (CES 2.0)",
        _ => string.Create(CultureInfo.InvariantCulture, $"{scale.Id}: {scale.Min}-{scale.Max}"),
    };

    public static QuestionForm From(Question q, SurveyDefinition definition) => new()
    {
        Id = q.Id,
        Type = q.Type.ToString(),
        Text = q.Text.Values.GetValueOrDefault(definition.DefaultLanguage),
        Translations = OtherLanguages(definition).ToDictionary(l => l, l => q.Text.Values.GetValueOrDefault(l), StringComparer.OrdinalIgnoreCase),
        Required = q.Required,
        ScaleId = q.ScaleId,
        Choices = string.Join('\n', q.Choices.Select(c => $"{c.Value}|{c.Text.Values.GetValueOrDefault(definition.DefaultLanguage)}")),
        ChoiceTranslations = OtherLanguages(definition).ToDictionary(
            l => l,
            l => (string?)string.Join('\n', q.Choices.Where(c => c.Text.Has(l)).Select(c => $"{c.Value}|{c.Text.Values[l]}")),
            StringComparer.OrdinalIgnoreCase),
        ShowIfQuestion = q.ShowIf?.QuestionId,
        ShowIfOperator = q.ShowIf?.Operator.ToString(),
        ShowIfValue = q.ShowIf is null ? null : string.Join(", ", q.ShowIf.Values),
    };

    public static IEnumerable<string> OtherLanguages(SurveyDefinition definition) =>
        definition.Languages.Where(l => !string.Equals(l, definition.DefaultLanguage, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The question this form describes; <paramref name="existing"/> keeps what the form does not show (help,
    /// maximum length). Rules of the definition are left to the validator; only unreadable fields fail here.
    /// </summary>
    public Result<Question> ToQuestion(string id, SurveyDefinition definition, Question? existing)
    {
        if (!Enum.TryParse<QuestionType>(Type, ignoreCase: false, out var type) || !Enum.IsDefined(type))
        {
            return Error.Invalid.Field("Type", "Choose a question type.");
        }

        DisplayCondition? showIf = null;
        if (!string.IsNullOrWhiteSpace(ShowIfQuestion))
        {
            if (!Enum.TryParse<ConditionOperator>(ShowIfOperator, ignoreCase: false, out var op) || !Enum.IsDefined(op))
            {
                return Error.Invalid.Field("ShowIfOperator", "Choose an operator.");
            }

            var values = op switch
            {
                ConditionOperator.Answered or ConditionOperator.NotAnswered => [],
                ConditionOperator.AnyOf => (ShowIfValue ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                _ => string.IsNullOrWhiteSpace(ShowIfValue) ? [] : new[] { ShowIfValue.Trim() },
            };
            showIf = DisplayCondition.Of(ShowIfQuestion.Trim(), op, values);
        }

        var language = definition.DefaultLanguage;
        var texts = new List<KeyValuePair<string, string>> { new(language, Text?.Trim() ?? string.Empty) };
        texts.AddRange(OtherLanguages(definition)
            .Where(l => !string.IsNullOrWhiteSpace(Translations.GetValueOrDefault(l)))
            .Select(l => KeyValuePair.Create(l, Translations[l]!.Trim())));

        var choices = new List<Choice>();
        if (type is QuestionType.SingleChoice or QuestionType.MultipleChoice)
        {
            var translated = OtherLanguages(definition).ToDictionary(l => l, l => ParseLines(ChoiceTranslations.GetValueOrDefault(l)), StringComparer.OrdinalIgnoreCase);
            foreach (var (value, label) in ParseLines(Choices))
            {
                var choiceTexts = new List<KeyValuePair<string, string>> { new(language, label) };
                choiceTexts.AddRange(translated
                    .Select(t => (Language: t.Key, Label: t.Value.FirstOrDefault(x => x.Value == value).Label))
                    .Where(t => !string.IsNullOrWhiteSpace(t.Label))
                    .Select(t => KeyValuePair.Create(t.Language, t.Label!)));
                choices.Add(new Choice(value, new LocalizedText(choiceTexts)));
            }
        }

        var question = new Question
        {
            Id = id,
            Type = type,
            Text = new LocalizedText(texts),
            Required = Required,
            ScaleId = string.IsNullOrWhiteSpace(ScaleId) ? null : ScaleId.Trim(),
            Choices = choices,
            ShowIf = showIf,
            Help = existing?.Help,
            MaxLength = type == QuestionType.Text ? existing?.MaxLength : null,
        };
        return question;
    }

    /// <summary><c>value|label</c> lines; a line without <c>|</c> is a label whose value is derived from it.</summary>
    public static List<(string Value, string Label)> ParseLines(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|', 2, StringSplitOptions.TrimEntries) is [var value, var label]
                ? (value, label)
                : (Slug(line), line))
            .ToList();

    /// <summary>A new unique id from the type (<c>nps</c>, <c>nps_2</c>, ...) when the person left the id empty.</summary>
    public static string NewId(SurveyDefinition definition, QuestionType type)
    {
        var stem = type switch
        {
            QuestionType.SingleChoice => "choice",
            QuestionType.MultipleChoice => "choices",
            QuestionType.Text => "comment",
            _ => type.ToString().ToLowerInvariant(),
        };
        var id = stem;
        for (var n = 2; definition.FindQuestion(id) is not null; n++)
        {
            id = string.Create(CultureInfo.InvariantCulture, $"{stem}_{n}");
        }

        return id;
    }

    /// <summary>
    /// Puts the errors of question <paramref name="index"/> beside its fields (<c>Input.*</c>) and everything else at
    /// the top of the page, with the path people can find (question id instead of an index).
    /// </summary>
    public static void AddErrors(Error error, ModelStateDictionary modelState, SurveyDefinition attempted, int index)
    {
        if (error is not Error.Invalid invalid)
        {
            modelState.AddModelError(string.Empty, error.Message);
            return;
        }

        var own = string.Create(CultureInfo.InvariantCulture, $"definition.questions[{index}].");
        foreach (var (path, messages) in invalid.Fields)
        {
            var field = path.StartsWith(own, StringComparison.Ordinal) ? FieldOf(path[own.Length..]) : null;
            foreach (var message in messages)
            {
                modelState.AddModelError(field is null ? string.Empty : "Input." + field, field is null ? Describe(path, attempted) + message : message);
            }
        }
    }

    /// <summary>"Question 'nps': " for a question path, "Title: " for others.</summary>
    public static string Describe(string path, SurveyDefinition definition)
    {
        var match = QuestionPath().Match(path);
        if (match.Success && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var i) && i < definition.Questions.Count)
        {
            return $"Question '{definition.Questions[i].Id}': ";
        }

        var rest = path.StartsWith("definition.", StringComparison.Ordinal) ? path["definition.".Length..] : path;
        return rest.Length == 0 ? string.Empty : rest + ": ";
    }

    private static string? FieldOf(string subPath) => subPath switch
    {
        "id" => "Id",
        "type" => "Type",
        "text" => "Text",
        "scaleId" => "ScaleId",
        "showIf.questionId" => "ShowIfQuestion",
        "showIf.operator" => "ShowIfOperator",
        _ when subPath.StartsWith("choices", StringComparison.Ordinal) => "Choices",
        _ when subPath.StartsWith("showIf.values", StringComparison.Ordinal) => "ShowIfValue",
        _ => null,
    };

    private static string Slug(string label)
    {
        var slug = NonSlug().Replace(label.ToLowerInvariant(), "_").Trim('_');
        return slug.Length == 0 ? label : slug;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();

    [GeneratedRegex(@"^definition\.questions\[(\d+)\]")]
    private static partial Regex QuestionPath();
}
