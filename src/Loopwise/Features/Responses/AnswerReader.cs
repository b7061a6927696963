using System.Globalization;
using Loopwise.Core.Surveys;

namespace Loopwise.Features.Responses;

/// <summary>
/// Turns answers as people and other tools send them (JSON values, CSV cells) into <see cref="AnswerValue"/>s for a
/// question: ratings from numbers or numeric text (<c>"9"</c>, <c>"10 - Extremely likely"</c>), choices by stored value or
/// by label in any of the survey's languages (case- and space-insensitive), text as given. What cannot be read is an
/// error message; everything else is left to <see cref="AnswerValidator"/> (scales, required, unknown values).
/// </summary>
public static class AnswerReader
{
    /// <summary>Reads an API answer. A null question (unknown id) passes the value through for the validator to report.</summary>
    public static AnswerValue FromInput(Question? question, AnswerInput input, out string? error)
    {
        error = null;
        if (question is null)
        {
            return new AnswerValue(input.Number is { } n ? (int)Math.Round(n) : null, input.Choices, input.Text);
        }

        if (question.IsRating)
        {
            if (input.Number is { } number)
            {
                return WholeNumber(number, out error);
            }

            return input.Text is { } text ? Rating(text, out error) : new AnswerValue(Choices: input.Choices);
        }

        if (question.IsChoice)
        {
            IReadOnlyList<string> given = input.Choices
                ?? (input.Text is { } text ? [text]
                : input.Number is { } number ? [number.ToString(CultureInfo.InvariantCulture)] : []);
            return new AnswerValue(Choices: [.. given.Select(v => ChoiceValue(question, v))]);
        }

        return input.Number is { } n2 ? new AnswerValue(Text: n2.ToString(CultureInfo.InvariantCulture)) : new AnswerValue(Choices: input.Choices, Text: input.Text);
    }

    /// <summary>
    /// Reads a CSV cell. A multiple-choice cell may hold several values separated by <paramref name="separators"/>
    /// (a value or label that itself contains a separator still matches as a whole).
    /// </summary>
    public static AnswerValue FromCell(Question question, string cell, ReadOnlySpan<char> separators, out string? error)
    {
        error = null;
        var text = cell.Trim();
        if (text.Length == 0)
        {
            return new AnswerValue();
        }

        if (question.IsRating)
        {
            return Rating(text, out error);
        }

        if (question.IsChoice)
        {
            var whole = FindChoice(question, text);
            if (whole is not null || question.Type == QuestionType.SingleChoice || separators.IsEmpty)
            {
                return AnswerValue.OfChoices(whole ?? text);
            }

            var parts = text.Split(separators.ToArray(), StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return new AnswerValue(Choices: [.. parts.Select(p => ChoiceValue(question, p))]);
        }

        return AnswerValue.OfText(text);
    }

    /// <summary>The stored value of the choice whose value or label is <paramref name="given"/>, or null.</summary>
    public static string? FindChoice(Question question, string given)
    {
        var trimmed = given.Trim();
        foreach (var choice in question.Choices)
        {
            if (string.Equals(choice.Value, trimmed, StringComparison.Ordinal))
            {
                return choice.Value;
            }
        }

        var wanted = Squash(trimmed);
        foreach (var choice in question.Choices)
        {
            if (string.Equals(Squash(choice.Value), wanted, StringComparison.OrdinalIgnoreCase)
                || choice.Text.Values.Values.Any(label => string.Equals(Squash(label), wanted, StringComparison.OrdinalIgnoreCase)))
            {
                return choice.Value;
            }
        }

        return null;
    }

    /// <summary>Text with runs of white space made one space and the ends trimmed, for forgiving comparisons.</summary>
    public static string Squash(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string ChoiceValue(Question question, string given) => FindChoice(question, given) ?? given.Trim();

    private static AnswerValue Rating(string text, out string? error)
    {
        error = null;
        var trimmed = text.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return WholeNumber(number, out error);
        }

        // Labelled scale points such as "10 - Extremely likely" or "5 (Very satisfied)".
        var digits = 0;
        while (digits < trimmed.Length && (char.IsAsciiDigit(trimmed[digits]) || (digits == 0 && trimmed[0] == '-')))
        {
            digits++;
        }

        if (digits > 0 && digits < trimmed.Length && !char.IsLetterOrDigit(trimmed[digits]) && trimmed[digits] != '.'
            && int.TryParse(trimmed.AsSpan(0, digits), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var leading))
        {
            return AnswerValue.OfNumber(leading);
        }

        error = $"'{trimmed}' is not a number.";
        return new AnswerValue();
    }

    private static AnswerValue WholeNumber(double number, out string? error)
    {
        error = null;
        if (double.IsFinite(number) && number == Math.Floor(number) && Math.Abs(number) < 1_000_000)
        {
            return AnswerValue.OfNumber((int)number);
        }

        error = $"{number.ToString(CultureInfo.InvariantCulture)} is not a whole number.";
        return new AnswerValue();
    }
}
