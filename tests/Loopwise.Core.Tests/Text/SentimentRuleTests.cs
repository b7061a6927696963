using Loopwise.Core.Text;
using Loopwise.Core.Text.Sentiment;

namespace Loopwise.Core.Tests.Text;

/// <summary>
/// One worked sentence per rule of cx-reference §6. Valences come from vader.tsv unless cx.tsv overrides them:
/// good 1.9, happy 2.7, great 3.1, best 3.2, bad −2.5, doubt −1.5, no −1.2, ":)" 2.0 (VADER); slow −1.3, friendly 2.2,
/// helpful 1.8, decent 1.0, refund −0.4 (sticky), "put on hold" −1.8, "yeah right" −2 and "kiss of death" −1.5 (cx).
/// Every other word of these sentences is in neither lexicon. compound = x/√(x² + 15).
/// </summary>
public class SentimentRuleTests
{
    private static SentimentScore Score(string text) => VaderStyleSentimentAnalyzer.Instance.Score(text);

    private static double Normalized(double x) => x / Math.Sqrt((x * x) + 15);

    // x = 1, 2, 3, 4: 1/√16 = .2500, 2/√19 = .4588, 3/√24 = .6124, 4/√31 = .7184; clipped to [−1, 1].
    [Theory]
    [InlineData(1, 0.2500)]
    [InlineData(2, 0.4588)]
    [InlineData(3, 0.6124)]
    [InlineData(4, 0.7184)]
    [InlineData(-2, -0.4588)]
    [InlineData(0, 0)]
    public void Compound_normalisation_test_vector(double x, double expected)
    {
        Assert.Equal(expected, Compound.Normalize(x), 4);
    }

    [Fact]
    public void Compound_stays_within_minus_one_and_one()
    {
        Assert.InRange(Compound.Normalize(1e9), 0.999, 1.0);
        Assert.InRange(Compound.Normalize(-1e9), -1.0, -0.999);
    }

    // "The food is good." units the, food, is, good → valences 0, 0, 0, 1.9; x = 1.9 → 1.9/√18.61 = .4404.
    // pos = (1.9 + 1)/(2.9 + 3 neutral) = .4915, neu = 3/5.9 = .5085, neg = 0.
    [Fact]
    public void A_lexicon_word_gives_its_valence_and_the_proportions()
    {
        var score = Score("The food is good.");

        Assert.Equal(Normalized(1.9), score.Compound, 1e-9);
        Assert.Equal(0.4404, score.Compound, 4);
        Assert.Equal(2.9 / 5.9, score.Positive, 1e-9);
        Assert.Equal(3 / 5.9, score.Neutral, 1e-9);
        Assert.Equal(0, score.Negative);
        Assert.Equal(SentimentLabel.Positive, score.Label);
    }

    // "good and bad": 1.9, 0, −2.5 → x = −0.6 → −.1531. pos = 2.9, neg = |−2.5 − 1| = 3.5, neu = 1; total 7.4.
    [Fact]
    public void Positive_and_negative_words_count_v_plus_one_and_v_minus_one()
    {
        var score = Score("good and bad");

        Assert.Equal(Normalized(-0.6), score.Compound, 1e-9);
        Assert.Equal(2.9 / 7.4, score.Positive, 1e-9);
        Assert.Equal(1 / 7.4, score.Neutral, 1e-9);
        Assert.Equal(3.5 / 7.4, score.Negative, 1e-9);
        Assert.Equal(SentimentLabel.Negative, score.Label);
    }

    // "I called on Monday." has no lexicon word: compound 0, all neutral.
    [Fact]
    public void A_text_without_lexicon_words_is_neutral_zero()
    {
        var score = Score("I called on Monday.");

        Assert.Equal(0, score.Compound);
        Assert.Equal(1, score.Neutral);
        Assert.Equal(SentimentLabel.Neutral, score.Label);
        Assert.Equal(SentimentScore.None, Score(""));
    }

