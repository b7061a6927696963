using Loopwise.Core.Text;
using Loopwise.Core.Text.Topics;

namespace Loopwise.Core.Tests.Text.Topics;

public class TopicRuleTests
{
    [Theory]
    [InlineData("refund", "I want a REFUND now", true)]
    [InlineData("refund", "two refunds", false)]
    [InlineData("refund", "it was prefunded", false)]
    [InlineData("company", "the company's policy", true)]
    [InlineData("didn't", "it didn’t work", true)]
    [InlineData("wifi", "the wi-fi was down", false)]
    [InlineData("wi-fi", "the wi fi was down", true)]
    [InlineData("check-in", "check-in took an hour", true)]
    [InlineData("check in", "the check-in desk", true)]
    [InlineData("24/7", "support 24/7 please", true)]
    public void A_word_matches_whole_words_case_insensitively(string rule, string sentence, bool matches)
    {
        Assert.Equal(matches, Phrases(rule, sentence).Count > 0);
    }

    [Theory]
    [InlineData("refund*", "Refunding took weeks", "Refunding")]
    [InlineData("refund*", "no refund yet", "refund")]
    [InlineData("refund*", "the refunds came", "refunds")]
    [InlineData("reimburs*", "they reimbursed me", "reimbursed")]
    public void A_stem_matches_every_word_starting_with_it(string rule, string sentence, string phrase)
    {
        Assert.Equal([phrase], Phrases(rule, sentence));
    }

    [Theory]
    [InlineData("refund*", "it was prefunded")]
    [InlineData("refund*", "refun")]
    public void A_stem_does_not_match_inside_a_word_or_a_shorter_word(string rule, string sentence)
    {
        Assert.Empty(Phrases(rule, sentence));
    }

    [Theory]
    [InlineData("\"on hold\"", "I was on hold for an hour", "on hold")]
    [InlineData("\"on hold\"", "ON   HOLD again", "ON   HOLD")]
    [InlineData("money back", "I want my money back!", "money back")]
    [InlineData("\"put* on hold\"", "they kept putting me on hold", null)]
    [InlineData("\"put* on hold\"", "they were putting on hold everyone", "putting on hold")]
    [InlineData("\"late deliver*\"", "a late delivery", "late delivery")]
    [InlineData("\"money back\"", "money-back guarantee", "money-back")]
    [InlineData("\"money back\"", "money “back” guarantee", "money “back")]
    public void A_phrase_matches_its_words_in_a_row(string rule, string sentence, string? phrase)
    {
        Assert.Equal(phrase is null ? [] : [phrase], Phrases(rule, sentence));
    }

    [Theory]
    [InlineData("\"on hold\"", "hold on a second")]
    [InlineData("\"on hold\"", "I was on, hold on")]
    [InlineData("\"on hold\"", "it went on (hold music)")]
    [InlineData("\"on hold\"", "I was on - hold was")]
    [InlineData("\"on hold\"", "on the hold")]
    public void A_phrase_does_not_match_across_clause_punctuation_or_other_words(string rule, string sentence)
    {
        Assert.Empty(Phrases(rule, sentence));
    }

    [Fact]
    public void A_phrase_does_not_match_across_sentences()
    {
        const string text = "They put me on. Hold music played for an hour.";
        var taxonomy = One("\"on hold\"");
        var hits = new List<TopicHit>();

        taxonomy.Match(text, new TextSpan(0, 15), hits);
        taxonomy.Match(text, new TextSpan(16, text.Length - 16), hits);

        Assert.Empty(hits);
    }

    [Fact]
    public void Phrase_spans_are_offsets_in_the_whole_text()
    {
        const string text = "Fine. Then I was on hold.";
        var hits = new List<TopicHit>();

        One("\"on hold\"").Match(text, new TextSpan(6, text.Length - 6), hits);

        var hit = Assert.Single(hits);
        Assert.Equal(new TextSpan(17, 7), hit.Phrase);
        Assert.Equal("on hold", text.Substring(hit.Phrase.Start, hit.Phrase.Length));
    }

    [Theory]
    [InlineData("I want a refund", "refund")]
    [InlineData("give me my money back", "money back")]
    [InlineData("they reimbursed me", "reimbursed")]
    [InlineData("refund or money back", "refund,money back")]
    public void A_comma_list_is_a_list_of_alternatives(string sentence, string phrases)
    {
        Assert.Equal(phrases.Split(','), Phrases("refund, money back, reimburs*", sentence));
    }

