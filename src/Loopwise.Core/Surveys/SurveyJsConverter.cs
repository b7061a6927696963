using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loopwise.Core.Surveys;

/// <summary>Result of <see cref="SurveyJsConverter.Import"/>.</summary>
/// <param name="Definition">The imported survey, or null when no question could be imported. Validate it before use.</param>
/// <param name="Unmapped">Everything that was not carried over exactly, each with its SurveyJS path.</param>
public sealed record SurveyJsImportResult(SurveyDefinition? Definition, IReadOnlyList<string> Unmapped);

/// <summary>Result of <see cref="SurveyJsConverter.Export"/>.</summary>
/// <param name="Json">The SurveyJS survey JSON.</param>
/// <param name="Unmapped">Parts of the definition SurveyJS cannot express, each with its path.</param>
public sealed record SurveyJsExportResult(string Json, IReadOnlyList<string> Unmapped);

/// <summary>
/// Converts between <see cref="SurveyDefinition"/> and the SurveyJS survey JSON format
/// (<c>pages[].elements[]</c>). Nothing is dropped silently: whatever does not map is listed with its path.
/// <para>Import rules:</para>
/// <list type="bullet">
/// <item>A custom <c>loopwiseType</c> / <c>loopwiseScale</c> on a <c>rating</c> element (written by
/// <see cref="Export"/>) sets the exact type and scale.</item>
/// <item>Otherwise a <c>rating</c> from 0 to 10 is NPS (cx-reference.md §1: <c>nps_0_10</c> is the only built-in
/// 0-10 scale, and a "recommend" item on any other range is not NPS); 1-5 is CSAT when its name or title mentions
/// satisfaction, else a Rating on <c>rating_1_5</c>; 1-10 is a Rating on <c>rating_1_10</c>. CES is never guessed:
/// it needs <c>loopwiseType</c>. Other ranges and custom <c>rateValues</c> are not supported.</item>
/// <item><c>radiogroup</c>/<c>dropdown</c> → single choice; <c>checkbox</c>/<c>tagbox</c> → multiple choice;
/// <c>boolean</c> → single choice with values <c>true</c>/<c>false</c>; <c>comment</c> and <c>text</c> (no
/// <c>inputType</c> other than <c>text</c>) → text.</item>
/// <item>Panels are flattened (their own properties and logic are listed); several pages become one list.</item>
/// <item><c>visibleIf</c> maps when it is one simple comparison on an earlier question (see
/// <see cref="DisplayCondition"/>); <c>{q} contains 'x'</c> maps to Equals on a multiple-choice question.</item>
/// <item>Localized strings <c>{"default": ..., "fr": ...}</c>: <c>default</c> is the default language, taken from
/// the custom <c>loopwiseDefaultLanguage</c> or else <c>en</c>. Languages come from <c>loopwiseLanguages</c>, or
/// else every language met.</item>
/// <item><c>completedHtml</c> becomes the thank-you text; HTML markup is removed (and listed).</item>
/// </list>
/// </summary>
public static class SurveyJsConverter
{
    /// <summary>Language that SurveyJS's <c>default</c> key stands for when the survey does not say.</summary>
    public const string DefaultLanguage = "en";

    /// <summary>Reads a SurveyJS survey.</summary>
    /// <exception cref="SurveyFormatException">The text is not well-formed JSON.</exception>
    public static SurveyJsImportResult Import(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new SurveyFormatException("Not well-formed JSON: " + ex.Message, ex.Path ?? "$", ex);
        }

        if (root is not JsonObject survey)
        {
            return new SurveyJsImportResult(null, ["$: a SurveyJS survey must be a JSON object"]);
        }

