using System.Globalization;

namespace Loopwise.Core.Text.Topics;

/// <summary>
/// The word tokeniser of topic rules and key phrases, used the same way on rule words and on comments so that both
/// split alike: a word is a run of letters, digits and combining marks, with an apostrophe between a letter and a
/// letter or digit kept inside it ("didn't", "customer's"; ’ reads as '). Everything else separates words: spaces,
/// hyphens, slashes and quotes softly ("check-in" is the phrase "check in"), clause punctuation (, ; : . ! ? brackets,
/// dashes, a spaced hyphen, line breaks) hard, so a phrase never spans it. The PII tokens <c>[EMAIL]</c>, <c>[PHONE]</c>, <c>[CARD]</c>, <c>[IBAN]</c> are
/// skipped as hard breaks: they are not the customer's words.
/// </summary>
internal static class WordTokenizer
{
    private static readonly string[] RedactionTokens = ["[EMAIL]", "[PHONE]", "[CARD]", "[IBAN]"];

    /// <summary>The most tokens a text of <paramref name="length"/> characters can hold.</summary>
    public static int MaxTokens(int length) => (length / 2) + 1;

    /// <summary>
    /// Lower-cases <paramref name="source"/> into <paramref name="lower"/> (same length; apostrophes inside words become ')
    /// and writes its words to <paramref name="tokens"/> (at least <see cref="MaxTokens"/> long); returns how many.
    /// </summary>
    public static int Tokenize(ReadOnlySpan<char> source, Span<char> lower, Span<WordToken> tokens)
    {
        source.ToLowerInvariant(lower);
        var count = 0;
        var hardBreak = true;
        var i = 0;
        var n = source.Length;
        while (i < n)
        {
            var c = lower[i];
            if (IsWordChar(c))
            {
                var start = i++;
                while (i < n)
                {
                    c = lower[i];
                    if (IsWordChar(c))
                    {
                        i++;
                    }
                    else if (c is '\'' or '\u2019' or '\u02BC' && i + 1 < n && IsWordChar(lower[i + 1]) && char.IsLetter(lower[i - 1]))
                    {
                        lower[i++] = '\'';
                    }
                    else
                    {
                        break;
                    }
                }

                tokens[count++] = new WordToken(start, i - start, !hardBreak);
                hardBreak = false;
                continue;
            }

            if (c == '[' && RedactionTokenAt(source, i) is var length and > 0)
            {
                i += length;
                hardBreak = true;
                continue;
            }

            hardBreak |= IsHardBreak(c) || (c == '-' && IsSpacedDash(lower, i));
            i++;
        }

        return count;
    }

    /// <summary>Tokenises <paramref name="text"/> into lower-cased word strings (allocating; for rules and discovery, not the hot path).</summary>
    public static List<(string Word, bool Joined)> Words(ReadOnlySpan<char> text)
    {
        var lower = new char[text.Length];
        var tokens = new WordToken[MaxTokens(text.Length)];
        var count = Tokenize(text, lower, tokens);
        var words = new List<(string, bool)>(count);
        for (var t = 0; t < count; t++)
        {
            words.Add((new string(lower, tokens[t].Start, tokens[t].Length), tokens[t].Joined));
        }

        return words;
    }

    public static bool IsWordChar(char c) => c < 128
        ? char.IsAsciiLetterOrDigit(c)
        : char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsHardBreak(char c) => c is ',' or ';' or ':' or '.' or '!' or '?' or '(' or ')' or '[' or ']' or '{' or '}'
        or '\n' or '\r' or '|' or '\u2026' or '\u2013' or '\u2014' or '\u2022' or '\u00B7';

    /// <summary>A hyphen with a space on either side is a dash ("slow - the parcel"), not a word joiner.</summary>
    private static bool IsSpacedDash(ReadOnlySpan<char> text, int at) =>
        (at > 0 && char.IsWhiteSpace(text[at - 1])) || (at + 1 < text.Length && char.IsWhiteSpace(text[at + 1]));

    private static int RedactionTokenAt(ReadOnlySpan<char> source, int at)
    {
        foreach (var token in RedactionTokens)
        {
            if (source[at..].StartsWith(token, StringComparison.Ordinal))
            {
                return token.Length;
            }
        }

        return 0;
    }
}
