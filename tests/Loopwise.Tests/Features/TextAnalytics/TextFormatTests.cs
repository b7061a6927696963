using Loopwise.Features.TextAnalytics;

namespace Loopwise.Tests.Features.TextAnalytics;

/// <summary>How a comment becomes highlighted HTML, and the small formats of the text analytics pages.</summary>
public sealed class TextFormatTests
{

    // "Late <b>parcel</b>. Fine & dandy"
    //  0123456789...: "Late " 0-4, "<b>" 5-7, "parcel" 8-13, "</b>" 14-17, "." 18, " " 19, "Fine & dandy" 20-31.
    // Sentence 1 = [0, 19) compound −0.6 (negative); sentence 2 = [20, 32) compound 0.02 (neutral).
    // Phrase "parcel" = (8, 6). Every slice is encoded, so the <b> is text.
    [Fact]
    public void Sentences_carry_their_label_and_score_and_phrases_are_marked_with_every_slice_encoded()
    {
        var html = Html("Late <b>parcel</b>. Fine & dandy", [new(0, 19, -0.6), new(20, 12, 0.02)], [new(8, 6)]);

        Assert.Equal(
            "<span class=\"sentence s-negative\">Late &lt;b&gt;<mark>parcel</mark>&lt;/b&gt;." + Cue("▼", "negative", "-0.60") +
            " <span class=\"sentence s-neutral\">Fine &amp; dandy" + Cue("●", "neutral", "+0.02"),
            html);
    }

    // Phrases (2, 3) and (4, 3) overlap: merged into [2, 7). A phrase crossing the sentence end at 5 is cut there and
    // resumes in the next sentence. A span past the end of the text is clipped; a sentence overlapping the previous one is
    // not wrapped (its text is still shown once).
    [Fact]
    public void Overlapping_phrases_merge_phrases_split_at_sentence_ends_and_bad_spans_are_clipped()
    {
        var html = Html("abcdefghij", [new(0, 5, 0.5), new(3, 4, 0.5), new(5, 5, -0.5)], [new(2, 3), new(4, 3), new(9, 50)]);

        Assert.Equal(
            "<span class=\"sentence s-positive\">ab<mark>cde</mark>" + Cue("▲", "positive", "+0.50") +
            "<span class=\"sentence s-negative\"><mark>fg</mark>hi<mark>j</mark>" + Cue("▼", "negative", "-0.50"),
            html);
    }

    [Fact]
    public void Text_outside_sentences_is_kept_and_a_comment_without_sentences_is_plain_encoded_text()
    {
        Assert.Equal("a &lt; <mark>b</mark>", Html("a < b", [], [new(4, 1)]));
        Assert.Equal("  <span class=\"sentence s-neutral\">ok" + Cue("●", "neutral", "0.00") + "  ", Html("  ok  ", [new(2, 2, 0)], []));
    }

    [Fact]
    public void Phrases_of_a_topic_include_its_sub_topics_but_not_a_sibling_with_the_same_prefix()
    {
        CommentTopicDto[] topics =
        [
            new("billing", -0.2, [new(0, 1)]),
            new("billing/refunds", -0.2, [new(2, 1)]),
            new("billings", 0.1, [new(4, 1)]),
            new("delivery", 0.1, [new(6, 1)]),
        ];

        Assert.Equal([0, 2], TextFormat.PhrasesOf(topics, "billing").Select(p => p.Start));
        Assert.Equal([2], TextFormat.PhrasesOf(topics, "billing/refunds").Select(p => p.Start));
    }

    // Labels at the cx-reference §6 thresholds: ≥ 0.05 positive, ≤ −0.05 negative.
    [Theory]
    [InlineData(0.05, "positive", "+0.05")]
    [InlineData(0.0499, "neutral", "+0.05")]
    [InlineData(-0.05, "negative", "-0.05")]
    [InlineData(-0.001, "neutral", "0.00")]
    [InlineData(1.0, "positive", "+1.00")]
    public void Label_and_sentiment_follow_the_vader_thresholds(double compound, string label, string text)
    {
        Assert.Equal(label, TextFormat.Label(compound));
        Assert.Equal(text, TextFormat.Sentiment(compound));
    }

    // Colour: grey #b8bdc4 at 0, vermillion #d55e00 at −100, blue #0072b2 at +100; halfway to +100:
    // r = 0xb8 + (0x00 − 0xb8)/2 = 184 − 92 = 92 = 0x5c; g = 189 + (114 − 189)/2 = 151.5 → 152 = 0x98; b = 196 + (178 − 196)/2 = 187 = 0xbb.
    [Theory]
    [InlineData(0.0, "#b8bdc4")]
    [InlineData(-100.0, "#d55e00")]
    [InlineData(100.0, "#0072b2")]
    [InlineData(250.0, "#0072b2")]
    [InlineData(50.0, "#5c98bb")]
    public void Bubble_colour_runs_from_vermillion_through_grey_to_blue(double nps, string colour) =>
        Assert.Equal(colour, TextCharts.Colour(nps));

    // Driver axis: the largest weight or interval end, up to the next ten: 59.9 → 60, 60 → 60, 60.1 → 70; never below 10.
    [Theory]
    [InlineData(new[] { 47.8, 59.9 }, 60.0)]
    [InlineData(new[] { 60.0 }, 60.0)]
    [InlineData(new[] { 12.0, 60.1 }, 70.0)]
    [InlineData(new[] { 3.5 }, 10.0)]
    [InlineData(new double[0], 10.0)]
    public void The_driver_axis_reaches_the_highest_interval_end(double[] values, double max) => Assert.Equal(max, TextCharts.AxisMax(values));

    [Fact]
    public void A_topic_without_nps_answers_is_light_grey() => Assert.Equal(TextCharts.NoNpsColour, TextCharts.Colour(null));

    // A sentence's closing: its label as a symbol (hidden from screen readers) and as words, its score, then the sentence's end.
    private static string Cue(string symbol, string label, string score) =>
        $"<span class=\"sentence-cue\"><span aria-hidden=\"true\">{symbol}</span> <span class=\"visually-hidden\">{label} sentence, </span>{score}</span></span>";

    private static string Html(string text, SentenceDto[] sentences, SpanDto[] phrases)
    {
        using var writer = new StringWriter();
        TextFormat.Highlight(text, sentences, phrases).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
