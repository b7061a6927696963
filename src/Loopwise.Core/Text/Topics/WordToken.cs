namespace Loopwise.Core.Text.Topics;

/// <summary>
/// A word of a sentence: its span in the tokenised text and whether it continues a phrase with the word before it
/// (<paramref name="Joined"/>: only spaces, hyphens, slashes, apostrophes or quotes between them, no , ; : . ! ? or brackets).
/// </summary>
internal readonly record struct WordToken(int Start, int Length, bool Joined)
{
    public int End => Start + Length;
}
