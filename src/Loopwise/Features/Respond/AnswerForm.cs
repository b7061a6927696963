using System.Globalization;
using Loopwise.Core.Surveys;

namespace Loopwise.Features.Respond;

/// <summary>
/// The respondent form's field contract: question <c>q</c> posts as <c>a.q</c>; a rating as its number, a single
/// choice as the choice value, a multiple choice as one <c>a.q</c> per ticked value, a text as its text.
/// </summary>
public static class AnswerForm
{
    public const string Prefix = "a.";

    public static string FieldName(Question question) => Prefix + question.Id;

    /// <summary>Reads one question's posted values: an answer, nothing (blank), or a message for the respondent.</summary>
    public static (AnswerValue? Value, string? Error) Parse(Question question, IReadOnlyList<string> values, RespondentTexts texts)
    {
        var given = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();
        if (given.Count == 0)
        {
            return (null, null);
        }

        if (question.IsRating)
        {
            var scale = question.ResolveScale();
            return given.Count == 1
                && int.TryParse(given[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                && (scale is null || scale.Contains(number))
                ? (AnswerValue.OfNumber(number), null)
                : (null, texts.ChooseFromScale);
        }

        if (question.IsChoice)
        {
            var known = given.All(v => question.Choices.Any(c => string.Equals(c.Value, v, StringComparison.Ordinal)));
            var tooMany = question.Type == QuestionType.SingleChoice && given.Count > 1;
            return known && !tooMany
                ? (AnswerValue.OfChoices([.. given.Distinct(StringComparer.Ordinal)]), null)
                : (null, texts.ChooseOption);
        }

        var text = string.Join("\n", given);
        return text.Length > question.EffectiveMaxLength
            ? (null, string.Format(CultureInfo.InvariantCulture, texts.TooLong, question.EffectiveMaxLength))
            : (AnswerValue.OfText(text), null);
    }

    /// <summary>The values to show in a question's inputs for a stored answer.</summary>
    public static IReadOnlyList<string> Values(AnswerValue? answer) => answer switch
    {
        null => [],
        { Number: { } number } => [number.ToString(CultureInfo.InvariantCulture)],
        { Choices: { Count: > 0 } choices } => choices,
        { Text: { } text } => [text],
        _ => [],
    };
}
