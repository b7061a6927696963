using Loopwise.Core.Text;
using Loopwise.Core.Text.Topics;

namespace Loopwise.Core.Tests.Text.Topics;

public class TopicTaxonomyTests
{
    private static readonly TopicDefinition[] Billing =
    [
        new("billing", "Billing", ""),
        new("billing/refunds", "Refunds", "refund*, money back"),
        new("billing/charges", "Charges", "overcharg*, \"charged twice\", \"double charged\""),
        new("delivery", "Delivery", "deliver*, parcel*"),
        new("delivery/late", "Late delivery", "(deliver*, parcel*, order*) NEAR/3 (late, delay*)"),
    ];

    [Fact]
    public void A_taxonomy_compiles_with_parents_resolved()
    {
        var taxonomy = Compile(Billing);

        Assert.Equal(5, taxonomy.Topics.Count);
        Assert.Equal(-1, taxonomy.ParentOf(0));
        Assert.Equal(0, taxonomy.ParentOf(1));
        Assert.Equal(3, taxonomy.ParentOf(4));
        Assert.Equal(2, taxonomy.IndexOf("billing/charges"));
        Assert.Equal(-1, taxonomy.IndexOf("billing/fees"));
    }

    [Fact]
    public void Match_reports_the_topics_whose_own_rule_matched_in_topic_order()
    {
        var taxonomy = Compile(Billing);

        var hits = Match(taxonomy, "The parcel was late and I was overcharged, so I want my money back.");

        Assert.Equal(
            [("billing/refunds", "money back"), ("billing/charges", "overcharged"), ("delivery", "parcel"), ("delivery/late", "parcel"), ("delivery/late", "late")],
            hits);
    }

    [Fact]
    public void A_parent_with_an_empty_rule_is_not_reported_itself_the_caller_adds_ancestors()
    {
        var taxonomy = Compile(Billing);

        var hits = Match(taxonomy, "Still waiting for my refund.");

        Assert.Equal([("billing/refunds", "refund")], hits);
        Assert.Equal("billing", taxonomy.Topics[taxonomy.ParentOf(taxonomy.IndexOf("billing/refunds"))].Key);
    }

    [Fact]
    public void A_sentence_with_no_rule_word_matches_nothing()
    {
        Assert.Empty(Match(Compile(Billing), "Lovely staff, great coffee."));
        Assert.Empty(Match(TopicTaxonomy.Empty, "refund"));
    }

    [Fact]
    public void Topics_come_in_any_order_as_long_as_parents_exist()
    {
        var compilation = TopicTaxonomy.Compile([new("billing/refunds", "Refunds", "refund*"), new("billing", "Billing", "")]);

        Assert.Empty(compilation.Errors);
        Assert.Equal(1, compilation.Taxonomy!.ParentOf(0));
    }

    [Fact]
    public void Deeper_paths_are_allowed()
    {
        var compilation = TopicTaxonomy.Compile(
        [
            new("billing", "Billing", ""),
            new("billing/refunds", "Refunds", ""),
            new("billing/refunds/partial", "Partial refunds", "\"partial refund*\""),
        ]);

        Assert.Empty(compilation.Errors);
        Assert.Equal(1, compilation.Taxonomy!.ParentOf(2));
    }

    [Theory]
    [InlineData("Billing")]
    [InlineData("billing//refunds")]
    [InlineData("/billing")]
    [InlineData("billing/")]
    [InlineData("-billing")]
    [InlineData("billing-")]
    [InlineData("bill--ing")]
    [InlineData("billing refunds")]
    [InlineData("")]
    public void Keys_must_be_slug_paths(string key)
    {
        var compilation = TopicTaxonomy.Compile([new(key, "Topic", "refund")]);

        Assert.Null(compilation.Taxonomy);
        Assert.Contains(compilation.Errors, e => e.Key == key && e.Position == -1 && e.Message.Contains("slug", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_keys_are_errors()
    {
        var compilation = TopicTaxonomy.Compile([new("billing", "Billing", "bill"), new("billing", "Billing again", "invoice")]);

        Assert.Null(compilation.Taxonomy);
        var error = Assert.Single(compilation.Errors);
        Assert.Equal("billing", error.Key);
        Assert.Contains("already has this key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_parent_is_an_error()
    {
        var compilation = TopicTaxonomy.Compile([new("billing/refunds", "Refunds", "refund*")]);

        var error = Assert.Single(compilation.Errors);
        Assert.Equal("billing/refunds", error.Key);
        Assert.Contains("'billing' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_topic_without_subtopics_needs_a_rule()
    {
        var compilation = TopicTaxonomy.Compile([new("billing", "Billing", "  ")]);

        var error = Assert.Single(compilation.Errors);
        Assert.Contains("needs a rule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_is_reported_not_only_the_first()
    {
        var compilation = TopicTaxonomy.Compile(
        [
            new("billing", "Billing", "(refund"),
            new("Delivery", "Delivery", "parcel"),
            new("support/chat", "", "chat"),
        ]);

        Assert.Equal(["Delivery", "billing", "support/chat", "support/chat"], compilation.Errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_taxonomy_is_safe_to_share_between_threads()
    {
        var taxonomy = Compile(Billing);
        const string text = "The delivery was late, I was double charged and I want a refund.";

        var results = Enumerable.Range(0, 8).AsParallel().Select(_ =>
        {
            var all = new List<string>();
            for (var i = 0; i < 200; i++)
            {
                all = Match(taxonomy, text).Select(h => h.Key + ":" + h.Phrase).ToList();
            }

            return string.Join("|", all);
        }).ToList();

        Assert.Single(results.Distinct());
        Assert.Equal("billing/refunds:refund|billing/charges:double charged|delivery:delivery|delivery/late:delivery|delivery/late:late", results[0]);
    }

    [Fact]
    public void With_many_topics_each_sentence_finds_exactly_the_topics_of_its_words()
    {
        var topics = Enumerable.Range(0, 500)
            .Select(i => new TopicDefinition($"t{i}", $"Topic {i}", $"word{i}, \"shared phrase {i % 7}\", stem{i}x*"))
            .ToList();
        var taxonomy = Compile(topics);

        Assert.Equal([("t42", "word42")], Match(taxonomy, "only word42 here"));
        Assert.Equal([("t123", "stem123xyz")], Match(taxonomy, "a stem123xyz word"));
        Assert.Equal(Enumerable.Range(0, 500).Where(i => i % 7 == 3).Select(i => ($"t{i}", "shared phrase 3")), Match(taxonomy, "the shared phrase 3."));
        Assert.Empty(Match(taxonomy, "word500 stem12 shared phrase"));
    }

    private static TopicTaxonomy Compile(IReadOnlyList<TopicDefinition> topics)
    {
        var compilation = TopicTaxonomy.Compile(topics);
        Assert.Empty(compilation.Errors);
        return compilation.Taxonomy!;
    }

    internal static List<(string Key, string Phrase)> Match(TopicTaxonomy taxonomy, string sentence)
    {
        var hits = new List<TopicHit>();
        taxonomy.Match(sentence, new TextSpan(0, sentence.Length), hits);
        return hits.Select(h => (taxonomy.Topics[h.Topic].Key, sentence.Substring(h.Phrase.Start, h.Phrase.Length))).ToList();
    }
}
