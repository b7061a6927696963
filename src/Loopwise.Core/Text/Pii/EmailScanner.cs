namespace Loopwise.Core.Text.Pii;

/// <summary>
/// Finds <c>local@domain.tld</c> addresses, a simplified RFC 5322 <c>addr-spec</c>: the local part is letters, digits
/// and <c>! # $ % &amp; * + / = ? ^ _ { | } ~ - .</c> (no leading, trailing or doubled dot; quoted local parts are not
/// recognised); the domain is two or more labels of letters, digits and inner hyphens, the last one at least two
/// letters. Letters may be non-ASCII (internationalised addresses, RFC 6531).
/// </summary>
internal static class EmailScanner
{
    public static void Find(string text, List<PiiMatch> found)
    {
        var lastEnd = 0;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        while (at >= 0)
        {
            var next = at + 1;
            if (at >= lastEnd && TryMatchAt(text, at, lastEnd, out var start, out var end))
            {
                found.Add(new PiiMatch(start, end - start, PiiKind.Email));
                lastEnd = end;
                next = end;
            }

            at = next < text.Length ? text.IndexOf('@', next) : -1;
        }
    }

    private static bool TryMatchAt(string text, int at, int floor, out int start, out int end)
    {
        start = at;
        end = at;
        while (start > floor && IsLocalChar(text[start - 1]))
        {
            start--;
        }

        while (start < at && text[start] == '.')
        {
            start++;
        }

        if (start == at || text[at - 1] == '.' || text.AsSpan(start, at - start).IndexOf("..", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        var position = at + 1;
        var labels = 0;
        var lastLabelAllLetters = false;
        var lastLabelLength = 0;
        while (true)
        {
            var labelStart = position;
            var allLetters = true;
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '-'))
            {
                allLetters &= char.IsLetter(text[position]);
                position++;
            }

            var length = position - labelStart;
            if (length == 0 || text[labelStart] == '-' || text[position - 1] == '-')
            {
                return false;
            }

            labels++;
            lastLabelAllLetters = allLetters;
            lastLabelLength = length;
            end = position;
            if (position + 1 < text.Length && text[position] == '.' && char.IsLetterOrDigit(text[position + 1]))
            {
                position++;
                continue;
            }

            break;
        }

        return labels >= 2 && lastLabelAllLetters && lastLabelLength >= 2;
    }

    private static bool IsLocalChar(char c) => char.IsLetterOrDigit(c) || c switch
    {
        '.' or '!' or '#' or '$' or '%' or '&' or '*' or '+' or '/' or '=' or '?' or '^' or '_' or '{' or '|' or '}' or '~' or '-' => true,
        _ => false,
    };
}
