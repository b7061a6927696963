using Loopwise.Core.Text.Tokenization;

namespace Loopwise.Core.Text.Sentiment;

/// <summary>
/// The lexicon-only baseline for evaluation: the sum of the VADER valences of the tokens, with no rule at all (no
/// negation, boosters, capitals, "but", punctuation, domain lexicon or phrases), normalised like the compound and
/// labelled with the same ±0.05 thresholds. It shows what the rules and the domain lexicon add.
/// </summary>
public sealed class LexiconBaselineSentimentAnalyzer : ISentimentAnalyzer
{
    /// <summary>The shared instance (the analyser is immutable).</summary>
    public static LexiconBaselineSentimentAnalyzer Instance { get; } = new();

    private readonly PhraseTable<double> _lexicon = SentimentLexicon.VaderOnly;

    /// <inheritdoc />
    public SentimentScore ScoreSentence(TokenizedText text, SentenceRange sentence) => Sum(text, text.TokensOf(sentence));

    /// <summary>The baseline of a whole comment: one sum over all its tokens (not a mean of sentences).</summary>
    public SentimentScore ScoreText(TokenizedText text) => Sum(text, text.TokenSpan);

    private SentimentScore Sum(TokenizedText text, ReadOnlySpan<Token> tokens)
    {
        double sum = 0, positive = 0, negative = 0;
        var neutral = 0;
        foreach (var token in tokens)
        {
            if (!token.IsLexical)
            {
                continue;
            }

            var valence = _lexicon.TryGet(text, token, out var v) ? v : 0;
            sum += valence;
            positive += valence > 0 ? valence + 1 : 0;
            negative += valence < 0 ? 1 - valence : 0;
            neutral += valence == 0 ? 1 : 0;
        }

        var total = positive + negative + neutral;
        return total == 0 ? SentimentScore.None : new SentimentScore(Compound.Normalize(sum), positive / total, neutral / total, negative / total);
    }
}
