using Loopwise.Core.Metrics;

namespace Loopwise.Features.Alerts;

/// <summary>What alert conditions look at in one response.</summary>
public sealed record ResponseFacts(
    int? Nps,
    int? Csat,
    (int Score, ScaleDefinition Scale)? Ces,
    double? Sentiment,
    IReadOnlyList<string> Topics,
    string Text,
    string? Touchpoint,
    IReadOnlyDictionary<string, string> Dimensions)
{
    /// <summary>
    /// True when <paramref name="word"/> (or phrase) appears in the comments as whole words, ignoring case; a trailing
    /// <c>*</c> matches any ending (<c>cancel*</c>: cancel, cancelled, cancellation).
    /// </summary>
    public bool HasWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var stem = word.EndsWith('*');
        word = word.TrimEnd('*');
        if (word.Length == 0)
        {
            return false;
        }

        var at = 0;
        while ((at = Text.IndexOf(word, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var before = at == 0 || !char.IsLetterOrDigit(Text[at - 1]);
            var end = at + word.Length;
            var after = stem || end >= Text.Length || !char.IsLetterOrDigit(Text[end]);
            if (before && after)
            {
                return true;
            }

            at++;
        }

        return false;
    }
}
