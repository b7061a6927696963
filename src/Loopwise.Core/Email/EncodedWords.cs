using System.Text;

namespace Loopwise.Core.Email;

/// <summary>
/// Header text for non-ASCII values: RFC 2047 encoded-words (<c>=?UTF-8?B?...?=</c>), each at most 75 characters
/// and never splitting a character's UTF-8 bytes, separated by folding white space (<c>CRLF SP</c>).
/// </summary>
public static class EncodedWords
{
    /// <summary>The longest encoded-word RFC 2047 allows.</summary>
    public const int MaxWordLength = 75;

    private const string Prefix = "=?UTF-8?B?";
    private const string Suffix = "?=";

    /// <summary>True when <paramref name="text"/> can go into a header as it is: printable ASCII and spaces only.</summary>
    public static bool IsPlainAscii(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        // A value that looks like an encoded-word must be encoded, or a reader would decode it.
        return !text.Contains("=?", StringComparison.Ordinal);
    }

    /// <summary>
    /// Unstructured header text (a subject): as it is when plain ASCII, otherwise encoded-words separated by
    /// <c>CRLF SP</c> (a reader removes the folding between adjacent encoded-words).
    /// </summary>
    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IsPlainAscii(text) ? text : string.Join("\r\n ", Words(text));
    }

    /// <summary>
    /// A display name before an address: a plain word or quoted string when ASCII, otherwise encoded-words
    /// (which are allowed in a phrase, never inside quotes).
    /// </summary>
    public static string EncodePhrase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsPlainAscii(name))
        {
            return string.Join("\r\n ", Words(name));
        }

        var atom = name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~ ".Contains(c, StringComparison.Ordinal));
        return atom ? name : "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>The encoded-words of <paramref name="text"/>: whole characters per word, each word at most 75 characters.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // 75 − 12 characters of prefix and suffix = 63 characters of base64 = 15 groups = 45 bytes per word.
        const int maxBytes = (MaxWordLength - 12) / 4 * 3;
        var words = new List<string>();
        var chunk = new List<byte>(maxBytes);
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            var length = rune.EncodeToUtf8(buffer);
            if (chunk.Count + length > maxBytes)
            {
                words.Add(Prefix + Convert.ToBase64String([.. chunk]) + Suffix);
                chunk.Clear();
            }

            for (var i = 0; i < length; i++)
            {
                chunk.Add(buffer[i]);
            }
        }

        if (chunk.Count > 0 || words.Count == 0)
        {
            words.Add(Prefix + Convert.ToBase64String([.. chunk]) + Suffix);
        }

        return words;
    }

    /// <summary>Decodes the <c>B</c> and <c>Q</c> encoded-words of a header value (UTF-8 and ASCII charsets); for tests and the log.</summary>
    public static string Decode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var result = new StringBuilder();
        var i = 0;
        var lastWasWord = false;
        var pendingSpace = new StringBuilder();
        while (i < value.Length)
        {
            if (value.AsSpan(i).StartsWith("=?", StringComparison.Ordinal) && TryWord(value, i, out var decoded, out var end))
            {
                if (!lastWasWord)
                {
                    result.Append(pendingSpace);
                }

                pendingSpace.Clear();
                result.Append(decoded);
                lastWasWord = true;
                i = end;
                continue;
            }

            var c = value[i];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                if (c is ' ' or '\t')
                {
                    pendingSpace.Append(c);
                }

                i++;
                continue;
            }

            result.Append(pendingSpace).Append(c);
            pendingSpace.Clear();
            lastWasWord = false;
            i++;
        }

        return result.Append(pendingSpace).ToString();
    }

    private static bool TryWord(string value, int start, out string decoded, out int end)
    {
        decoded = string.Empty;
        end = start;
        var charsetEnd = value.IndexOf('?', start + 2);
        if (charsetEnd < 0 || charsetEnd + 2 >= value.Length || value[charsetEnd + 2] != '?')
        {
            return false;
        }

        var close = value.IndexOf("?=", charsetEnd + 3, StringComparison.Ordinal);
        if (close < 0)
        {
            return false;
        }

        var encoding = char.ToUpperInvariant(value[charsetEnd + 1]);
        var payload = value[(charsetEnd + 3)..close];
        byte[] bytes;
        try
        {
            bytes = encoding switch
            {
                'B' => Convert.FromBase64String(payload),
                'Q' => QuotedPrintable.DecodeBytes(payload.Replace('_', ' ')),
                _ => throw new FormatException(),
            };
        }
        catch (FormatException)
        {
            return false;
        }

        decoded = Encoding.UTF8.GetString(bytes);
        end = close + 2;
        return true;
    }
}
