using Loopwise.Core.Text.Tokenization;

namespace Loopwise.Core.Text.Sentiment;

/// <summary>
/// The rule- and lexicon-based sentiment analyser of cx-reference §6, in the manner of VADER (Hutto and Gilbert 2014)
/// but our own implementation, with customer-feedback words and phrases ("on hold", "charged twice") and emoji.
/// Per sentence: each lexicon word or phrase gets its valence; boosters and dampeners up to 3 tokens before it add
/// ±0.293 (×0.95 at distance 2, ×0.9 at 3); an ALL-CAPS word or booster adds ±0.733 when the text is not all in
/// capitals; a negator up to 3 tokens before multiplies by −0.74 ("never so/this" by 1.25 instead, "without doubt"
/// not at all); "least" negates unless after "at"/"very"; a negator that is itself a lexicon word ("no") drops its
/// own valence when the next word has one; valences before the first "but" count ×0.5 and after it ×1.5 (by
/// position); then "!" (0.292 each, at most 4) and "?" (0.18 each for 2–3, 0.96 beyond) push the sum away from 0, and
/// compound = x/√(x² + 15). Idioms ("yeah right") have a fixed valence.
/// <para>
/// Three additions to VADER for customer feedback, tuned on the dev split of bench/Loopwise.TextEval: words that name
/// a problem ("refund", "cancelled") are not flipped by negation (cx.tsv flag "sticky"); emoticons and emoji are not
/// negated or boosted by the words before them ("still no callback :(" stays sad); and an information question (one
/// "?", first word "what", "is", "can", ... but not "why") counts <see cref="QuestionFactor"/> of its valences.
/// </para>
/// </summary>
public sealed class VaderStyleSentimentAnalyzer : ISentimentAnalyzer
{
    /// <summary>The capitals increment.</summary>
    public const double CapsIncrement = 0.733;

    /// <summary>The negation factor.</summary>
    public const double NegationFactor = -0.74;

    /// <summary>The shared instance (the analyser is immutable).</summary>
    public static VaderStyleSentimentAnalyzer Instance { get; } = new();

    /// <summary>
    /// The factor on the valences of an information question ("What is the rate on the easy access saver?", "Is
    /// telehealth available for new problems?"): such questions name things rather than judge them. Questions that
    /// start with "why" or carry "!" or several "?" keep their valences (indignation).
    /// </summary>
    public const double QuestionFactor = 0.25;

    private const int StackUnits = 96;

    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> QuestionWords =
        System.Collections.Frozen.FrozenSet.Create(StringComparer.Ordinal,
            "what", "which", "how", "is", "are", "can", "could", "do", "does", "did", "when", "where", "will", "would",
            "should", "who", "may", "shall", "has", "have", "any", "was", "were", "whats", "what's")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly PhraseTable<SentimentEntry> _lexicon = SentimentLexicon.Full;

    /// <inheritdoc />
    public SentimentScore ScoreSentence(TokenizedText text, SentenceRange sentence)
    {
        var tokens = text.TokensOf(sentence);
        Span<Unit> units = tokens.Length <= StackUnits ? stackalloc Unit[tokens.Length] : new Unit[tokens.Length];
        int count = 0, exclamations = 0, questions = 0;
        for (var t = 0; t < tokens.Length;)
        {
            var token = tokens[t];
            if (token.Kind == TokenKind.Punctuation)
            {
                var chars = text.Original(token);
                exclamations += chars.Count('!');
                questions += chars.Count('?');
                t++;
                continue;
            }

            var length = _lexicon.Match(text, tokens, t, out var entry);
            length = Math.Max(length, 1);

            var symbol = length == 1 && token.Kind is TokenKind.Emoticon or TokenKind.Emoji;
            units[count++] = new Unit(Negation(text, token, length, entry), IsCaps(text, tokens.Slice(t, length)), length > 1, symbol);
            t += length;
        }

        if (count == 0)
        {
            return SentimentScore.None;
        }

        units = units[..count];
        Span<double> valences = count <= StackUnits ? stackalloc double[count] : new double[count];
        valences = valences[..count];
        for (var i = 0; i < count; i++)
        {
            valences[i] = Valence(units, i);
        }

        ApplyBut(units, valences);
        if (questions == 1 && exclamations == 0 && IsInformationQuestion(text, tokens))
        {
            foreach (ref var v in valences)
            {
                v *= QuestionFactor;
            }
        }

        return Score(valences, exclamations, questions);
    }

    /// <summary>Whether the sentence ends with "?" and starts with a question word other than "why".</summary>
    private static bool IsInformationQuestion(TokenizedText text, ReadOnlySpan<Token> tokens)
    {
        if (tokens.Length < 2 || tokens[^1].Kind != TokenKind.Punctuation || !text.Original(tokens[^1]).Contains('?'))
        {
            return false;
        }

        foreach (var token in tokens)
        {
            if (token.IsLexical)
            {
                return token.Kind == TokenKind.Word && QuestionWords.Contains(text.LowerOf(token));
            }
        }

        return false;
    }

