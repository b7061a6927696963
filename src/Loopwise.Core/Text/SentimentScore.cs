namespace Loopwise.Core.Text;

/// <summary>
/// Sentiment of a sentence or a comment: the normalised <paramref name="Compound"/> in −1..1 and the proportions of
/// positive, neutral and negative weight (they sum to 1, or are all 0 for an empty text).
/// </summary>
public readonly record struct SentimentScore(double Compound, double Positive, double Neutral, double Negative)
{
    /// <summary>A text with no sentiment-bearing word.</summary>
    public static SentimentScore None => default;

    public SentimentLabel Label => Compound >= 0.05 ? SentimentLabel.Positive
        : Compound <= -0.05 ? SentimentLabel.Negative
        : SentimentLabel.Neutral;
}
