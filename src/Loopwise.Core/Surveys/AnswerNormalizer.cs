namespace Loopwise.Core.Surveys;

/// <summary>Cleans raw answers before validation and storage.</summary>
public static class AnswerNormalizer
{
    /// <summary>
    /// Trims texts and choice values, drops blank texts and blank choice values, and drops answers
    /// left with nothing in them. Everything else (unknown ids, duplicates) is kept for the validator to report.
    /// </summary>
    public static AnswerSet Normalize(AnswerSet answers)
    {
        var result = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        foreach (var (id, value) in answers.Answers)
        {
            var text = string.IsNullOrWhiteSpace(value.Text) ? null : value.Text.Trim();
            var choices = value.Choices?
                .Where(c => !string.IsNullOrWhiteSpace(c))
                .Select(c => c.Trim())
                .ToList();
            var normalized = new AnswerValue(value.Number, choices is { Count: > 0 } ? choices : null, text);
            if (!normalized.IsEmpty)
            {
                result[id.Trim()] = normalized;
            }
        }

        return new AnswerSet(result);
    }
}
