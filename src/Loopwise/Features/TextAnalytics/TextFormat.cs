using System.Globalization;
using System.Net;
using System.Text;
using Loopwise.Core.Metrics;
using Microsoft.AspNetCore.Html;

namespace Loopwise.Features.TextAnalytics;

/// <summary>
/// How the text analytics pages word their numbers (sentiment −1..1 with a sign, shares as percent, NPS in points) and
/// how a comment is highlighted: its sentences carry their sentiment label as a class and as text, and a topic's
/// matched phrases are wrapped in <c>&lt;mark&gt;</c>. Every slice of the (redacted) comment is HTML-encoded.
/// </summary>
public static class TextFormat
{
    /// <summary>The label of a compound score (cx-reference §6: ≥ 0.05 positive, ≤ −0.05 negative).</summary>
    public static string Label(double compound) => compound >= 0.05 ? "positive" : compound <= -0.05 ? "negative" : "neutral";

    /// <summary>A sentiment with its sign and two decimals: "+0.42", "-0.17", "0.00".</summary>
    public static string Sentiment(double? value) =>
        value is not { } v ? MetricFormat.Missing
        : Math.Round(v, 2, MidpointRounding.AwayFromZero) is var r && r > 0 ? "+" + MetricFormat.Number(r) : MetricFormat.Number(r);

    /// <summary>A share in 0..1 as percent with one decimal.</summary>
    public static string Percent(double? share) => MetricFormat.Percent(share, 1);

    /// <summary>A count's share of a base as percent, "n/a" without a base.</summary>
    public static string Percent(int count, int of) => of == 0 ? MetricFormat.Missing : MetricFormat.Percent((double)count / of, 1);

    /// <summary>An NPS given in points (−100..100), as the dashboards show it: "+20", "-5".</summary>
    public static string Nps(double? points) => MetricFormat.NpsPoints(points / 100.0);

    /// <summary>The symbol beside a label (shape as well as colour tells it).</summary>
    public static string Symbol(string? label) => label switch
    {
        "positive" => "▲",
        "negative" => "▼",
        _ => "●",
    };

    /// <summary>A language code as the pages show it ("und" is spelt out).</summary>
    public static string Language(string code) => code == "und" ? "undetermined" : code;

    public static string Day(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// The comment as HTML: each sentence in a <c>span.sentence.s-{label}</c> followed by its score as text, and
    /// <paramref name="phrases"/> in <c>&lt;mark&gt;</c> (see <see cref="PhrasesOf"/>). Spans outside the text
    /// are clipped; overlapping phrases are merged; a sentence overlapping the previous one is not wrapped.
    /// </summary>
    public static IHtmlContent Highlight(string text, IReadOnlyList<SentenceDto> sentences, IEnumerable<SpanDto> phrases)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(phrases);
        var marks = Merge(phrases.Select(p => Clip(p.Start, p.Length, text.Length)).Where(s => s.End > s.Start));
        var html = new StringBuilder(text.Length * 2);
        var position = 0;
        foreach (var sentence in sentences.OrderBy(s => s.Start))
        {
            var (start, end) = Clip(sentence.Start, sentence.Length, text.Length);
            if (start < position || end <= start)
            {
                continue;
            }

            Marked(html, text, marks, position, start);
            var label = Label(sentence.Sentiment);
            html.Append("<span class=\"sentence s-").Append(label).Append("\">");
            Marked(html, text, marks, start, end);
            html.Append("<span class=\"sentence-cue\"><span aria-hidden=\"true\">").Append(Symbol(label)).Append("</span> ")
                .Append("<span class=\"visually-hidden\">").Append(label).Append(" sentence, </span>")
                .Append(WebUtility.HtmlEncode(Sentiment(sentence.Sentiment))).Append("</span></span>");
            position = end;
        }

        Marked(html, text, marks, position, text.Length);
        return new HtmlString(html.ToString());
    }

    /// <summary>The phrases to mark for a drill-down into <paramref name="topicKey"/>: the topic's own and its sub-topics'.</summary>
    public static IEnumerable<SpanDto> PhrasesOf(IEnumerable<CommentTopicDto> topics, string topicKey) =>
        topics.Where(t => t.Key == topicKey || t.Key.StartsWith(topicKey + "/", StringComparison.Ordinal)).SelectMany(t => t.Phrases);

    // Appends text[from..to] encoded, with the parts inside marks wrapped in <mark>.
    private static void Marked(StringBuilder html, string text, List<(int Start, int End)> marks, int from, int to)
    {
        var position = from;
        foreach (var (start, end) in marks)
        {
            var s = Math.Max(start, position);
            var e = Math.Min(end, to);
            if (e <= s)
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(text[position..s]))
                .Append("<mark>").Append(WebUtility.HtmlEncode(text[s..e])).Append("</mark>");
            position = e;
        }

        html.Append(WebUtility.HtmlEncode(text[position..to]));
    }

    private static (int Start, int End) Clip(int start, int length, int textLength)
    {
        var s = Math.Clamp(start, 0, textLength);
        return (s, Math.Clamp(start + Math.Max(length, 0), s, textLength));
    }

    private static List<(int Start, int End)> Merge(IEnumerable<(int Start, int End)> spans)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End));
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }
}
