namespace Loopwise.Core.Text.Pii;

/// <summary>
/// The Luhn check of payment card numbers (cx-reference §6): from the rightmost digit, double every second digit,
/// subtract 9 from results above 9, sum all; valid when the sum is a multiple of 10. Characters other than ASCII
/// digits (spaces, hyphens) are skipped.
/// </summary>
internal static class Luhn
{
    public static bool IsValid(ReadOnlySpan<char> number)
    {
        var sum = 0;
        var digits = 0;
        for (var i = number.Length - 1; i >= 0; i--)
        {
            var c = number[i];
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            var value = c - '0';
            if ((digits & 1) == 1)
            {
                value *= 2;
                if (value > 9)
                {
                    value -= 9;
                }
            }

            sum += value;
            digits++;
        }

        return digits > 0 && sum % 10 == 0;
    }
}
