using System.Collections.Frozen;

namespace Loopwise.Core.Text.Tokenization;

/// <summary>Abbreviations whose dot belongs to the word, not to the sentence (lower case, without the final dot).</summary>
internal static class Abbreviations
{
    // Titles, Latin shorthand, months and units that are followed by more of the same sentence.
    private static readonly FrozenSet<string> Inner = FrozenSet.Create(StringComparer.Ordinal,
        "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "mt", "rev", "hon", "capt", "gen", "sgt", "lt", "col",
        "vs", "e.g", "i.e", "cf", "ca", "viz", "approx", "appt", "dept", "ref", "acct", "tel", "ext", "fig",
        "ave", "blvd", "jan", "feb", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "govt", "nr", "mon", "tue",
        "tues", "thu", "thur", "thurs", "fri", "incl", "excl", "esp", "div", "univ");

    // Abbreviations that often close a sentence too: a capital after them starts a new one.
    private static readonly FrozenSet<string> Final = FrozenSet.Create(StringComparer.Ordinal,
        "etc", "inc", "ltd", "co", "corp", "llc", "plc", "min", "mins", "hr", "hrs", "sec", "secs", "wk", "wks", "yr",
        "yrs", "mo", "mos", "am", "pm");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> InnerLookup =
        Inner.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FinalLookup =
        Final.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether <paramref name="lowerWord"/> (no final dot) takes the dot that follows it; <paramref name="final"/> tells
    /// whether it may end a sentence as well. Words with inner dots ("u.s", "a.m") take it and may end a sentence,
    /// unless listed as inner ("e.g", "i.e").
    /// </summary>
    public static bool Takes(ReadOnlySpan<char> lowerWord, out bool final)
    {
        if (InnerLookup.Contains(lowerWord))
        {
            final = false;
            return true;
        }

        final = lowerWord.Contains('.') || FinalLookup.Contains(lowerWord);
        return final;
    }
}
