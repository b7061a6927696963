using System.Globalization;

namespace Loopwise.Core.Text.Pii;

/// <summary>
/// Finds card numbers, IBANs and phone numbers in one left-to-right pass over the digit runs of a text (see
/// <see cref="PiiRedactor"/> for what is and is not taken as personal data).
/// </summary>
internal static class NumberScanner
{
    private const int MaxGroups = 24;

    private static readonly string[] CurrencyWords =
    [
        "usd", "eur", "gbp", "chf", "jpy", "cad", "aud", "nzd", "sek", "nok", "dkk", "pln", "inr", "cny",
        "dollar", "dollars", "euro", "euros", "pound", "pounds", "bucks", "cents",
    ];

    private enum IbanShape
    {
        None,
        Valid,
        BadCheckDigits,
    }

    /// <summary>Adds the numbers found to <paramref name="found"/>, skipping the e-mail addresses already in it (sorted by start).</summary>
    public static void Find(string text, List<PiiMatch> found)
    {
        var emailCount = found.Count;
        var email = 0;
        Span<int> groups = stackalloc int[2 * MaxGroups];
        var i = 0;
        while (i < text.Length)
        {
            var offset = text.AsSpan(i).IndexOfAnyInRange('0', '9');
            if (offset < 0)
            {
                return;
            }

            var d = i + offset;
            while (email < emailCount && found[email].End <= d)
            {
                email++;
            }

            if (email < emailCount && found[email].Start <= d)
            {
                i = found[email].End;
                continue;
            }

            var limit = email < emailCount ? found[email].Start : text.Length;
            i = ScanAt(text, d, limit, groups, found);
        }
    }

    /// <summary>Looks at the digit at <paramref name="d"/>; returns where scanning resumes.</summary>
    private static int ScanAt(string text, int d, int limit, Span<int> groups, List<PiiMatch> found)
    {
        if (d > 0 && char.IsLetterOrDigit(text[d - 1]))
        {
            return ScanAfterLetters(text, d, limit, found);
        }

        var start = d;
        if (d > 0 && text[d - 1] is '+' or '(')
        {
            start = d - 1;
            if (text[start] == '(' && start > 0 && text[start - 1] == '+')
            {
                start--;
            }
        }

        if (start == d && TryDate(text, d, limit, out var dateEnd))
        {
            return dateEnd;
        }

        var groupCount = GatherRun(text, d, limit, groups, out var digits);
        var end = groups[(2 * groupCount) - 1];
        if (text.AsSpan(start, end - start).Count('(') > text.AsSpan(start, end - start).Count(')') && end < limit && text[end] == ')')
        {
            end++;
        }

        var before = start > 0 ? text[start - 1] : ' ';
        if (char.IsLetterOrDigit(before) || before is '#' or '/' or '\\' or '=' or '_' or '&' or '?' or '@' or '.' || GluedAfter(text, end))
        {
            return end;
        }

        var international = text[start] is '+' or '(' || HasSeparator(text, groups, groupCount, '(') || HasSeparator(text, groups, groupCount, ')');
        var cardLike = !international && !HasSeparator(text, groups, groupCount, '.') && text[d] != '0';
        if (cardLike && digits >= 13)
        {
            // The whole run, or else the longest Luhn-valid prefix of whole groups (a card number followed by an expiry date).
            var cardEnd = -1;
            var prefix = 0;
            for (var g = 0; g < groupCount; g++)
            {
                prefix += groups[(2 * g) + 1] - groups[2 * g];
                if (prefix > 19)
                {
                    break;
                }

                if (prefix >= 13 && Luhn.IsValid(text.AsSpan(d, groups[(2 * g) + 1] - d)))
                {
                    cardEnd = groups[(2 * g) + 1];
                }
            }

            if (cardEnd > 0)
            {
                found.Add(new PiiMatch(d, cardEnd - d, PiiKind.Card));
                return cardEnd;
            }
        }

        if (digits is >= 7 and <= 15 && !IsNotPersonalNumber(text, start, end, groups, groupCount, international))
        {
            found.Add(new PiiMatch(start, end - start, PiiKind.Phone));
        }

        return end;
    }

