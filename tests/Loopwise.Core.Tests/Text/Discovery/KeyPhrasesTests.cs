using Loopwise.Core.Text.Discovery;
using Loopwise.Core.Text.Topics;

namespace Loopwise.Core.Tests.Text.Discovery;

public class KeyPhrasesTests
{
    private static readonly string[] Deliveries =
    [
        "Late delivery again.",
        "The delivery was late and the driver was rude.",
        "Late delivery, rude driver.",
        "Great coffee.",
        "Great coffee and friendly staff.",
        "Parking was a nightmare.",
        "Parking is a nightmare every Saturday.",
        "The delivery came on time.",
    ];

    [Fact]
    public void Candidates_have_no_stop_word_at_either_end_a_specific_word_and_do_not_cross_punctuation()
    {
        var phrases = KeyPhrases.Phrases("The delivery was late, rude driver and an hour on hold. Great, three weeks.", 3).ToList();

        Assert.Equal(["delivery", "delivery was late", "late", "rude", "rude driver", "driver", "hour on hold", "hold"], phrases);
    }

    // N = 8; stop words the, was, and, a, is, on, again, every; generic (never alone) great, came, time. Candidates in at
    // least two documents (df, total tf): delivery (4, 4) d0 d1 d2 d7; late (3, 3) d0 d1 d2; "late delivery" (2, 2)
    // d0 d2; driver, rude (d1 d2); coffee, "great coffee" (d3 d4); parking, nightmare (d5 d6). The rest are in one.
    // Scores tf·ln(N/df): late 3·ln(8/3) = 2.942481; delivery 4·ln 2 = 2.772589; each df-2 phrase 2·ln 4 = 2.772589,
    // a tie broken by df (delivery first), then ordinal: coffee, driver, "great coffee", "late delivery", nightmare,
    // parking, rude.
    // Groups in that order: late; delivery; coffee; driver; "great coffee" joins coffee (contains it, shares both
    // documents); "late delivery" joins late (contains it, shares 2 of the rarer one's 2); nightmare; parking; rude.
    // Rules are the leading phrases: late, coffee. The rule "late" matches d0 d1 d2; "delivery" d0 d1 d2 d7.
    [Fact]
    public void Suggestions_are_ranked_by_tf_idf_and_grouped()
    {
        var suggestions = KeyPhrases.Suggest(Deliveries);

        Assert.Equal(["late", "delivery", "coffee", "driver", "nightmare", "parking", "rude"], suggestions.Select(s => s.Phrase));
        var late = suggestions[0];
        Assert.Equal(3 * Math.Log(8.0 / 3), late.Score, 1e-9);
        Assert.Equal("late", late.Rule);
        Assert.Equal(["late", "late delivery"], late.Variants);
        Assert.Equal(3, late.Documents);
        Assert.Equal([0, 1, 2], late.Examples);
        Assert.Null(late.Lift);
        var delivery = suggestions[1];
        Assert.Equal(4 * Math.Log(2), delivery.Score, 1e-9);
        Assert.Equal(4, delivery.Documents);
        Assert.Equal([0, 1, 2], delivery.Examples);
        Assert.Equal(["coffee", "great coffee"], suggestions[2].Variants);
        Assert.Equal(2 * Math.Log(4), suggestions[2].Score, 1e-9);
        Assert.Equal([3, 4], suggestions[2].Examples);
    }

    // N = 8: refund (f0 f1), refunds (f2 f3), refunded (f4 f5), missing (f2 f3), staff (f6 f7): all df 2, tf 2, score
    // 2·ln 4, so ordinal order: missing, refund, refunded, refunds, staff. refunded and refunds share refund's stem and
    // join it; the three fold into refund* (common start "refund"), which matches f0–f5.
    [Fact]
    public void Inflections_are_grouped_and_folded_into_a_stem()
    {
        string[] documents =
        [
            "I want a refund.", "Still no refund.", "Two refunds are missing.", "Both refunds missing.",
            "They refunded me.", "Refunded at last.", "Great staff.", "Friendly staff.",
        ];

        var suggestions = KeyPhrases.Suggest(documents);

        Assert.Equal(["missing", "refund", "staff"], suggestions.Select(s => s.Phrase));
        var refund = suggestions[1];
        Assert.Equal("refund*", refund.Rule);
        Assert.Equal(["refund", "refunded", "refunds"], refund.Variants);
        Assert.Equal(6, refund.Documents);
        Assert.Equal([0, 1, 2], refund.Examples);
    }

