using Loopwise.Core.Text.Pii;

namespace Loopwise.Core.Text;

/// <summary>
/// Everything Loopwise reads from one comment. <see cref="Text"/> is the redacted text: every span refers to it and
/// the original is never kept here. <see cref="Language"/> is an ISO 639-1 code ("und" when undetermined); when it is
/// not supported, sentiment, emotions and topics are empty rather than mis-scored.
/// </summary>
public sealed record CommentAnalysis(
    string Text,
    string Language,
    bool LanguageSupported,
    SentimentScore Sentiment,
    IReadOnlyList<SentenceAnalysis> Sentences,
    IReadOnlyList<EmotionScore> Emotions,
    IReadOnlyList<TopicMatch> Topics,
    IReadOnlyList<PiiRedaction> Redactions);