    [Theory]
    [InlineData("refund OR credit", "a store credit", true)]
    [InlineData("refund OR credit", "nothing", false)]
    [InlineData("refund AND slow", "the refund was slow", true)]
    [InlineData("refund AND slow", "slow to arrive, but the refund came", true)]
    [InlineData("refund AND slow", "the refund was quick", false)]
    [InlineData("charge* NOT \"free of charge\"", "they charged me", true)]
    [InlineData("charge* NOT \"free of charge\"", "the charger was free of charge", false)]
    [InlineData("charge* AND NOT \"free of charge\"", "the charger was free of charge", false)]
    [InlineData("charge* AND NOT \"free of charge\"", "a charge for delivery", true)]
    [InlineData("NOT \"in charge\" AND charge*", "the manager in charge", false)]
    [InlineData("NOT \"in charge\" AND charge*", "an extra charge", true)]
    public void Or_and_and_not_combine_terms_anywhere_in_the_sentence(string rule, string sentence, bool matches)
    {
        Assert.Equal(matches, Phrases(rule, sentence).Count > 0);
    }

    // a OR b AND c is a OR (b AND c); a, b NOT c is a OR (b AND NOT c); NOT binds tighter than AND.
    [Theory]
    [InlineData("apple OR banana AND cherry", "apple", true)]
    [InlineData("apple OR banana AND cherry", "banana", false)]
    [InlineData("apple OR banana AND cherry", "cherry banana", true)]
    [InlineData("(apple OR banana) AND cherry", "apple", false)]
    [InlineData("(apple OR banana) AND cherry", "banana cherry", true)]
    [InlineData("apple, banana NOT cherry", "apple cherry", true)]
    [InlineData("apple, banana NOT cherry", "banana cherry", false)]
    [InlineData("apple, banana NOT cherry", "banana", true)]
    [InlineData("apple AND NOT banana OR cherry", "apple banana", false)]
    [InlineData("apple AND NOT banana OR cherry", "banana cherry", true)]
    [InlineData("apple AND NOT (banana OR cherry)", "apple cherry", false)]
    [InlineData("apple AND NOT (banana OR cherry)", "apple", true)]
    [InlineData("apple NEAR/1 banana OR cherry", "apple x y banana", false)]
    [InlineData("apple NEAR/1 banana OR cherry", "banana x apple", true)]
    [InlineData("apple NEAR/1 banana OR cherry", "cherry", true)]
    [InlineData("apple NEAR/1 (banana OR cherry)", "cherry x apple", true)]
    public void Precedence_is_or_then_and_then_not_then_near(string rule, string sentence, bool matches)
    {
        Assert.Equal(matches, Phrases(rule, sentence).Count > 0);
    }

    // NEAR/n allows at most n words between the two sides, in either order.
    [Theory]
    [InlineData("charged NEAR/3 twice", "they charged me twice", true)]
    [InlineData("charged NEAR/3 twice", "twice they charged", true)]
    [InlineData("charged NEAR/3 twice", "charged for it all twice", true)]
    [InlineData("charged NEAR/3 twice", "charged for the same thing twice", false)]
    [InlineData("charged NEAR/3 twice", "twice, and then they charged", true)]
    [InlineData("charged NEAR/0 twice", "charged twice", true)]
    [InlineData("charged NEAR/0 twice", "twice charged", true)]
    [InlineData("charged NEAR/0 twice", "charged me twice", false)]
    [InlineData("charged NEAR twice", "charged a b c d e twice", true)]
    [InlineData("charged NEAR twice", "charged a b c d e f twice", false)]
    [InlineData("\"on hold\" NEAR/2 hour*", "hours on hold", true)]
    [InlineData("\"on hold\" NEAR/2 hour*", "on hold for two hours", true)]
    [InlineData("\"on hold\" NEAR/2 hour*", "on hold for over two hours", false)]
    [InlineData("charge* NEAR/1 charge*", "charged", false)]
    [InlineData("charge* NEAR/1 charge*", "charged and charged", true)]
    public void Near_matches_within_n_words_in_either_order(string rule, string sentence, bool matches)
    {
        Assert.Equal(matches, Phrases(rule, sentence).Count > 0);
    }

