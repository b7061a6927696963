using System.Text.Json.Serialization;

namespace Loopwise.Core.Surveys;

/// <summary>
/// One answer: a number for rating questions, choice values for choice questions, or text.
/// Exactly one of the three should be set.
/// </summary>
/// <param name="Number">Rating answer.</param>
/// <param name="Choices">Selected choice values (one for a single choice).</param>
/// <param name="Text">Free-text answer.</param>
public sealed record AnswerValue(int? Number = null, IReadOnlyList<string>? Choices = null, string? Text = null)
{
    /// <summary>A rating answer.</summary>
    public static AnswerValue OfNumber(int number) => new(Number: number);

    /// <summary>A choice answer.</summary>
    public static AnswerValue OfChoices(params string[] values) => new(Choices: values);

    /// <summary>A text answer.</summary>
    public static AnswerValue OfText(string text) => new(Text: text);

    /// <summary>True when nothing was answered: no number, no choice and no non-blank text.</summary>
    [JsonIgnore]
    public bool IsEmpty => Number is null && (Choices is null || Choices.Count == 0) && string.IsNullOrWhiteSpace(Text);

    /// <inheritdoc />
    public bool Equals(AnswerValue? other) =>
        other is not null
        && Number == other.Number
        && (Choices is null ? other.Choices is null : other.Choices is not null && Choices.SequenceEqual(other.Choices, StringComparer.Ordinal))
        && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Number, Choices?.Count, Text);
}
