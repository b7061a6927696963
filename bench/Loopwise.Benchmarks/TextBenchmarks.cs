using BenchmarkDotNet.Attributes;
using Loopwise.Core.Text;
using Loopwise.Core.Text.Pii;
using Loopwise.Core.Text.Sentiment;
using Loopwise.Core.Text.Tokenization;
using Loopwise.Core.Text.Topics;

namespace Loopwise.Benchmarks;

/// <summary>
/// Comment analysis on one thread, per comment of 20–40 words (issue 4's target: ≥ 50 000 comments/s on one core for
/// sentiment + topics + PII redaction). <c>dotnet run -c Release --project bench/Loopwise.Benchmarks -- --filter *TextBenchmarks*</c>.
/// For a plain comments/s printout: <c>dotnet run -c Release --project bench/Loopwise.TextEval -- --text-throughput</c>.
/// </summary>
[MemoryDiagnoser]
public class TextBenchmarks
{
    private const int Count = 500;

    private static readonly string[] Openings =
    [
        "I ordered a new jacket last week and", "We have used the app for two years and", "My card was charged twice, then",
        "The nurse at the front desk was kind but", "Called support on Monday about my refund and", "Setup took about an hour and",
        "Delivery was fast, the parcel arrived early and", "I was on hold for 40 minutes before",
    ];

    private static readonly string[] Middles =
    [
        "nobody could tell me where my order was", "the agent was really helpful and polite", "the checkout kept crashing on my phone",
        "the prices are fair for what you get", "I had to explain the problem three times", "everything worked exactly as described",
        "the new update made the dashboard slow and confusing", "the staff went above and beyond to help",
    ];

    private static readonly string[] Endings =
    [
        "Would not recommend.", "Thanks again, great service!", "Still waiting for a reply from jane.doe@example.com.",
        "Please fix this soon.", "Overall a good experience :)", "Honestly the worst bank I have dealt with!!",
        "I will definitely be back.", "Not sure I will renew next year.",
    ];

    private readonly string[] _comments = new string[Count];
    private readonly TokenizedText _tokens = new();
    private readonly List<TopicHit> _hits = [];
    private TopicTaxonomy _taxonomy = TopicTaxonomy.Empty;
    private TextAnalyzer _analyzer = new(TopicTaxonomy.Empty);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        for (var i = 0; i < Count; i++)
        {
            _comments[i] = $"{Openings[random.Next(Openings.Length)]} {Middles[random.Next(Middles.Length)]}, and {Middles[random.Next(Middles.Length)]}. {Endings[random.Next(Endings.Length)]}";
        }

        _taxonomy = TopicTaxonomy.Compile(StarterTaxonomies.For("retail")).Taxonomy!;
        _analyzer = new TextAnalyzer(_taxonomy);
    }

    [Benchmark(Description = "sentiment alone: tokenise, split, VADER-style score", OperationsPerInvoke = Count)]
    public double Sentiment()
    {
        double sum = 0;
        foreach (var comment in _comments)
        {
            _tokens.Load(comment);
            sum += VaderStyleSentimentAnalyzer.Instance.Score(_tokens).Compound;
        }

        return sum;
    }

    [Benchmark(Description = "sentiment + topics + PII redaction (the issue's target)", OperationsPerInvoke = Count)]
    public int SentimentTopicsPii()
    {
        var count = 0;
        foreach (var comment in _comments)
        {
            var redacted = PiiRedactor.Redact(comment);
            _tokens.Load(redacted.Text);
            count += VaderStyleSentimentAnalyzer.Instance.Score(_tokens).Label == SentimentLabel.Positive ? 1 : 0;
            foreach (var sentence in _tokens.Sentences)
            {
                _hits.Clear();
                _taxonomy.Match(redacted.Text, sentence.Span, _hits);
                count += _hits.Count;
            }
        }

        return count;
    }

    [Benchmark(Description = "full pipeline: TextAnalyzer.Analyze", OperationsPerInvoke = Count)]
    public int FullPipeline()
    {
        var count = 0;
        foreach (var comment in _comments)
        {
            count += _analyzer.Analyze(comment).Topics.Count;
        }

        return count;
    }
}