    // "very good": very is a booster at distance 1: 1.9 + 0.293 = 2.193 → .4927.
    [Fact]
    public void A_booster_adds_0_293()
    {
        Assert.Equal(Normalized(1.9 + 0.293), Score("The food is very good.").Compound, 1e-9);
    }

    // "really so very good": boosters at distances 3, 2, 1:
    // 1.9 + 0.293 + 0.293·0.95 + 0.293·0.9 = 1.9 + 0.293 + 0.27835 + 0.2637 = 2.73505 → .5768.
    [Fact]
    public void Boosters_further_away_count_0_95_and_0_9()
    {
        Assert.Equal(Normalized(2.73505), Score("It was really so very good").Compound, 1e-9);
        Assert.Equal(0.5768, Score("It was really so very good").Compound, 4);
    }

    // "slightly slow": a dampener weakens the word towards 0: −1.3 + 0.293 = −1.007 → −.2516.
    [Fact]
    public void A_dampener_subtracts_0_293_in_the_direction_of_the_word()
    {
        Assert.Equal(Normalized(-1.007), Score("The app is slightly slow.").Compound, 1e-9);
    }

    // "kind of good": the phrase "kind of" is a dampener, so "kind" (2.4 in VADER) does not count: 1.9 − 0.293 = 1.607 → .3832.
    [Fact]
    public void Kind_of_is_a_dampener_not_kindness()
    {
        Assert.Equal(Normalized(1.607), Score("The food was kind of good.").Compound, 1e-9);
    }

    // "The food is GOOD." in a mixed-case text: 1.9 + 0.733 = 2.633 → .5622.
    // "THE FOOD IS GOOD." is all capitals: no emphasis, 1.9 → .4404.
    [Fact]
    public void Capitals_add_0_733_only_when_the_text_is_not_all_capitals()
    {
        Assert.Equal(Normalized(2.633), Score("The food is GOOD.").Compound, 1e-9);
        Assert.Equal(Normalized(1.9), Score("THE FOOD IS GOOD.").Compound, 1e-9);
    }

    // "VERY good": the booster in capitals adds 0.293 + 0.733 = 1.026: 1.9 + 1.026 = 2.926 → .6028.
    [Fact]
    public void A_booster_in_capitals_adds_the_capitals_increment_too()
    {
        Assert.Equal(Normalized(2.926), Score("The food is VERY good").Compound, 1e-9);
    }

    // "not good": 1.9 · −0.74 = −1.406 → −.3412.
    [Fact]
    public void A_negator_multiplies_by_minus_0_74()
    {
        Assert.Equal(Normalized(-1.406), Score("The food is not good.").Compound, 1e-9);
        Assert.Equal(-0.3412, Score("The food is not good.").Compound, 4);
    }

    // "isn't friendly": any word with "n't" negates: 2.2 · −0.74 = −1.628 → −.3877.
    [Fact]
    public void Any_word_with_nt_negates()
    {
        Assert.Equal(Normalized(-1.628), Score("The staff isn't friendly").Compound, 1e-9);
        Assert.Equal(Normalized(-1.628), Score("The staff isn’t friendly").Compound, 1e-9);
        Assert.Equal(Normalized(-1.628), Score("The staff shouldn't've been friendly").Compound, 1e-9);
    }

    // "not really that good": "that" at distance 1, booster "really" at 2 (+0.293·0.95), negator "not" at 3:
    // (1.9 + 0.27835)·−0.74 = −1.611979 → −.3842.
    [Fact]
    public void A_negator_three_tokens_before_still_negates()
    {
        Assert.Equal(Normalized(-1.611979), Score("The food is not really that good").Compound, 1e-9);
    }

    // "not as we thought good": "not" is 4 tokens before "good": 1.9 → .4404.
    [Fact]
    public void A_negator_four_tokens_before_does_not_negate()
    {
        Assert.Equal(Normalized(1.9), Score("not as we thought good").Compound, 1e-9);
    }

    // "There was no good option": "no" (−1.2) negates "good" and loses its own valence: 0 + 1.9·−0.74 = −1.406 → −.3412.
    [Fact]
    public void No_before_a_lexicon_word_negates_it_instead_of_counting()
    {
        Assert.Equal(Normalized(-1.406), Score("There was no good option").Compound, 1e-9);
    }

