using Loopwise.Core.Text;
using Loopwise.Core.Text.Pii;
using Loopwise.Core.Text.Sentiment;
using Loopwise.Core.Text.Topics;

namespace Loopwise.Core.Tests.Text;

public class TextAnalyzerTests
{
    private static readonly TopicDefinition[] Topics =
    [
        new("billing", "Billing", ""),
        new("billing/refunds", "Refunds", "refund*, money back"),
        new("support", "Support", "agent*, support"),
        new("support/waiting", "Waiting", "\"on hold\", wait*"),
    ];

    private static readonly TextAnalyzer Analyzer = new(TopicTaxonomy.Compile(Topics).Taxonomy!);

    private static string Of(CommentAnalysis analysis, TextSpan span) => analysis.Text.Substring(span.Start, span.Length);

    [Fact]
    public void A_comment_goes_through_redaction_language_sentences_sentiment_topics_and_emotions()
    {
        var analysis = Analyzer.Analyze(
            "I was on hold for 40 minutes. Write to jane.doe@example.com, I still have no refund!! The agent was friendly though.");

        Assert.Equal("I was on hold for 40 minutes. Write to [EMAIL], I still have no refund!! The agent was friendly though.", analysis.Text);
        Assert.Equal(PiiKind.Email, Assert.Single(analysis.Redactions).Kind);
        Assert.Equal("en", analysis.Language);
        Assert.True(analysis.LanguageSupported);

        Assert.Equal(
            ["I was on hold for 40 minutes.", "Write to [EMAIL], I still have no refund!!", "The agent was friendly though."],
            analysis.Sentences.Select(s => Of(analysis, s.Span)));
        Assert.Equal(
            [SentimentLabel.Negative, SentimentLabel.Negative, SentimentLabel.Positive],
            analysis.Sentences.Select(s => s.Sentiment.Label));
        Assert.Equal(analysis.Sentences.Average(s => s.Sentiment.Compound), analysis.Sentiment.Compound, 1e-12);

        // The children matched; their parents come with them, with the children's phrases and sentences.
        Assert.Equal(["billing", "billing/refunds", "support", "support/waiting"], analysis.Topics.Select(t => t.Key));
        var refunds = analysis.Topics.Single(t => t.Key == "billing/refunds");
        Assert.Equal(["refund"], refunds.Phrases.Select(p => Of(analysis, p)));
        Assert.Equal(analysis.Sentences[1].Sentiment, refunds.Sentiment);
        Assert.Equal(refunds.Sentiment, analysis.Topics.Single(t => t.Key == "billing").Sentiment);
        var waiting = analysis.Topics.Single(t => t.Key == "support/waiting");
        Assert.Equal(["on hold"], waiting.Phrases.Select(p => Of(analysis, p)));

        // "support" matched "agent" in sentence 3 itself and "on hold" in sentence 1 through its child: the aspect
        // sentiment is the mean of the two sentences.
        var support = analysis.Topics.Single(t => t.Key == "support");
        Assert.Equal(["on hold", "agent"], support.Phrases.Select(p => Of(analysis, p)));
        Assert.Equal((analysis.Sentences[0].Sentiment.Compound + analysis.Sentences[2].Sentiment.Compound) / 2, support.Sentiment.Compound, 1e-12);

        Assert.Contains(analysis.Emotions, e => e.Emotion == Emotion.Frustration);
    }

    [Fact]
    public void A_topic_mentioned_twice_in_one_sentence_counts_that_sentence_once()
    {
        var analysis = Analyzer.Analyze("Refund requested, refund denied. Nice agent.");

        var refunds = analysis.Topics.Single(t => t.Key == "billing/refunds");
        Assert.Equal(2, refunds.Phrases.Count);
        Assert.Equal(analysis.Sentences[0].Sentiment, refunds.Sentiment);
    }

    [Fact]
    public void Other_languages_are_flagged_and_not_scored()
    {
        var analysis = Analyzer.Analyze("El pedido llegó tarde y nadie me dio una explicación sobre mi reembolso, muy mal servicio.");

        Assert.Equal("es", analysis.Language);
        Assert.False(analysis.LanguageSupported);
        Assert.Equal(SentimentScore.None, analysis.Sentiment);
        Assert.Empty(analysis.Sentences);
        Assert.Empty(analysis.Topics);
        Assert.Empty(analysis.Emotions);
    }

    [Fact]
    public void Other_languages_are_still_redacted()
    {
        var analysis = Analyzer.Analyze("Bonjour, je ne suis pas content, écrivez-moi à jean@example.fr s'il vous plaît.");

        Assert.Equal("fr", analysis.Language);
        Assert.DoesNotContain("jean@example.fr", analysis.Text, StringComparison.Ordinal);
        Assert.Single(analysis.Redactions);
    }

    [Fact]
    public void Short_text_is_undetermined_but_scored()
    {
        var analysis = Analyzer.Analyze("Great service!");

        Assert.Equal("und", analysis.Language);
        Assert.True(analysis.LanguageSupported);
        Assert.Equal(SentimentLabel.Positive, analysis.Sentiment.Label);
    }

    [Fact]
    public void Text_is_normalised_to_nfc_first()
    {
        var analysis = Analyzer.Analyze("The cafe\u0301 was great");

        Assert.Equal("The caf\u00E9 was great", analysis.Text);
    }

    [Fact]
    public void Empty_text_gives_an_empty_analysis()
    {
        var analysis = Analyzer.Analyze("");

        Assert.Equal("", analysis.Text);
        Assert.Equal("und", analysis.Language);
        Assert.Empty(analysis.Sentences);
        Assert.Equal(SentimentScore.None, analysis.Sentiment);
    }

    [Fact]
    public void Comment_sentiment_is_the_analyser_s_mean_of_sentences()
    {
        const string text = "The food is good. The service was slow.";

        Assert.Equal(VaderStyleSentimentAnalyzer.Instance.Score(text), Analyzer.Analyze(text).Sentiment);
    }

    [Fact]
    public void Analyses_on_many_threads_equal_the_sequential_ones()
    {
        string[] comments =
        [
            "I was on hold for 40 minutes and nobody helped.",
            "Refund arrived quickly, thank you!",
            "The agent was rude. Never again.",
            "Tout était parfait, merci beaucoup pour votre aide.",
        ];
        var expected = comments.Select(c => Summary(Analyzer.Analyze(c))).ToArray();

        var actual = new string[400];
        Parallel.For(0, actual.Length, i => actual[i] = Summary(Analyzer.Analyze(comments[i % comments.Length])));

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % comments.Length], actual[i]);
        }

        static string Summary(CommentAnalysis a) =>
            string.Join('|', a.Language, a.Sentiment, string.Join(',', a.Topics.Select(t => t.Key + t.Sentiment)), string.Join(',', a.Emotions));
    }

    [Fact]
    public void The_model_version_names_this_model()
    {
        Assert.Equal("2026.12-1", TextAnalyzer.ModelVersion);
    }
}
