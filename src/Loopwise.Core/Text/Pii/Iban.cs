namespace Loopwise.Core.Text.Pii;

/// <summary>
/// IBAN facts (ISO 13616): the length of each country's IBAN from the SWIFT registry, as far as listed here, and the
/// ISO 7064 MOD 97-10 check: move the first four characters to the end, read letters as 10–35, and the number taken
/// mod 97 must be 1.
/// </summary>
internal static class Iban
{
    /// <summary>Shortest and longest IBAN of any country (Norway, Saint Lucia and Russia are the ends).</summary>
    public const int MinLength = 15;

    public const int MaxLength = 34;

    private const string Registry =
        "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 DO28 EE20 EG29 " +
        "ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 " +
        "LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 " +
        "PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 " +
        "VG24 XK20 YE30";

    private static readonly byte[] Lengths = BuildLengths();

    /// <summary>The IBAN length of the country with the code <paramref name="first"/><paramref name="second"/> (either case), or 0 when not listed.</summary>
    public static int LengthOf(char first, char second)
    {
        first = char.ToUpperInvariant(first);
        second = char.ToUpperInvariant(second);
        return char.IsAsciiLetterUpper(first) && char.IsAsciiLetterUpper(second)
            ? Lengths[((first - 'A') * 26) + (second - 'A')]
            : 0;
    }

    /// <summary>The MOD 97-10 check of an IBAN given without separators; letters of either case.</summary>
    public static bool HasValidCheckDigits(ReadOnlySpan<char> iban)
    {
        if (iban.Length < 5)
        {
            return false;
        }

        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = char.ToUpperInvariant(iban[(i + 4) % iban.Length]);
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                remainder = ((remainder * 100) + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }

    private static byte[] BuildLengths()
    {
        var lengths = new byte[26 * 26];
        foreach (var entry in Registry.Split(' '))
        {
            lengths[((entry[0] - 'A') * 26) + (entry[1] - 'A')] = (byte)(((entry[2] - '0') * 10) + (entry[3] - '0'));
        }

        return lengths;
    }
}