    // "Never so happy": booster "so" at distance 1 (+0.293), then "never so" at distance 2 multiplies by 1.25 instead
    // of negating: (2.7 + 0.293)·1.25 = 3.74125 → .6948.
    [Fact]
    public void Never_so_intensifies_instead_of_negating()
    {
        Assert.Equal(Normalized(3.74125), Score("Never so happy with a purchase").Compound, 1e-9);
        Assert.Equal(0.6948, Score("Never so happy with a purchase").Compound, 4);
    }

    // "never this happy": "this" is no booster; "never this" at distance 2: 2.7·1.25 = 3.375 → .6570.
    [Fact]
    public void Never_this_intensifies_instead_of_negating()
    {
        Assert.Equal(Normalized(3.375), Score("I was never this happy").Compound, 1e-9);
    }

    // "Without doubt the best service": "doubt" (−1.5) is negated by "without" at distance 1: +1.11; for "best", "without"
    // at distance 3 is followed by "doubt", which does not negate: 3.2. x = 4.31 → .7438.
    [Fact]
    public void Without_doubt_does_not_negate()
    {
        Assert.Equal(Normalized(4.31), Score("Without doubt the best service").Compound, 1e-9);
    }

    // "the least helpful app": "least" before "helpful" (not after "at"/"very") negates: 1.8·−0.74 = −1.332 → −.3252.
    // "at least decent": "at least" does not negate: 1.0 → .2500. "the very least decent": "very" guards "least" too
    // (and boosts at distance 2): 1.0 + 0.293·0.95 = 1.27835 → .3134.
    [Fact]
    public void Least_negates_unless_after_at_or_very()
    {
        Assert.Equal(Normalized(-1.332), Score("This is the least helpful app").Compound, 1e-9);
        Assert.Equal(0.25, Score("It was at least decent").Compound, 1e-9);
        Assert.Equal(Normalized(1.27835), Score("It was the very least decent").Compound, 1e-9);
    }

    // "good but slow": before "but" ×0.5, after ×1.5: 1.9·0.5 − 1.3·1.5 = 0.95 − 1.95 = −1 → −1/√16 = −.25.
    [Fact]
    public void But_halves_what_comes_before_and_raises_what_follows()
    {
        Assert.Equal(-0.25, Score("The food was good but the service was slow.").Compound, 1e-9);
    }

    // Equal valences on both sides are scaled by position: "good food but good service" = 0.95 + 2.85 = 3.8 → .7004.
    [Fact]
    public void But_scales_by_position_even_when_valences_repeat()
    {
        Assert.Equal(Normalized(3.8), Score("good food but good service").Compound, 1e-9);
    }

    // "good!!!": 1.9 + 3·0.292 = 2.776 → .5826; six "!" count as four: 1.9 + 1.168 = 3.068 → .6211.
    // The amount goes in the direction of the sum: "bad!!" = −2.5 − 0.584 = −3.084 → −.6229.
    [Fact]
    public void Exclamation_marks_add_0_292_each_up_to_four()
    {
        Assert.Equal(Normalized(2.776), Score("The food is good!!!").Compound, 1e-9);
        Assert.Equal(Normalized(3.068), Score("The food is good!!!!!!").Compound, 1e-9);
        Assert.Equal(Normalized(-3.084), Score("The food is bad!!").Compound, 1e-9);
    }

    // One "?" adds nothing (1.9); "??" adds 0.36 (2.26 → .5039); "????" adds 0.96 (2.86 → .5941).
    [Fact]
    public void Question_marks_add_from_two_on()
    {
        Assert.Equal(Normalized(1.9), Score("The food is good?").Compound, 1e-9);
        Assert.Equal(Normalized(2.26), Score("Is the food good??").Compound, 1e-9);
        Assert.Equal(Normalized(2.86), Score("Is the food good????").Compound, 1e-9);
    }

