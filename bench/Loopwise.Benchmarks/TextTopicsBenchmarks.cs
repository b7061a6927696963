using BenchmarkDotNet.Attributes;
using Loopwise.Core.Text;
using Loopwise.Core.Text.Pii;
using Loopwise.Core.Text.Topics;

namespace Loopwise.Benchmarks;

/// <summary>
/// The per-sentence and per-comment kernels of topic matching and PII redaction (issue 4): one sentence against a
/// starter taxonomy of about 50 topics, and a 30-word comment through the redactor with and without personal data.
/// </summary>
[MemoryDiagnoser]
public class TextTopicsBenchmarks
{
    private static readonly string[] Sentences =
    [
        "The delivery was two days late and nobody answered the phone when I called about my refund.",
        "Lovely staff in the store, really helpful and friendly, I will definitely shop here again next month.",
        "I was on hold for forty minutes and then they charged me twice for the same order, absolutely ridiculous.",
        "Great value for money and the quality of the jacket is much better than I expected from the photos online.",
    ];

    private readonly string _plainComment =
        "The delivery was two days late and nobody answered the phone when I called about my refund, but the staff in the store were lovely and helpful.";

    private readonly string _commentWithDigits =
        "Order 12345 arrived on 2026-01-05 at 10:30, two days late, and the refund of 49.99 took 14 days; nobody answered the phone at all.";

    private readonly string _commentWithPii =
        "Call me on +44 20 7946 0958 or mail jane@example.com about card 4111 1111 1111 1111 and the late delivery of order two.";

    private readonly List<TopicHit> _hits = [];
    private TopicTaxonomy _taxonomy = TopicTaxonomy.Empty;

    [Params("retail", "saas")]
    public string Industry { get; set; } = "retail";

    [GlobalSetup]
    public void Setup() => _taxonomy = TopicTaxonomy.Compile(StarterTaxonomies.For(Industry)).Taxonomy!;

    [Benchmark(Description = "Topics: 4 sentences against a starter taxonomy", OperationsPerInvoke = 4)]
    public int MatchSentences()
    {
        var found = 0;
        foreach (var sentence in Sentences)
        {
            _hits.Clear();
            _taxonomy.Match(sentence, new TextSpan(0, sentence.Length), _hits);
            found += _hits.Count;
        }

        return found;
    }

    [Benchmark(Description = "PII: 30-word comment, no personal data")]
    public RedactedText RedactPlain() => PiiRedactor.Redact(_plainComment);

    [Benchmark(Description = "PII: 30-word comment with digits, no personal data")]
    public RedactedText RedactDigits() => PiiRedactor.Redact(_commentWithDigits);

    [Benchmark(Description = "PII: comment with a phone, an e-mail and a card")]
    public RedactedText RedactPii() => PiiRedactor.Redact(_commentWithPii);
}
