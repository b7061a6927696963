using System.Collections.Frozen;

namespace Loopwise.Core.Text.Tokenization;

/// <summary>
/// The emoticons the tokeniser keeps whole (":)", ":-(", "&lt;3", ":D"): every lexicon key without spaces that has a
/// character other than a letter, a digit, an apostrophe or a hyphen. Keys keep their case (":D" and ":d" differ).
/// </summary>
internal static class Emoticons
{
    private static readonly FrozenSet<string> Set = Build();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Set.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The longest emoticon, in characters.</summary>
    public static int MaxLength { get; } = Set.Count == 0 ? 0 : Set.Max(e => e.Length);

    /// <summary>Whether <paramref name="candidate"/> (as written, or in lower case) is an emoticon.</summary>
    public static bool Contains(ReadOnlySpan<char> candidate, ReadOnlySpan<char> lowerCandidate) =>
        candidate.Length <= MaxLength && (Lookup.Contains(candidate) || Lookup.Contains(lowerCandidate));

    private static FrozenSet<string> Build()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in new[] { "vader.tsv", "cx.tsv" })
        {
            foreach (var row in EmbeddedTable.Read(file))
            {
                if (IsEmoticon(row[0]))
                {
                    set.Add(row[0]);
                }
            }
        }

        return set.ToFrozenSet(StringComparer.Ordinal);
    }

    private static bool IsEmoticon(string key)
    {
        var symbol = false;
        foreach (var c in key)
        {
            if (char.IsWhiteSpace(c))
            {
                return false;
            }

            symbol |= !char.IsLetterOrDigit(c) && c != '\'' && c != '-';
        }

        return symbol;
    }
}
