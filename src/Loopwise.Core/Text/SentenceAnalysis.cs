namespace Loopwise.Core.Text;

/// <summary>One sentence of a comment: where it is in the redacted text and its sentiment.</summary>
public readonly record struct SentenceAnalysis(TextSpan Span, SentimentScore Sentiment);