        return new SurveyJsImporter(survey).Run();
    }

    /// <summary>Writes <paramref name="definition"/> as a SurveyJS survey; <see cref="Import"/> reads it back to an equal definition.</summary>
    public static SurveyJsExportResult Export(SurveyDefinition definition)
    {
        var unmapped = new List<string>();
        var language = definition.DefaultLanguage;
        var survey = new JsonObject
        {
            ["loopwiseDefaultLanguage"] = language,
            ["loopwiseLanguages"] = new JsonArray([.. definition.Languages.Select(l => (JsonNode)l)]),
            ["title"] = WriteText(definition.Title, language),
        };
        if (definition.Intro is not null)
        {
            survey["description"] = WriteText(definition.Intro, language);
        }

        if (definition.ThankYou is not null)
        {
            survey["completedHtml"] = WriteText(new LocalizedText(definition.ThankYou.Values.Select(kv => KeyValuePair.Create(kv.Key, HtmlEncode(kv.Value)))), language);
        }

        var elements = new JsonArray();
        for (var i = 0; i < definition.Questions.Count; i++)
        {
            elements.Add((JsonNode)WriteQuestion(definition, definition.Questions[i], FormattableString.Invariant($"questions[{i}]"), unmapped));
        }

        survey["pages"] = new JsonArray(new JsonObject { ["name"] = "page1", ["elements"] = elements });
        return new SurveyJsExportResult(survey.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), unmapped);
    }

    private static JsonObject WriteQuestion(SurveyDefinition definition, Question question, string path, List<string> unmapped)
    {
        var language = definition.DefaultLanguage;
        var element = new JsonObject
        {
            ["type"] = question.Type switch
            {
                QuestionType.Nps or QuestionType.Csat or QuestionType.Ces or QuestionType.Rating => "rating",
                QuestionType.SingleChoice => "radiogroup",
                QuestionType.MultipleChoice => "checkbox",
                QuestionType.Text => "comment",
                _ => throw new ArgumentOutOfRangeException(nameof(question), question.Type, "Unknown question type."),
            },
            ["name"] = question.Id,
            ["title"] = WriteText(question.Text, language),
        };
        if (question.Help is not null)
        {
            element["description"] = WriteText(question.Help, language);
        }

        if (question.Required)
        {
            element["isRequired"] = true;
        }

        if (question.ShowIf is { } condition)
        {
            var expression = WriteCondition(condition, definition.FindQuestion(condition.QuestionId));
            if (expression is null)
            {
                unmapped.Add($"{path}.showIf: a value contains both ' and \", which SurveyJS expressions cannot quote; condition not exported");
            }
            else
            {
                element["visibleIf"] = expression;
            }
        }

        if (question.IsRating)
        {
            var scale = question.ResolveScale();
            if (scale is not null)
            {
                element["rateMin"] = scale.Min;
                element["rateMax"] = scale.Max;
            }

            element["loopwiseType"] = JsonNamingPolicy.CamelCase.ConvertName(question.Type.ToString());
            if (question.ScaleId is not null)
            {
                element["loopwiseScale"] = question.ScaleId;
            }
        }

        if (question.IsChoice)
        {
            element["choices"] = new JsonArray([.. question.Choices.Select(c => (JsonNode)new JsonObject
            {
                ["value"] = c.Value,
                ["text"] = WriteText(c.Text, language),
            })]);
        }

        if (question.MaxLength is { } maxLength)
        {
            element["maxLength"] = maxLength;
        }

        return element;
    }

    private static string? WriteCondition(DisplayCondition condition, Question? target)
    {
        var name = "{" + condition.QuestionId + "}";
        var multiple = target?.Type == QuestionType.MultipleChoice;
        var numeric = target?.IsRating == true;
        string? Literal(string value) =>
            numeric && DisplayLogic.TryParseNumber(value, out var number) ? number.ToString(CultureInfo.InvariantCulture) : SurveyJsExpression.Quote(value);

        var first = condition.Values.Count > 0 ? Literal(condition.Values[0]) : null;
        var needsFirst = condition.Operator is not (ConditionOperator.Answered or ConditionOperator.NotAnswered or ConditionOperator.AnyOf);
        if (needsFirst && first is null)
        {
            return null;
        }

        switch (condition.Operator)
        {
            case ConditionOperator.Equals:
                return name + (multiple ? " contains " : " = ") + first;
            case ConditionOperator.NotEquals:
                return name + (multiple ? " notcontains " : " != ") + first;
            case ConditionOperator.LessThan:
                return name + " < " + first;
            case ConditionOperator.LessThanOrEqual:
                return name + " <= " + first;
            case ConditionOperator.GreaterThan:
                return name + " > " + first;
            case ConditionOperator.GreaterThanOrEqual:
                return name + " >= " + first;
            case ConditionOperator.AnyOf:
                var literals = condition.Values.Select(Literal).ToList();
                return literals.Any(l => l is null) ? null : name + " anyof [" + string.Join(", ", literals) + "]";
            case ConditionOperator.Answered:
                return name + " notempty";
            case ConditionOperator.NotAnswered:
                return name + " empty";
            default:
                throw new ArgumentOutOfRangeException(nameof(condition), condition.Operator, "Unknown operator.");
        }
    }

    /// <summary>A plain string when only the default language is present, else <c>{"default": ..., "fr": ...}</c>.</summary>
    private static JsonNode WriteText(LocalizedText text, string defaultLanguage)
    {
        if (text.Values.Count == 1 && text.Values.ContainsKey(defaultLanguage))
        {
            return text.Values[defaultLanguage];
        }

        var result = new JsonObject();
        foreach (var (language, value) in text.Values)
        {
            result[string.Equals(language, defaultLanguage, StringComparison.OrdinalIgnoreCase) ? "default" : language] = value;
        }

        return result;
    }

    // Only what HTML needs; WebUtility.HtmlDecode reverses it on import.
    private static string HtmlEncode(string text) =>
        new StringBuilder(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").ToString();

    internal static string HtmlToText(string html, out bool hadMarkup)
    {
        hadMarkup = html.Contains('<', StringComparison.Ordinal);
        var text = hadMarkup ? System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", " ", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)) : html;
        text = WebUtility.HtmlDecode(text);
        return hadMarkup ? string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : text;
    }
}