    /// <summary>Any single word with "n't" negates, listed or not ("haven't", "shouldn't've").</summary>
    private static SentimentEntry Negation(TokenizedText text, Token token, int length, SentimentEntry entry) =>
        length == 1 && token.Kind == TokenKind.Word && text.LowerOf(token).IndexOf("n't", StringComparison.Ordinal) >= 0
            ? entry with { Roles = entry.Roles | SentimentRole.Negator }
            : entry;

    /// <summary>Whether a unit is in capitals for emphasis: its words are ALL-CAPS in a text that is not.</summary>
    private static bool IsCaps(TokenizedText text, ReadOnlySpan<Token> tokens)
    {
        if (!text.MixedCase)
        {
            return false;
        }

        var words = 0;
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Word)
            {
                if (!token.Has(TokenFlags.AllCaps))
                {
                    return false;
                }

                words++;
            }
        }

        return words > 0;
    }

    /// <summary>The valence of unit <paramref name="i"/> after capitals, boosters, negation and "least".</summary>
    private static double Valence(ReadOnlySpan<Unit> units, int i)
    {
        var unit = units[i].Entry;
        if (unit.Valence == 0 || unit.Booster != 0)
        {
            return 0;
        }

        // "no good": a negator word with a valence of its own negates the next word and loses its own valence.
        if (unit.Has(SentimentRole.Negator) && !units[i].Phrase && i + 1 < units.Length && units[i + 1].Entry.Valence != 0 && units[i + 1].Entry.Booster == 0)
        {
            return 0;
        }

        var valence = unit.Valence;
        if (unit.Has(SentimentRole.Fixed) || units[i].Symbol)
        {
            // Idioms are fixed; an emoticon or emoji is a mark of its own that words before it do not negate or boost
            // ("still no callback :(" stays sad).
            return valence;
        }

        if (units[i].Caps)
        {
            valence += valence > 0 ? CapsIncrement : -CapsIncrement;
        }

        for (var distance = 1; distance <= 3 && i - distance >= 0; distance++)
        {
            var before = units[i - distance];
            if (before.Entry.Booster != 0)
            {
                var scalar = valence > 0 ? before.Entry.Booster : -before.Entry.Booster;
                if (before.Caps)
                {
                    scalar += valence > 0 ? CapsIncrement : -CapsIncrement;
                }

                valence += scalar * distance switch { 1 => 1.0, 2 => 0.95, _ => 0.9 };
            }

            if (before.Entry.Has(SentimentRole.Negator) && !unit.Has(SentimentRole.Sticky))
            {
                var next = units[i - distance + 1].Entry;
                if (distance >= 2 && before.Entry.Has(SentimentRole.Never) && next.Has(SentimentRole.SoThis))
                {
                    valence *= 1.25;
                }
                else if (!(distance >= 2 && before.Entry.Has(SentimentRole.Without) && next.Has(SentimentRole.Doubt)))
                {
                    valence *= NegationFactor;
                }
            }
        }

        if (!unit.Has(SentimentRole.Sticky) && i >= 1 && units[i - 1].Entry.Has(SentimentRole.Least) && !(i >= 2 && units[i - 2].Entry.Has(SentimentRole.LeastGuard)))
        {
            valence *= NegationFactor;
        }

        return valence;
    }

    /// <summary>Valences before the first "but" count half, after it one and a half times (by position, not by value).</summary>
    private static void ApplyBut(ReadOnlySpan<Unit> units, Span<double> valences)
    {
        for (var b = 0; b < units.Length; b++)
        {
            if (units[b].Entry.Has(SentimentRole.But))
            {
                for (var i = 0; i < valences.Length; i++)
                {
                    valences[i] *= i < b ? 0.5 : i > b ? 1.5 : 1.0;
                }

                return;
            }
        }
    }

    /// <summary>Sums the valences, adds the punctuation emphasis and derives compound and proportions.</summary>
    internal static SentimentScore Score(ReadOnlySpan<double> valences, int exclamations, int questions)
    {
        double sum = 0, positive = 0, negative = 0;
        var neutral = 0;
        foreach (var v in valences)
        {
            sum += v;
            if (v > 0)
            {
                positive += v + 1;
            }
            else if (v < 0)
            {
                negative += v - 1;
            }
            else
            {
                neutral++;
            }
        }

        var emphasis = Punctuation(exclamations, questions);
        sum += sum > 0 ? emphasis : sum < 0 ? -emphasis : 0;
        if (positive > -negative)
        {
            positive += emphasis;
        }
        else if (positive < -negative)
        {
            negative -= emphasis;
        }

        var total = positive - negative + neutral;
        return new SentimentScore(Compound.Normalize(sum), positive / total, neutral / total, Math.Abs(negative) / total);
    }

    /// <summary>"!" adds 0.292 each (at most 4); two or three "?" add 0.18 each, more than three 0.96.</summary>
    internal static double Punctuation(int exclamations, int questions) =>
        (Math.Min(exclamations, 4) * 0.292) + (questions <= 1 ? 0 : questions <= 3 ? questions * 0.18 : 0.96);

    private readonly record struct Unit(SentimentEntry Entry, bool Caps, bool Phrase, bool Symbol);
}
