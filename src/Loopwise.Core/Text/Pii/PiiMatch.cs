namespace Loopwise.Core.Text.Pii;

/// <summary>A span of the original text that holds personal data of one kind.</summary>
internal readonly record struct PiiMatch(int Start, int Length, PiiKind Kind)
{
    public int End => Start + Length;
}
