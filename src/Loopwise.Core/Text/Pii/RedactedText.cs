namespace Loopwise.Core.Text.Pii;

/// <summary>A text with its personal data replaced by typed tokens, and what was replaced.</summary>
public sealed record RedactedText(string Text, IReadOnlyList<PiiRedaction> Redactions)
{
    public int Count(PiiKind kind) => Redactions.Count(r => r.Kind == kind);
}