    /// <summary>A digit right after letters: an IBAN when two letters start the word, otherwise part of a code such as "A1234567".</summary>
    private static int ScanAfterLetters(string text, int d, int limit, List<PiiMatch> found)
    {
        var wordStart = d;
        while (wordStart > 0 && char.IsAsciiLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        if (d - wordStart == 2 && (wordStart == 0 || !char.IsLetterOrDigit(text[wordStart - 1])))
        {
            var shape = MatchIban(text, wordStart, limit, out var ibanEnd);
            if (shape == IbanShape.Valid)
            {
                found.Add(new PiiMatch(wordStart, ibanEnd - wordStart, PiiKind.Iban));
            }

            if (shape != IbanShape.None)
            {
                return ibanEnd;
            }
        }

        var end = d;
        while (end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            end++;
        }

        return end;
    }

    /// <summary>
    /// An IBAN at <paramref name="start"/>: two letters, two digits, then letters and digits, optionally in groups
    /// separated by one space or hyphen, of the country's registered length and ending at a group end. Countries not
    /// in the registry need an upper-case code and are tried at every group end from the longest down.
    /// </summary>
    private static IbanShape MatchIban(string text, int start, int limit, out int end)
    {
        Span<char> chars = stackalloc char[Iban.MaxLength];
        Span<int> positions = stackalloc int[Iban.MaxLength];
        var count = 0;
        var p = start;
        while (p < limit && count < Iban.MaxLength)
        {
            var c = text[p];
            if (char.IsAsciiLetterOrDigit(c))
            {
                chars[count] = c;
                positions[count++] = p++;
            }
            else if (c is ' ' or '-' && count > 0 && p + 1 < limit && char.IsAsciiLetterOrDigit(text[p + 1]))
            {
                p++;
            }
            else
            {
                break;
            }
        }

        end = start;
        if (count < Iban.MinLength || !char.IsAsciiDigit(chars[2]) || !char.IsAsciiDigit(chars[3]))
        {
            return IbanShape.None;
        }

        var length = Iban.LengthOf(chars[0], chars[1]);
        if (length > 0)
        {
            if (count < length || !EndsGroup(text, positions[length - 1] + 1))
            {
                return IbanShape.None;
            }

            end = positions[length - 1] + 1;
            return Iban.HasValidCheckDigits(chars[..length]) ? IbanShape.Valid : IbanShape.BadCheckDigits;
        }

        if (!char.IsAsciiLetterUpper(chars[0]) || !char.IsAsciiLetterUpper(chars[1]))
        {
            return IbanShape.None;
        }

        for (length = count; length >= Iban.MinLength; length--)
        {
            if (EndsGroup(text, positions[length - 1] + 1) && Iban.HasValidCheckDigits(chars[..length]))
            {
                end = positions[length - 1] + 1;
                return IbanShape.Valid;
            }
        }

        return IbanShape.None;
    }

    private static bool EndsGroup(string text, int position) => position >= text.Length || !char.IsLetterOrDigit(text[position]);

    /// <summary>
    /// Reads digit groups from <paramref name="d"/>, joined by one to three of space, dot, dash and parentheses (at most
    /// one dot or dash). Fills <paramref name="groups"/> with start/end pairs and returns how many.
    /// </summary>
    private static int GatherRun(string text, int d, int limit, Span<int> groups, out int digits)
    {
        var count = 0;
        digits = 0;
        var p = d;
        while (true)
        {
            var groupStart = p;
            while (p < limit && char.IsAsciiDigit(text[p]))
            {
                p++;
            }

            digits += p - groupStart;
            if (count < MaxGroups)
            {
                groups[2 * count] = groupStart;
                groups[(2 * count) + 1] = p;
                count++;
            }
            else
            {
                groups[(2 * count) - 1] = p;
            }

            var q = p;
            var dashesAndDots = 0;
            while (q < limit && q - p < 3 && IsRunSeparator(text[q]))
            {
                dashesAndDots += text[q] is '-' or '.' ? 1 : 0;
                q++;
            }

            if (q == p || dashesAndDots > 1 || q >= limit || !char.IsAsciiDigit(text[q]))
            {
                return count;
            }

            p = q;
        }
    }

    private static bool IsRunSeparator(char c) => c is ' ' or '.' or '-' or '(' or ')' or '\u00A0' or '\u202F';

    private static bool HasSeparator(string text, ReadOnlySpan<int> groups, int groupCount, char separator)
    {
        for (var g = 1; g < groupCount; g++)
        {
            if (text.AsSpan(groups[(2 * g) - 1], groups[2 * g] - groups[(2 * g) - 1]).Contains(separator))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A number glued to what follows: a unit or ordinal ("1234567th"), a percentage, a path, or a decimal part after a comma.</summary>
    private static bool GluedAfter(string text, int end)
    {
        if (end >= text.Length)
        {
            return false;
        }

        var next = text[end];
        return char.IsLetterOrDigit(next) || next is '%' or '@' or '_' or '/' or '#'
            || (next is ',' or '.' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]));
    }

    /// <summary>Money, decimals, thousands groups, year ranges, IP addresses and runs of single digits: digit runs that are not phone numbers.</summary>
    private static bool IsNotPersonalNumber(string text, int start, int end, ReadOnlySpan<int> groups, int groupCount, bool international)
    {
        if (IsMoney(text, start, end))
        {
            return true;
        }

        if (international)
        {
            return false;
        }

        Span<int> lengths = stackalloc int[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            lengths[g] = groups[(2 * g) + 1] - groups[2 * g];
        }

        var separator = groupCount > 1 ? SingleSeparator(text, groups, groupCount) : '\0';

        // 1 2 3 4 5 6 7 (a scale, a list): phone numbers have at most a country code or a trunk digit on their own
        var singleDigits = 0;
        for (var g = 0; g < groupCount; g++)
        {
            singleDigits += lengths[g] == 1 ? 1 : 0;
        }

        if (singleDigits > 2)
        {
            return true;
        }

        // 1234567.89
        if (groupCount == 2 && separator == '.' && lengths[1] <= 2)
        {
            return true;
        }

        // 2019-2021
        if (groupCount == 2 && separator == '-' && lengths[0] == 4 && lengths[1] == 4 && IsYear(text, groups[0]) && IsYear(text, groups[2]))
        {
            return true;
        }

        // 1 234 567, 12.345.678
        if (groupCount >= 3 && separator is ' ' or '.' or '\u00A0' or '\u202F' && lengths[0] <= 3 && text[groups[0]] != '0')
        {
            var thousands = true;
            for (var g = 1; g < groupCount; g++)
            {
                thousands &= lengths[g] == 3;
            }

            if (thousands)
            {
                return true;
            }
        }

        // 192.168.100.200
        if (groupCount == 4 && separator == '.')
        {
            var address = true;
            for (var g = 0; g < 4; g++)
            {
                address &= lengths[g] <= 3 && int.Parse(text.AsSpan(groups[2 * g], lengths[g]), CultureInfo.InvariantCulture) <= 255;
            }

            return address;
        }

        return false;
    }

    private static bool IsYear(string text, int at) => (text[at] == '2' && text[at + 1] == '0') || (text[at] == '1' && text[at + 1] == '9');

    /// <summary>The one character that separates every pair of groups, or '\0' when they differ or are longer than one character.</summary>
    private static char SingleSeparator(string text, ReadOnlySpan<int> groups, int groupCount)
    {
        var separator = '\0';
        for (var g = 1; g < groupCount; g++)
        {
            var from = groups[(2 * g) - 1];
            if (groups[2 * g] - from != 1 || (separator != '\0' && text[from] != separator))
            {
                return '\0';
            }

            separator = text[from];
        }

        return separator;
    }

    /// <summary>A currency symbol or code right before or after the number, with at most one space between.</summary>
    private static bool IsMoney(string text, int start, int end)
    {
        var before = start - 1;
        if (before >= 0 && text[before] == ' ')
        {
            before--;
        }

        if (before >= 0 && CharUnicodeInfo.GetUnicodeCategory(text[before]) == UnicodeCategory.CurrencySymbol)
        {
            return true;
        }

        var wordEnd = before + 1;
        var wordStart = wordEnd;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        if (IsCurrencyWord(text.AsSpan(wordStart, wordEnd - wordStart)))
        {
            return true;
        }

        var after = end;
        if (after < text.Length && text[after] == ' ')
        {
            after++;
        }

        if (after < text.Length && CharUnicodeInfo.GetUnicodeCategory(text[after]) == UnicodeCategory.CurrencySymbol)
        {
            return true;
        }

        wordEnd = after;
        while (wordEnd < text.Length && char.IsLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        return IsCurrencyWord(text.AsSpan(after, wordEnd - after));
    }

    private static bool IsCurrencyWord(ReadOnlySpan<char> word)
    {
        if (word.Length < 3)
        {
            return false;
        }

        foreach (var currency in CurrencyWords)
        {
            if (word.Equals(currency, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A date at <paramref name="d"/>: year-month-day (<c>2026-01-05</c>) or day/month-month/day-year (<c>05.01.2026</c>,
    /// <c>1/5/26</c>) with the same separator twice (dash, dot or slash) and plausible ranges, not followed by more groups.
    /// </summary>
    private static bool TryDate(string text, int d, int limit, out int end)
    {
        end = d;
        var p = d;
        var first = ReadNumber(text, ref p, limit, 4, out var firstLength);
        if (firstLength == 0 || p >= limit || text[p] is not ('-' or '.' or '/'))
        {
            return false;
        }

        var separator = text[p++];
        var second = ReadNumber(text, ref p, limit, 2, out var secondLength);
        if (secondLength == 0 || p >= limit || text[p] != separator)
        {
            return false;
        }

        p++;
        var third = ReadNumber(text, ref p, limit, 4, out var thirdLength);
        if (thirdLength == 0 || (p < limit && char.IsAsciiDigit(text[p])))
        {
            return false;
        }

        if (p + 1 < limit && text[p] is '-' or '.' or '/' && char.IsAsciiDigit(text[p + 1]))
        {
            return false;
        }

        var plausible = firstLength == 4
            ? second is >= 1 and <= 12 && thirdLength <= 2 && third is >= 1 and <= 31
            : firstLength <= 2 && thirdLength is 2 or 4 && first >= 1 && second >= 1
                && ((first <= 31 && second <= 12) || (first <= 12 && second <= 31));
        end = p;
        return plausible;
    }

    private static int ReadNumber(string text, ref int position, int limit, int maxLength, out int length)
    {
        var value = 0;
        length = 0;
        while (position < limit && length <= maxLength && char.IsAsciiDigit(text[position]))
        {
            value = (value * 10) + (text[position] - '0');
            position++;
            length++;
        }

        if (length > maxLength)
        {
            length = 0;
        }

        return value;
    }
}