    // Foreground N = 4 (detractors), background N = 8 (all, foreground included). In the foreground hidden, fees,
    // "hidden fees" and staff are each in 2 documents: score 2·ln(4/2) = 1.386294.
    // Background df: hidden, fees, "hidden fees" 2; staff 6.
    // Lift = (2/4)/((2 + 1)/(8 + 1)) = 1.5 for the fee phrases; staff (2/4)/((6 + 1)/9) = 0.642857, under 1: dropped.
    // Rank 1.386294·1.5 = 2.079442 each; ordinal: fees, hidden, "hidden fees"; "hidden fees" joins fees.
    [Fact]
    public void A_background_set_ranks_by_lift_and_drops_phrases_that_are_not_over_represented()
    {
        string[] detractors = ["Hidden fees everywhere.", "The hidden fees are outrageous.", "Rude staff.", "Staff ignored me."];
        string[] everyone = [.. detractors, "Friendly staff.", "Helpful staff.", "Staff were lovely.", "Lovely staff."];

        var plain = KeyPhrases.Suggest(detractors);
        var lifted = KeyPhrases.Suggest(detractors, everyone);

        Assert.Contains("staff", plain.Select(s => s.Phrase));
        Assert.Equal(["fees", "hidden"], lifted.Select(s => s.Phrase));
        var fees = lifted[0];
        Assert.Equal(2 * Math.Log(2), fees.Score, 1e-9);
        Assert.Equal(1.5, fees.Lift!.Value, 1e-12);
        Assert.Equal(["fees", "hidden fees"], fees.Variants);
        Assert.Equal("fees", fees.Rule);
        Assert.Equal([0, 1], fees.Examples);
    }

    // N = 6: long (4 documents) scores 4·ln(6/4) = 1.62; "long queue", "long queues", queue, queues, nice, shop,
    // "nice shop" (2 each) score 2·ln 3 = 2.20. "long queue" leads (ordinal), "long queues" shares its stems, queue and
    // queues are inside it, and long is too (sharing both of the leader's documents): one group, whose rule is the
    // leading phrase with its inflection folded.
    [Fact]
    public void Phrases_of_several_words_are_quoted_and_stems_fold_inside_them()
    {
        string[] documents =
        [
            "Very long queue at the till.", "Long queues every time.", "The long queue again.", "Long queues at lunch.",
            "Nice shop.", "Nice shop overall.",
        ];

        var suggestions = KeyPhrases.Suggest(documents, new KeyPhraseOptions { MaxSuggestions = 10 });

        var queue = Assert.Single(suggestions, s => s.Variants.Contains("long queue"));
        Assert.Equal("long queue", queue.Phrase);
        Assert.Equal("\"long queue*\"", queue.Rule);
        Assert.Equal(["long queue", "long queues", "queue", "queues", "long"], queue.Variants);
        Assert.Equal(4, queue.Documents);
        Assert.All(suggestions, s => Assert.Empty(TopicTaxonomy.Compile([new TopicDefinition("t", "T", s.Rule)]).Errors));
    }

    [Fact]
    public void No_documents_give_no_suggestions_and_a_phrase_in_every_document_scores_nothing()
    {
        Assert.Empty(KeyPhrases.Suggest([]));
        Assert.Empty(KeyPhrases.Suggest(["slow refund", "slow refund"]));
    }

    [Fact]
    public void Redaction_tokens_are_not_phrases()
    {
        var suggestions = KeyPhrases.Suggest(["call [PHONE] now", "mail [EMAIL]", "[PHONE] again", "[EMAIL] please", "call me"]);

        Assert.Equal(["call"], suggestions.Select(s => s.Phrase));
    }
}
