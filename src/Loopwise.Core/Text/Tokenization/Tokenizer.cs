using System.Globalization;

namespace Loopwise.Core.Text.Tokenization;

/// <summary>
/// Splits a text into tokens. Whitespace separates chunks (cx-reference §6); a chunk that is an emoticon stays whole
/// (":)", ":-(", "&lt;3"), otherwise it is cut into words, numbers, emoji and runs of punctuation. Words keep inner
/// apostrophes, hyphens and dots ("don't", "hassle-free", "e.g."), numbers keep decimals, prices, times and ratings
/// ("$4.99", "10:30", "24/7", "10/10", "30%"), and an abbreviation keeps its dot ("Mr.", "St.", "etc.").
/// </summary>
internal static class Tokenizer
{
    public static void Tokenize(string text, ReadOnlySpan<char> lower, List<Token> tokens)
    {
        var lineStart = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                lineStart |= c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085';
                i++;
                continue;
            }

            var end = i + 1;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            Chunk(text, lower, i, end, lineStart, tokens);
            lineStart = false;
            i = end;
        }
    }

    private static void Chunk(string text, ReadOnlySpan<char> lower, int start, int end, bool lineStart, List<Token> tokens)
    {
        var first = lineStart ? TokenFlags.LineStart : TokenFlags.None;
        if (lineStart && IsBullet(text.AsSpan(start, end - start)))
        {
            tokens.Add(new Token(start, end - start, TokenKind.Punctuation, first | TokenFlags.Bullet));
            return;
        }

        if (WholeEmoticon(text, lower, start, end) is var emoticon and > 0)
        {
            tokens.Add(new Token(start, emoticon, TokenKind.Emoticon, first));
            if (start + emoticon < end)
            {
                tokens.Add(Punctuation(text, start + emoticon, end, TokenFlags.None));
            }

            return;
        }

        var p = start;
        while (p < end)
        {
            var flags = p == start ? first : TokenFlags.None;
            int length;
            if ((length = EmojiLength(text, p, end)) > 0)
            {
                tokens.Add(new Token(p, length, TokenKind.Emoji, flags));
            }
            else if ((length = PlaceholderLength(text, p, end)) > 0)
            {
                tokens.Add(new Token(p, length, TokenKind.Placeholder, flags));
            }
            else if (IsWordStart(text, p, end))
            {
                var token = Word(text, lower, p, end, flags);
                length = token.Length;
                tokens.Add(token);
            }
            else
            {
                var q = p + 1;
                while (q < end && !IsWordStart(text, q, end) && EmojiLength(text, q, end) == 0 && PlaceholderLength(text, q, end) == 0)
                {
                    q++;
                }

                length = q - p;

                // An emoticon glued to the end of a word ("thanks:)"): only eyes-first shapes, to leave "word):" alone.
                if (q == end && p > start && text[p] is ':' or ';' or '=' && Emoticons.Contains(text.AsSpan(p, length), lower.Slice(p, length)))
                {
                    tokens.Add(new Token(p, length, TokenKind.Emoticon, flags));
                }
                else
                {
                    var punctuation = Punctuation(text, p, q, flags);
                    if (lineStart && p == start && IsBulletRun(text.AsSpan(p, length)))
                    {
                        punctuation = punctuation with { Flags = punctuation.Flags | TokenFlags.Bullet };
                    }

                    tokens.Add(punctuation);
                }
            }

            p += length;
        }
    }

    /// <summary>The length of the emoticon the chunk is, with or without trailing sentence punctuation; 0 if it is none.</summary>
    private static int WholeEmoticon(string text, ReadOnlySpan<char> lower, int start, int end)
    {
        var core = end;
        while (core > start + 1 && text[core - 1] is '.' or ',' or '!' or '?')
        {
            core--;
        }

        if (core - start > Emoticons.MaxLength)
        {
            return 0;
        }

        var symbol = false;
        for (var k = start; k < core && !symbol; k++)
        {
            symbol = !char.IsLetterOrDigit(text[k]);
        }

        if (!symbol)
        {
            return 0;
        }

        if (Emoticons.Contains(text.AsSpan(start, end - start), lower[start..end]))
        {
            return end - start;
        }

        return core < end && Emoticons.Contains(text.AsSpan(start, core - start), lower[start..core]) ? core - start : 0;
    }

    private static Token Word(string text, ReadOnlySpan<char> lower, int start, int end, TokenFlags flags)
    {
        var number = char.IsDigit(text[start]) || IsCurrency(text[start]);
        int upper = 0, lowerCase = 0, letters = 0;
        Count(text[start], ref upper, ref lowerCase, ref letters);
        var q = start + 1;
        var innerDot = false;
        while (q < end)
        {
            var c = text[q];
            if (IsWordChar(c))
            {
                Count(c, ref upper, ref lowerCase, ref letters);
                q++;
            }
            else if (q + 1 < end && IsWordChar(text[q - 1]) && IsWordChar(text[q + 1]) && IsConnector(c, text[q - 1], text[q + 1]))
            {
                innerDot |= c == '.';
                q++;
            }
            else if (c == '%' && char.IsDigit(text[q - 1]))
            {
                q++;
                break;
            }
            else
            {
                break;
            }
        }

        if (!number && q < end && text[q] == '.' && Abbreviations.Takes(lower[start..q], out var final))
        {
            q++;
            flags |= final ? TokenFlags.FinalAbbreviation : TokenFlags.None;
        }
        else if (!number && innerDot && q < end && text[q] == '.')
        {
            q++;
            flags |= TokenFlags.FinalAbbreviation;
        }

        flags |= letters > 0 ? TokenFlags.HasLetter : TokenFlags.None;
        flags |= upper > 0 && lowerCase == 0 ? TokenFlags.AllCaps : TokenFlags.None;
        return new Token(start, q - start, number ? TokenKind.Number : TokenKind.Word, flags);
    }

    private static void Count(char c, ref int upper, ref int lowerCase, ref int letters)
    {
        if (c < 128)
        {
            upper += char.IsAsciiLetterUpper(c) ? 1 : 0;
            lowerCase += char.IsAsciiLetterLower(c) ? 1 : 0;
            letters += char.IsAsciiLetter(c) ? 1 : 0;
        }
        else if (char.IsLetter(c))
        {
            letters++;
            upper += char.IsUpper(c) ? 1 : 0;
            lowerCase += char.IsLower(c) ? 1 : 0;
        }
    }

    private static Token Punctuation(string text, int start, int end, TokenFlags flags)
    {
        int dots = 0, other = 0;
        var terminal = false;
        var clause = false;
        for (var k = start; k < end; k++)
        {
            switch (text[k])
            {
                case '.':
                    dots++;
                    terminal = true;
                    break;
                case '\u2026':
                    dots += 3;
                    terminal = true;
                    break;
                case '!' or '?' or '\u203C' or '\u2049' or '\uFF01' or '\uFF1F' or '\u3002':
                    other++;
                    terminal = true;
                    break;
                case ',' or ';' or ':' or '(' or ')' or '[' or ']' or '-' or '\u2013' or '\u2014':
                    clause = true;
                    other++;
                    break;
                default:
                    other++;
                    break;
            }
        }

        flags |= terminal ? TokenFlags.Terminal : TokenFlags.None;
        flags |= clause ? TokenFlags.ClauseBreak : TokenFlags.None;
        flags |= dots >= 2 && !HasAny(text, start, end, '!', '?') ? TokenFlags.Ellipsis : TokenFlags.None;
        return new Token(start, end - start, TokenKind.Punctuation, flags);
    }

    private static bool HasAny(string text, int start, int end, char a, char b) =>
        text.AsSpan(start, end - start).IndexOfAny(a, b) >= 0;

    private static bool IsWordStart(string text, int i, int end)
    {
        var c = text[i];
        return IsWordChar(c) || (IsCurrency(c) && i + 1 < end && char.IsDigit(text[i + 1]));
    }

    private static bool IsWordChar(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c)
        : char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>Whether <paramref name="c"/> between <paramref name="before"/> and <paramref name="after"/> keeps a word together.</summary>
    private static bool IsConnector(char c, char before, char after) => c switch
    {
        '\'' or '\u2019' or '-' or '\u2010' or '\u2011' or '.' or '&' or '_' or '@' => true,
        ',' or ':' or '/' => char.IsDigit(before) && char.IsDigit(after),
        _ => false,
    };

    private static bool IsCurrency(char c) => c is '$' or '\u20AC' or '\u00A3' or '\u00A5' or '\u20B9';

    private static bool IsBullet(ReadOnlySpan<char> chunk)
    {
        // "1." "12)" "(3)" "a)" standing alone at the start of a line.
        if (chunk.Length is < 2 or > 4)
        {
            return false;
        }

        var body = chunk[0] == '(' ? chunk[1..] : chunk;
        if (body.Length < 2 || body[^1] is not ('.' or ')'))
        {
            return false;
        }

        body = body[..^1];
        return body.Length switch
        {
            1 => char.IsAsciiDigit(body[0]) || (char.IsAsciiLetterLower(body[0]) && chunk[^1] == ')'),
            2 => char.IsAsciiDigit(body[0]) && char.IsAsciiDigit(body[1]),
            _ => false,
        };
    }

    private static bool IsBulletRun(ReadOnlySpan<char> run) =>
        run.Length == 1 && run[0] is '-' or '*' or '+' or '>' or '\u2022' or '\u00B7' or '\u2013' or '\u2014' or '\u2023'
            or '\u25AA' or '\u25E6' or '\u25CF' or '\u2192' or '\u25BA';

    /// <summary>The length of a redaction placeholder such as "[EMAIL]" at <paramref name="i"/>, or 0.</summary>
    private static int PlaceholderLength(string text, int i, int end)
    {
        if (text[i] != '[')
        {
            return 0;
        }

        var k = i + 1;
        while (k < end && char.IsAsciiLetterUpper(text[k]) && k - i <= 12)
        {
            k++;
        }

        return k < end && text[k] == ']' && k - i >= 3 ? k + 1 - i : 0;
    }

    /// <summary>The length of the emoji (with its modifiers and joined parts) at <paramref name="i"/>, or 0.</summary>
    internal static int EmojiLength(string text, int i, int end)
    {
        var length = CodePointLength(text, i, end, out var codePoint);
        if (!IsEmojiBase(codePoint))
        {
            return 0;
        }

        var k = i + length;
        if (codePoint is >= 0x1F1E6 and <= 0x1F1FF)
        {
            var next = CodePointLength(text, k, end, out var second);
            return second is >= 0x1F1E6 and <= 0x1F1FF ? length + next : length;
        }

        while (k < end)
        {
            var c = text[k];
            if (c is '\uFE0F' or '\uFE0E' or '\u20E3')
            {
                k++;
            }
            else if (CodePointLength(text, k, end, out var modifier) == 2 && modifier is >= 0x1F3FB and <= 0x1F3FF)
            {
                k += 2;
            }
            else if (c == '\u200D' && k + 1 < end)
            {
                var joined = CodePointLength(text, k + 1, end, out var part);
                if (!IsEmojiBase(part))
                {
                    break;
                }

                k += 1 + joined;
            }
            else
            {
                break;
            }
        }

        return k - i;
    }

    private static int CodePointLength(string text, int i, int end, out int codePoint)
    {
        if (i >= end)
        {
            codePoint = 0;
            return 0;
        }

        if (char.IsHighSurrogate(text[i]) && i + 1 < end && char.IsLowSurrogate(text[i + 1]))
        {
            codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
            return 2;
        }

        codePoint = text[i];
        return 1;
    }

    private static bool IsEmojiBase(int codePoint) => codePoint is
        (>= 0x1F000 and <= 0x1FAFF) or (>= 0x2600 and <= 0x27BF) or (>= 0x2300 and <= 0x23FF) or (>= 0x2B00 and <= 0x2BFF);
}