    // (waited NEAR/2 hour*) spans "waited two hours"; "phone" is 1 word after it.
    [Theory]
    [InlineData("waited NEAR/2 hour* NEAR/1 phone", "waited two hours by the phone", false)]
    [InlineData("waited NEAR/2 hour* NEAR/1 phone", "waited two hours on phone", true)]
    [InlineData("(waited NEAR/2 hour*) NEAR/1 phone", "phone and waited two hours", true)]
    public void Near_nests(string rule, string sentence, bool matches)
    {
        Assert.Equal(matches, Phrases(rule, sentence).Count > 0);
    }

    [Fact]
    public void Matched_phrases_are_the_terms_that_made_the_rule_match()
    {
        Assert.Equal(["charged", "twice"], Phrases("charged NEAR/3 twice", "they charged me twice, then once"));
        Assert.Equal(["refund", "slow"], Phrases("refund AND slow NOT fast", "refund was slow"));
        Assert.Equal(["credit"], Phrases("refund, credit", "a credit note"));
        Assert.Equal(["refund request"], Phrases("refund, \"refund request\"", "my refund request"));
        Assert.Equal(["refund", "refund"], Phrases("refund", "refund, refund"));
    }

    [Fact]
    public void Redaction_tokens_are_not_words()
    {
        Assert.Empty(Phrases("email", "contact me at [EMAIL] please"));
        Assert.Empty(Phrases("\"call me\"", "call [PHONE] me"));
        Assert.Equal(["email"], Phrases("email", "your email never came, [EMAIL]"));
    }

    [Theory]
    [InlineData("\"on hold", 0, "quote is not closed")]
    [InlineData("refund OR \"\"", 10, "hold no words")]
    [InlineData("(refund OR credit", 0, "( is not closed")]
    [InlineData("refund)", 6, "has no ( before it")]
    [InlineData("()", 0, "empty")]
    [InlineData("AND refund", 0, "AND needs a word or phrase before it")]
    [InlineData("refund OR", 7, "OR needs a word or phrase after it")]
    [InlineData("refund,", 6, "comma must be followed")]
    [InlineData("refund AND", 7, "AND needs a word or phrase after it")]
    [InlineData("refund NOT", 7, "NOT needs a word or phrase after it")]
    [InlineData("charged NEAR/x twice", 8, "NEAR/ needs the number")]
    [InlineData("charged NEAR/99 twice", 8, "at most 50")]
    [InlineData("refund re*", 7, "at least 3 letters")]
    [InlineData("ref*und", 3, "* can only end a word")]
    [InlineData("refund *", 7, "* must follow")]
    [InlineData("-refund", 0, "NOT refund")]
    [InlineData("NOT refund", 0, "NOT only leaves words out")]
    [InlineData("refund OR NOT fee", 10, "NOT only leaves words out")]
    [InlineData("NOT refund AND NOT fee", 0, "NOT only leaves words out")]
    [InlineData("(refund AND fee) NEAR/2 late", 1, "NEAR joins words")]
    [InlineData("late NEAR/2 NOT fee", 12, "NEAR joins words")]
    [InlineData("\"on hold\" forever", 10, "Put AND, OR, NOT")]
    [InlineData("(a, b) c", 7, "Put AND, OR, NOT")]
    [InlineData("refund, !!!", 8, "no letters or digits")]
    public void Rule_errors_give_the_position_and_a_readable_message(string rule, int position, string message)
    {
        var compilation = TopicTaxonomy.Compile([new TopicDefinition("billing", "Billing", rule)]);

        Assert.Null(compilation.Taxonomy);
        var error = Assert.Single(compilation.Errors);
        Assert.Equal("billing", error.Key);
        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("refund and credit", "refund and credit", true)]
    [InlineData("refund and credit", "refund credit", false)]
    [InlineData("\"NOT working\"", "it is not working", true)]
    public void Lower_case_operators_and_operators_in_quotes_are_words(string rule, string sentence, bool matches)
    {
        Assert.Equal(matches, Phrases(rule, sentence).Count > 0);
    }

    internal static TopicTaxonomy One(string rule)
    {
        var compilation = TopicTaxonomy.Compile([new TopicDefinition("topic", "Topic", rule)]);
        Assert.Empty(compilation.Errors);
        return compilation.Taxonomy!;
    }

    private static List<string> Phrases(string rule, string sentence)
    {
        var hits = new List<TopicHit>();
        One(rule).Match(sentence, new TextSpan(0, sentence.Length), hits);
        return hits.Select(h => sentence.Substring(h.Phrase.Start, h.Phrase.Length)).ToList();
    }
}
