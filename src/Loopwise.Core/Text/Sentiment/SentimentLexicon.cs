using Loopwise.Core.Text.Tokenization;

namespace Loopwise.Core.Text.Sentiment;

/// <summary>
/// The sentiment lexicon: the VADER valences (vader.tsv), overridden and extended by our customer-feedback lexicon
/// (cx.tsv) and emoji table (emoji.tsv), with the rule words of cx-reference §6 (negators, boosters and dampeners,
/// "but", "least", "never so", "without doubt"). Built once from the embedded tables.
/// </summary>
internal static class SentimentLexicon
{
    /// <summary>The booster increment of cx-reference §6.</summary>
    public const double BoosterIncrement = 0.293;

    // Words that negate a lexicon word up to 3 tokens later; any word containing "n't" negates too.
    internal static readonly string[] Negators =
    [
        "not", "no", "never", "none", "nobody", "noone", "nothing", "nowhere", "neither", "nor", "without", "rarely",
        "seldom", "despite", "cannot", "nope", "aint", "arent", "cant", "couldnt", "didnt", "doesnt", "dont", "hadnt",
        "hasnt", "havent", "isnt", "mightnt", "mustnt", "neednt", "shant", "shouldnt", "wasnt", "werent", "wont",
        "wouldnt", "no one", "no longer",
    ];

    // Intensifiers: +0.293 towards the sign of the word they modify.
    internal static readonly string[] Boosters =
    [
        "absolutely", "amazingly", "awfully", "completely", "considerably", "decidedly", "deeply", "downright",
        "enormously", "entirely", "especially", "exceedingly", "exceptionally", "extraordinarily", "extremely",
        "fully", "greatly", "highly", "hugely", "immensely", "incredibly", "insanely", "intensely", "majorly", "more",
        "most", "particularly", "purely", "quite", "really", "remarkably", "ridiculously", "so", "strikingly",
        "substantially", "super", "thoroughly", "totally", "tremendously", "truly", "unbelievably", "unusually",
        "utterly", "very", "freaking", "fricking", "frigging", "friggin", "soo", "sooo", "soooo", "realy", "reallly",
        "hella", "mega", "uber", "overly", "seriously", "damn", "way too", "far too", "so much", "all too",
    ];

    // Dampeners: −0.293 towards the sign of the word they modify (they weaken it).
    internal static readonly string[] Dampeners =
    [
        "almost", "barely", "hardly", "kind of", "kinda", "kindof", "sort of", "sorta", "sortof", "less", "marginally",
        "occasionally", "partly", "scarcely", "slightly", "somewhat", "a bit", "a little", "a little bit", "a tad",
        "fairly", "pretty", "mildly", "relatively", "reasonably", "a touch", "a wee bit", "just about",
    ];

    /// <summary>The full lexicon of the rule-based analyser.</summary>
    public static PhraseTable<SentimentEntry> Full { get; } = BuildFull();

    /// <summary>The VADER valences alone, single tokens only: the lexicon-only baseline.</summary>
    public static PhraseTable<double> VaderOnly { get; } = BuildVaderOnly();

    private static PhraseTable<SentimentEntry> BuildFull()
    {
        var builder = new PhraseTable<SentimentEntry>.Builder();
        foreach (var row in EmbeddedTable.Read("vader.tsv"))
        {
            var valence = EmbeddedTable.Number(row, 1, "vader.tsv");
            builder.Update(row[0], e => e with { Valence = valence });
        }

        foreach (var row in EmbeddedTable.Read("cx.tsv"))
        {
            var valence = EmbeddedTable.Number(row, 1, "cx.tsv");
            var roles = (row.Length > 2 ? row[2] : "") switch
            {
                "idiom" => SentimentRole.Fixed,
                "sticky" => SentimentRole.Sticky,
                "" => SentimentRole.None,
                var flag => throw new InvalidOperationException($"cx.tsv: \"{row[0]}\" has the unknown flag \"{flag}\"."),
            };

            // A phrase ending with a negator still negates what follows: "still not fixed", "still haven't received".
            var last = row[0][(row[0].LastIndexOf(' ') + 1)..];
            if (last != row[0] && (Array.IndexOf(Negators, last) >= 0 || last.Contains("n't", StringComparison.Ordinal)))
            {
                roles |= SentimentRole.Negator;
            }

            builder.Update(row[0], e => e with { Valence = valence, Roles = e.Roles | roles });
        }

        foreach (var row in EmbeddedTable.Read("emoji.tsv"))
        {
            var valence = EmbeddedTable.Number(row, 1, "emoji.tsv");
            builder.Update(row[0], e => e with { Valence = valence });
        }

        // Boosters and dampeners modify the next words and carry no valence of their own ("super", "pretty", "kind").
        foreach (var word in Boosters)
        {
            builder.Update(word, e => e with { Valence = 0, Booster = BoosterIncrement });
        }

        foreach (var word in Dampeners)
        {
            builder.Update(word, e => e with { Valence = 0, Booster = -BoosterIncrement });
        }

        foreach (var word in Negators)
        {
            builder.Update(word, e => e with { Roles = e.Roles | SentimentRole.Negator });
        }

        builder.Update("but", e => e with { Roles = e.Roles | SentimentRole.But });
        builder.Update("least", e => e with { Roles = e.Roles | SentimentRole.Least });
        builder.Update("at", e => e with { Roles = e.Roles | SentimentRole.LeastGuard });
        builder.Update("very", e => e with { Roles = e.Roles | SentimentRole.LeastGuard });
        builder.Update("never", e => e with { Roles = e.Roles | SentimentRole.Never });
        builder.Update("so", e => e with { Roles = e.Roles | SentimentRole.SoThis });
        builder.Update("this", e => e with { Roles = e.Roles | SentimentRole.SoThis });
        builder.Update("without", e => e with { Roles = e.Roles | SentimentRole.Without });
        builder.Update("doubt", e => e with { Roles = e.Roles | SentimentRole.Doubt });
        return builder.Build();
    }

    private static PhraseTable<double> BuildVaderOnly()
    {
        var builder = new PhraseTable<double>.Builder();
        foreach (var row in EmbeddedTable.Read("vader.tsv"))
        {
            if (!row[0].Contains(' ', StringComparison.Ordinal))
            {
                builder.Set(row[0], EmbeddedTable.Number(row, 1, "vader.tsv"));
            }
        }

        return builder.Build();
    }
}
