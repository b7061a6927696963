namespace Loopwise.Core.Text.Pii;

/// <summary>One redaction: its kind and the span of its token (such as <c>[EMAIL]</c>) in the redacted text.</summary>
public readonly record struct PiiRedaction(PiiKind Kind, TextSpan Token);
