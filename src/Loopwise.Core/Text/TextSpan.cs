namespace Loopwise.Core.Text;

/// <summary>A range of characters in a comment's (redacted) text.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>One past the last character.</summary>
    public int End => Start + Length;
}
