using Loopwise.Core.Text.Tokenization;

namespace Loopwise.Core.Text.Sentiment;

/// <summary>Scores the sentiment of sentences. Implementations are immutable and thread-safe.</summary>
public interface ISentimentAnalyzer
{
    /// <summary>The sentiment of <paramref name="sentence"/> of <paramref name="text"/>.</summary>
    SentimentScore ScoreSentence(TokenizedText text, SentenceRange sentence);
}
