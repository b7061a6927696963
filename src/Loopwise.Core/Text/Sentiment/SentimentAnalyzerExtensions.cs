using Loopwise.Core.Text.Tokenization;

namespace Loopwise.Core.Text.Sentiment;

/// <summary>Scores whole comments with an <see cref="ISentimentAnalyzer"/>.</summary>
public static class SentimentAnalyzerExtensions
{
    /// <summary>The sentiment of a comment: the mean of its sentences' scores (cx-reference §6); <see cref="SentimentScore.None"/> when it has none.</summary>
    public static SentimentScore Score(this ISentimentAnalyzer analyzer, TokenizedText text)
    {
        var sentences = text.Sentences;
        if (sentences.Count == 1)
        {
            return analyzer.ScoreSentence(text, sentences[0]);
        }

        double compound = 0, positive = 0, neutral = 0, negative = 0;
        foreach (var sentence in sentences)
        {
            var score = analyzer.ScoreSentence(text, sentence);
            compound += score.Compound;
            positive += score.Positive;
            neutral += score.Neutral;
            negative += score.Negative;
        }

        var n = sentences.Count;
        return n == 0 ? SentimentScore.None : new SentimentScore(compound / n, positive / n, neutral / n, negative / n);
    }

    /// <summary>The sentiment of the comment <paramref name="text"/>, tokenised first.</summary>
    public static SentimentScore Score(this ISentimentAnalyzer analyzer, string text) => analyzer.Score(TokenizedText.Create(text));
}
