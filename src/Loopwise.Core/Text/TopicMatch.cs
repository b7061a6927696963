namespace Loopwise.Core.Text;

/// <summary>
/// A taxonomy topic found in a comment: the phrases that matched it (spans in the redacted text) and the aspect
/// sentiment, the mean compound of the sentences that mention it. A matched child topic brings its ancestors too.
/// </summary>
public sealed record TopicMatch(string Key, IReadOnlyList<TextSpan> Phrases, SentimentScore Sentiment);
