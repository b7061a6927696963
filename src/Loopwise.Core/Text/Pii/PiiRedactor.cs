using System.Text;

namespace Loopwise.Core.Text.Pii;

/// <summary>
/// Finds e-mail addresses, phone numbers, payment card numbers (Luhn-checked) and IBANs (mod-97-checked) and replaces
/// each with a typed token: <c>[EMAIL]</c>, <c>[PHONE]</c>, <c>[CARD]</c>, <c>[IBAN]</c> (cx-reference §6).
/// </summary>
/// <remarks>
/// Hand-written scanners, no regular expressions. A text without an <c>@</c> and with fewer than seven digits is
/// returned as it is after two vectorised scans. Digit runs are phone-like when they hold 7–15 digits joined by
/// spaces, dots, dashes or parentheses (optionally after a <c>+</c>); these are left alone as not personal: dates
/// (<c>2026-01-05</c>, <c>05.01.2026</c>, <c>1/5/2026</c>), year ranges (<c>2019-2021</c>), times (a colon ends a run),
/// money (a currency symbol or code next to the number, decimals such as <c>1234567.89</c> or <c>1.234.567,89</c>,
/// thousands groups such as <c>1 234 567</c>), IP addresses, runs of single digits (<c>1 2 3 4 5 6 7</c>), and numbers glued to letters or to <c>#</c>, <c>/</c>,
/// <c>=</c>, <c>_</c> (product codes, URLs, order references such as <c>#1234567</c>). A bare order number of 7–15
/// digits is still redacted as a phone: there is no telling it apart.
/// </remarks>
public static class PiiRedactor
{
    /// <summary>The token that replaces personal data of <paramref name="kind"/>.</summary>
    public static string TokenFor(PiiKind kind) => kind switch
    {
        PiiKind.Email => "[EMAIL]",
        PiiKind.Phone => "[PHONE]",
        PiiKind.Card => "[CARD]",
        PiiKind.Iban => "[IBAN]",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Replaces every e-mail address, phone number, card number and IBAN in <paramref name="text"/> by its token.</summary>
    public static RedactedText Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!MayContainPii(text))
        {
            return new RedactedText(text, []);
        }

        var found = new List<PiiMatch>();
        EmailScanner.Find(text, found);
        NumberScanner.Find(text, found);
        if (found.Count == 0)
        {
            return new RedactedText(text, []);
        }

        found.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var builder = new StringBuilder(text.Length);
        var redactions = new PiiRedaction[found.Count];
        var copied = 0;
        for (var i = 0; i < found.Count; i++)
        {
            var match = found[i];
            builder.Append(text, copied, match.Start - copied);
            var token = TokenFor(match.Kind);
            redactions[i] = new PiiRedaction(match.Kind, new TextSpan(builder.Length, token.Length));
            builder.Append(token);
            copied = match.Start + match.Length;
        }

        builder.Append(text, copied, text.Length - copied);
        return new RedactedText(builder.ToString(), redactions);
    }

    /// <summary>The fast pre-check: an <c>@</c>, or at least seven digits (the fewest any pattern needs).</summary>
    internal static bool MayContainPii(ReadOnlySpan<char> text)
    {
        if (text.Contains('@'))
        {
            return true;
        }

        var digits = 0;
        var at = text.IndexOfAnyInRange('0', '9');
        while (at >= 0)
        {
            text = text[at..];
            var run = text.IndexOfAnyExceptInRange('0', '9');
            if (run < 0)
            {
                run = text.Length;
            }

            digits += run;
            if (digits >= 7)
            {
                return true;
            }

            text = text[run..];
            at = text.IndexOfAnyInRange('0', '9');
        }

        return false;
    }
}
