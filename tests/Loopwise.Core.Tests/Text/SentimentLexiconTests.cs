using Loopwise.Core.Text.Sentiment;
using Loopwise.Core.Text.Tokenization;

namespace Loopwise.Core.Tests.Text;

public class SentimentLexiconTests
{
    [Fact]
    public void The_lexicon_holds_vader_and_the_cx_phrases()
    {
        Assert.InRange(SentimentLexicon.VaderOnly.WordCount, 7400, 7600);
        Assert.InRange(SentimentLexicon.Full.WordCount, 7400, 8200);
        Assert.InRange(SentimentLexicon.Full.PhraseCount, 500, 1000);
    }

    [Theory]
    [InlineData("support", 0)]      // a department in feedback, +1.7 in VADER
    [InlineData("please", 0)]       // a request, +1.3 in VADER
    [InlineData("good", 1.9)]       // VADER, untouched
    [InlineData("slow", -1.3)]      // cx: not in VADER at all
    [InlineData("super", 0)]        // a booster: no valence of its own
    [InlineData("😡", -3.0)]        // emoji table
    public void Cx_entries_override_and_extend_vader(string word, double valence)
    {
        var text = TokenizedText.Create(word);
        var found = SentimentLexicon.Full.TryGet(text, text.Tokens[0], out var entry);

        Assert.Equal(valence, found ? entry.Valence : 0, 1e-12);
    }

    [Fact]
    public void Phrases_match_the_longest_first_and_never_across_punctuation()
    {
        var text = TokenizedText.Create("I was kept on hold, on. hold");
        var tokens = text.TokenSpan;

        Assert.Equal(3, SentimentLexicon.Full.Match(text, tokens, 2, out var kept));
        Assert.Equal(-2.0, kept.Valence);
        Assert.Equal(0, SentimentLexicon.Full.Match(text, tokens, 6, out _)); // "on" then "." : no phrase, no valence
    }
}