    // An information question (one "?", a question word first, not "why") counts a quarter: "Is the food good?"
    // 1.9·0.25 = 0.475 → .1217. "Why is the food bad?" keeps −2.5 → −.5423 (indignation).
    [Fact]
    public void Information_questions_count_a_quarter()
    {
        Assert.Equal(Normalized(0.475), Score("Is the food good?").Compound, 1e-9);
        Assert.Equal(Normalized(-2.5), Score("Why is the food bad?").Compound, 1e-9);
    }

    // Punctuation alone gives no sentiment: "!!!" on a text with no lexicon word leaves 0.
    [Fact]
    public void Punctuation_without_words_gives_nothing()
    {
        Assert.Equal(0, Score("I called on Monday!!!").Compound);
    }

    // "yeah right" is fixed at −2 although "yeah" is +1.2: −2/√19 = −.4588. "kiss of death" = −1.5 → −.3612.
    // Fixed means fixed: "not yeah right" is still −2.
    [Fact]
    public void Idioms_have_a_fixed_valence()
    {
        Assert.Equal(Normalized(-2), Score("yeah right").Compound, 1e-9);
        Assert.Equal(Normalized(-1.5), Score("That update was the kiss of death").Compound, 1e-9);
        Assert.Equal(Normalized(-2), Score("not yeah right").Compound, 1e-9);
    }

    // Domain phrase: "put on hold" = −1.8 → −.4215 (VADER has none of these words).
    [Fact]
    public void Domain_phrases_count_as_one_lexicon_item()
    {
        Assert.Equal(Normalized(-1.8), Score("I was put on hold.").Compound, 1e-9);
        Assert.Equal(Normalized(-2.5), Score("They charged twice for one order").Compound, 1e-9);
    }

    // "didn't process my refund": "refund" (−0.4) is sticky, "didn't" 3 tokens before does not flip it: −0.4 → −.1027.
    [Fact]
    public void Sticky_problem_words_are_not_flipped_by_negation()
    {
        Assert.Equal(Normalized(-0.4), Score("They didn't process my refund").Compound, 1e-9);
    }

    // "Still no callback :(": the idiom "still no" (−1.5) negates but ":(" (−1.9) is a mark of its own and stays sad:
    // −1.5 − 1.9 = −3.4 → −.6597 (VADER would flip the emoticon to +1.406).
    [Fact]
    public void Emoticons_and_emoji_are_not_negated()
    {
        Assert.Equal(Normalized(-3.4), Score("Still no callback :(").Compound, 1e-9);
    }

    // Emoticon ":)" 2.0 and "great" 3.1: 5.1 → .7964; the emoji 👍 (2.2, any skin tone) with "great": 5.3 → .8074.
    [Fact]
    public void Emoticons_and_emoji_carry_valence()
    {
        Assert.Equal(Normalized(5.1), Score("Great service :)").Compound, 1e-9);
        Assert.Equal(Normalized(5.3), Score("Great service 👍").Compound, 1e-9);
        Assert.Equal(Normalized(5.3), Score("Great service 👍🏽").Compound, 1e-9);
    }

    // Two sentences: "The food is good." 1.9 → .440434; "The service was slow." −1.3 → −.318210; mean .061112.
    [Fact]
    public void A_comment_is_the_mean_of_its_sentences()
    {
        var score = Score("The food is good. The service was slow.");

        Assert.Equal((Normalized(1.9) + Normalized(-1.3)) / 2, score.Compound, 1e-9);
        Assert.Equal(0.0611, score.Compound, 4);
    }

    // Labels: compound ≥ 0.05 positive, ≤ −0.05 negative, between neutral.
    [Theory]
    [InlineData(0.05, SentimentLabel.Positive)]
    [InlineData(0.0499, SentimentLabel.Neutral)]
    [InlineData(-0.0499, SentimentLabel.Neutral)]
    [InlineData(-0.05, SentimentLabel.Negative)]
    public void Labels_use_plus_minus_0_05(double compound, SentimentLabel label)
    {
        Assert.Equal(label, new SentimentScore(compound, 0, 1, 0).Label);
    }
}
