using Loopwise.Core.Text.Emotions;
using Loopwise.Core.Text.Language;
using Loopwise.Core.Text.Pii;
using Loopwise.Core.Text.Sentiment;
using Loopwise.Core.Text.Tokenization;
using Loopwise.Core.Text.Topics;

namespace Loopwise.Core.Text;

/// <summary>
/// The comment pipeline of cx-reference §6: Unicode NFC, PII redaction, language detection, sentence split,
/// sentiment, topics (with aspect sentiment), emotions. Thread-safe; one instance per taxonomy.
/// </summary>
/// <remarks>
/// Text that is detected as another language than English (or another script) keeps its redacted text, language and
/// redactions, and gets no sentences, sentiment, emotions or topics: the lexicons are English and would mis-score it.
/// Undetermined Latin-script text (mostly short, such as "Great service!") is analysed as English.
/// </remarks>
public sealed class TextAnalyzer(TopicTaxonomy taxonomy, ISentimentAnalyzer sentiment, IEmotionTagger emotions, ILanguageDetector language)
{
    /// <summary>Changes whenever lexicons or rules change, so stored analyses can be found stale and re-processed.</summary>
    public const string ModelVersion = "2026.12-1";

    [ThreadStatic]
    private static Scratch? _scratch;

    private readonly int[][] _ancestors = Ancestors(taxonomy);

    /// <summary>The pipeline with the default analysers: VADER-style sentiment, the CX emotion lexicon, stop-word language detection.</summary>
    public TextAnalyzer(TopicTaxonomy taxonomy)
        : this(taxonomy, VaderStyleSentimentAnalyzer.Instance, LexiconEmotionTagger.Instance, StopWordLanguageDetector.Instance)
    {
    }

    public TopicTaxonomy Taxonomy { get; } = taxonomy;

    /// <summary>Analyses one comment.</summary>
    public CommentAnalysis Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = Nfc.Normalize(text);
        var redacted = PiiRedactor.Redact(text);
        var scratch = _scratch ??= new Scratch();
        var tokens = scratch.Text;
        tokens.Load(redacted.Text);

        var detected = language.Detect(tokens);
        if (!detected.Supported || tokens.Sentences.Count == 0)
        {
            return new CommentAnalysis(redacted.Text, detected.Language, detected.Supported, SentimentScore.None, [],
                [], [], redacted.Redactions);
        }

        var sentences = new SentenceAnalysis[tokens.Sentences.Count];
        for (var s = 0; s < sentences.Length; s++)
        {
            var range = tokens.Sentences[s];
            sentences[s] = new SentenceAnalysis(range.Span, sentiment.ScoreSentence(tokens, range));
        }

        return new CommentAnalysis(
            redacted.Text,
            detected.Language,
            true,
            Mean(sentences, null),
            sentences,
            emotions.Tag(tokens),
            Topics(redacted.Text, sentences, scratch),
            redacted.Redactions);
    }

    /// <summary>
    /// The topics of the comment: every topic whose rule matched a sentence, with its ancestors; the phrases that made
    /// it match; and its aspect sentiment, the mean over the distinct sentences that mention it. In taxonomy order.
    /// </summary>
    private List<TopicMatch> Topics(string text, SentenceAnalysis[] sentences, Scratch scratch)
    {
        var marks = scratch.Marks;
        marks.Clear();
        for (var s = 0; s < sentences.Length; s++)
        {
            scratch.Hits.Clear();
            Taxonomy.Match(text, sentences[s].Span, scratch.Hits);
            foreach (var hit in scratch.Hits)
            {
                marks.Add(new Mark(hit.Topic, s, hit.Phrase));
                foreach (var ancestor in _ancestors[hit.Topic])
                {
                    marks.Add(new Mark(ancestor, s, hit.Phrase));
                }
            }
        }

        if (marks.Count == 0)
        {
            return [];
        }

        marks.Sort(static (a, b) => a.Topic != b.Topic ? a.Topic.CompareTo(b.Topic)
            : a.Sentence != b.Sentence ? a.Sentence.CompareTo(b.Sentence)
            : a.Phrase.Start.CompareTo(b.Phrase.Start));
        var topics = new List<TopicMatch>();
        var mentioned = new List<int>(4);
        for (var first = 0; first < marks.Count;)
        {
            var topic = marks[first].Topic;
            var phrases = new List<TextSpan>();
            mentioned.Clear();
            var end = first;
            for (; end < marks.Count && marks[end].Topic == topic; end++)
            {
                var mark = marks[end];
                if (phrases.Count == 0 || phrases[^1] != mark.Phrase)
                {
                    phrases.Add(mark.Phrase);
                }

                if (mentioned.Count == 0 || mentioned[^1] != mark.Sentence)
                {
                    mentioned.Add(mark.Sentence);
                }
            }

            topics.Add(new TopicMatch(Taxonomy.Topics[topic].Key, phrases, Mean(sentences, mentioned)));
            first = end;
        }

        return topics;
    }

    /// <summary>The mean of the sentence scores (all of them, or those listed in <paramref name="which"/>).</summary>
    private static SentimentScore Mean(SentenceAnalysis[] sentences, List<int>? which)
    {
        var n = which?.Count ?? sentences.Length;
        if (n == 0)
        {
            return SentimentScore.None;
        }

        double compound = 0, positive = 0, neutral = 0, negative = 0;
        for (var k = 0; k < n; k++)
        {
            var score = sentences[which is null ? k : which[k]].Sentiment;
            compound += score.Compound;
            positive += score.Positive;
            neutral += score.Neutral;
            negative += score.Negative;
        }

        return new SentimentScore(compound / n, positive / n, neutral / n, negative / n);
    }

    /// <summary>For each topic, its ancestors' indices, nearest first.</summary>
    private static int[][] Ancestors(TopicTaxonomy taxonomy)
    {
        var ancestors = new int[taxonomy.Topics.Count][];
        var chain = new List<int>();
        for (var t = 0; t < ancestors.Length; t++)
        {
            chain.Clear();
            for (var p = taxonomy.ParentOf(t); p >= 0 && chain.Count < ancestors.Length; p = taxonomy.ParentOf(p))
            {
                chain.Add(p);
            }

            ancestors[t] = [.. chain];
        }

        return ancestors;
    }

    private readonly record struct Mark(int Topic, int Sentence, TextSpan Phrase);

    /// <summary>Per-thread buffers reused from comment to comment.</summary>
    private sealed class Scratch
    {
        public TokenizedText Text { get; } = new();

        public List<TopicHit> Hits { get; } = [];

        public List<Mark> Marks { get; } = [];
    }
}
