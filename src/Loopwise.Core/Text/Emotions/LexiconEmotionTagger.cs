using Loopwise.Core.Text.Sentiment;
using Loopwise.Core.Text.Tokenization;

namespace Loopwise.Core.Text.Emotions;

/// <summary>
/// Tags emotions with our own customer-feedback lexicon (emotions.tsv: words, phrases and emoji for every
/// <see cref="Emotion"/>; not NRC EmoLex, whose licence forbids commercial use). A cue counts once per occurrence with
/// its weight; a negator up to 3 tokens before it (the negators of the sentiment rules, any "n't" word) cancels it;
/// boosters and dampeners up to 3 tokens before multiply its intensity by 1 ± 0.293 (×0.95 at distance 2, ×0.9 at 3),
/// and capitals (in a text not all in capitals) by 1.733.
/// </summary>
public sealed class LexiconEmotionTagger : IEmotionTagger
{
    /// <summary>The shared instance (the tagger is immutable).</summary>
    public static LexiconEmotionTagger Instance { get; } = new();

    private const int Window = 3;
    private static readonly int EmotionCount = Enum.GetValues<Emotion>().Length;

    private readonly PhraseTable<EmotionEntry> _lexicon = Build();

    /// <inheritdoc />
    public IReadOnlyList<EmotionScore> Tag(TokenizedText text)
    {
        Span<double> intensity = stackalloc double[EmotionCount];
        Span<int> cues = stackalloc int[EmotionCount];
        intensity.Clear();
        cues.Clear();
        var found = false;
        foreach (var sentence in text.Sentences)
        {
            found |= TagSentence(text, text.TokensOf(sentence), intensity, cues);
        }

        if (!found)
        {
            return [];
        }

        var scores = new List<EmotionScore>(2);
        for (var e = 0; e < EmotionCount; e++)
        {
            if (cues[e] > 0)
            {
                scores.Add(new EmotionScore((Emotion)e, cues[e], intensity[e]));
            }
        }

        scores.Sort(static (a, b) => b.Intensity != a.Intensity ? b.Intensity.CompareTo(a.Intensity) : a.Emotion.CompareTo(b.Emotion));
        return scores;
    }

    private bool TagSentence(TokenizedText text, ReadOnlySpan<Token> tokens, Span<double> intensity, Span<int> cues)
    {
        // The last 3 units before the current one: their booster and whether they negate, as a small ring.
        Span<double> boosters = stackalloc double[Window];
        Span<bool> negators = stackalloc bool[Window];
        boosters.Clear();
        negators.Clear();
        var seen = 0;
        var found = false;
        for (var t = 0; t < tokens.Length;)
        {
            var token = tokens[t];
            if (token.Kind == TokenKind.Punctuation)
            {
                t++;
                continue;
            }

            var length = Math.Max(1, _lexicon.Match(text, tokens, t, out var entry));
            var caps = text.MixedCase && length == 1 && token.Kind == TokenKind.Word && token.Has(TokenFlags.AllCaps);
            if (entry.Cues is { } entryCues)
            {
                var negated = false;
                var factor = caps ? 1.733 : 1.0;
                for (var d = 1; d <= Math.Min(Window, seen); d++)
                {
                    var slot = (seen - d) % Window;
                    negated |= negators[slot];
                    factor += boosters[slot] * (d switch { 1 => 1.0, 2 => 0.95, _ => 0.9 });
                }

                if (!negated)
                {
                    foreach (var cue in entryCues)
                    {
                        if (cue.Weight > 0)
                        {
                            intensity[(int)cue.Emotion] += cue.Weight * Math.Max(factor, 0.1);
                            cues[(int)cue.Emotion]++;
                            found = true;
                        }
                    }
                }
            }

            var negator = entry.Negator || (length == 1 && token.Kind == TokenKind.Word && text.LowerOf(token).IndexOf("n't", StringComparison.Ordinal) >= 0);
            var booster = entry.Booster;
            if (booster != 0 && text.MixedCase && token.Has(TokenFlags.AllCaps))
            {
                booster += booster > 0 ? 0.733 : -0.733;
            }

            boosters[seen % Window] = booster;
            negators[seen % Window] = negator;
            seen++;
            t += length;
        }

        return found;
    }

    private static PhraseTable<EmotionEntry> Build()
    {
        var builder = new PhraseTable<EmotionEntry>.Builder();
        foreach (var row in EmbeddedTable.Read("emotions.tsv"))
        {
            var weight = EmbeddedTable.Number(row, 2, "emotions.tsv");
            EmotionCue cue;
            if (row[1] == "none")
            {
                cue = default;
            }
            else if (Enum.TryParse<Emotion>(row[1], ignoreCase: true, out var emotion))
            {
                cue = new EmotionCue(emotion, weight);
            }
            else
            {
                throw new InvalidOperationException($"emotions.tsv: \"{row[0]}\" names the unknown emotion \"{row[1]}\".");
            }

            // A phrase ending with a negator ("still not") negates what follows it, as in the sentiment rules.
            var last = row[0][(row[0].LastIndexOf(' ') + 1)..];
            var negator = last != row[0] && (Array.IndexOf(SentimentLexicon.Negators, last) >= 0 || last.Contains("n't", StringComparison.Ordinal));
            builder.Update(row[0], e => e with { Cues = [.. e.Cues ?? [], cue], Negator = e.Negator || negator });
        }

        foreach (var word in SentimentLexicon.Boosters)
        {
            builder.Update(word, e => e with { Booster = SentimentLexicon.BoosterIncrement });
        }

        foreach (var word in SentimentLexicon.Dampeners)
        {
            builder.Update(word, e => e with { Booster = -SentimentLexicon.BoosterIncrement });
        }

        foreach (var word in SentimentLexicon.Negators)
        {
            builder.Update(word, e => e with { Negator = true });
        }

        return builder.Build();
    }

    private readonly record struct EmotionCue(Emotion Emotion, double Weight);

    private readonly record struct EmotionEntry(EmotionCue[]? Cues, double Booster, bool Negator);
}
