using BenchmarkDotNet.Attributes;
using Loopwise.Core.Metrics;
using Loopwise.Core.Text;
using Loopwise.Core.Text.Topics;
using Loopwise.Features.Alerts;

namespace Loopwise.Benchmarks;

/// <summary>
/// Alert evaluation (issue 5): one response through 50 active rules of every kind (NPS, CSAT, CES by polarity,
/// sentiment, topics, keywords with stems, touchpoints, customer tiers), and the same with the comment analysed first
/// (what the <c>alerts.evaluate</c> job does in process when a rule needs sentiment or topics). Each operation is one
/// response; 1 000 varied responses per invocation.
/// </summary>
[MemoryDiagnoser]
public class AlertBenchmarks
{
    private const int Responses = 1000;

    private static readonly string[] Comments =
    [
        "The delivery was two days late and nobody answered the phone when I called about my refund.",
        "Lovely staff in the store, really helpful and friendly, I will definitely shop here again next month.",
        "I was on hold for forty minutes and then they charged me twice for the same order. I want to cancel my membership.",
        "Great value for money and the quality of the jacket is much better than I expected from the photos online.",
        "Checkout kept failing on the app, so I gave up and bought it somewhere else. Never again.",
        "",
    ];

    private static readonly string[] Touchpoints = ["web-checkout", "home-delivery", "contact-centre", "in-store-checkout", "mobile-app"];
    private static readonly string[] Tiers = ["bronze", "silver", "gold", "platinum"];

    private readonly List<AlertConditions> _rules = [];
    private readonly List<ResponseFacts> _facts = [];
    private readonly List<(int Nps, string Comment, string Touchpoint, string Tier)> _raw = [];
    private TextAnalyzer _analyzer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _analyzer = new TextAnalyzer(TopicTaxonomy.Compile(StarterTaxonomies.For("retail")).Taxonomy!);
        var random = new Random(7);
        string[] topics = ["delivery", "billing", "staff", "wait-time", "digital", "product", "returns", "price"];
        for (var i = 0; i < 50; i++)
        {
            _rules.Add((i % 10) switch
            {
                0 => new AlertConditions(NpsAtMost: 6),
                1 => new AlertConditions(CsatAtMost: 2),
                2 => new AlertConditions(CesPoor: true),
                3 => new AlertConditions(SentimentAtMost: -0.5),
                4 => new AlertConditions(Topics: [topics[i % topics.Length]]),
                5 => new AlertConditions(Keywords: ["cancel*", "legal", "complaint", "never again"]),
                6 => new AlertConditions(NpsAtMost: 6, Touchpoints: [Touchpoints[i % Touchpoints.Length]]),
                7 => new AlertConditions(NpsAtMost: 8, Dimensions: new Dictionary<string, IReadOnlyList<string>> { ["value_tier"] = ["gold", "platinum"] }),
                8 => new AlertConditions(SentimentAtMost: -0.3, Topics: [topics[(i + 3) % topics.Length]], Touchpoints: [Touchpoints[i % Touchpoints.Length]]),
                _ => new AlertConditions(NpsAtMost: 4, Keywords: ["refund*", "charged twice"]),
            });
        }

        for (var i = 0; i < Responses; i++)
        {
            var raw = (random.Next(0, 11), Comments[random.Next(Comments.Length)], Touchpoints[random.Next(Touchpoints.Length)], Tiers[random.Next(Tiers.Length)]);
            _raw.Add(raw);
            _facts.Add(Facts(raw, random.Next(1, 6), random.Next(1, 6)));
        }
    }

    [Benchmark(Description = "Alerts: 50 rules, facts ready", OperationsPerInvoke = Responses)]
    public int RulesOnly()
    {
        var fired = 0;
        foreach (var facts in _facts)
        {
            foreach (var rule in _rules)
            {
                fired += rule.Matches(facts) ? 1 : 0;
            }
        }

        return fired;
    }

    [Benchmark(Description = "Alerts: comment analysed, then 50 rules", OperationsPerInvoke = Responses)]
    public int AnalyseAndRules()
    {
        var fired = 0;
        for (var i = 0; i < _raw.Count; i++)
        {
            var facts = Facts(_raw[i], 3, 3);
            foreach (var rule in _rules)
            {
                fired += rule.Matches(facts) ? 1 : 0;
            }
        }

        return fired;
    }

    private ResponseFacts Facts((int Nps, string Comment, string Touchpoint, string Tier) raw, int csat, int ces)
    {
        double? sentiment = null;
        IReadOnlyList<string> topics = [];
        if (raw.Comment.Length > 0)
        {
            var analysis = _analyzer.Analyze(raw.Comment);
            sentiment = analysis.Sentiment.Compound;
            topics = [.. analysis.Topics.Select(t => t.Key)];
        }

        return new ResponseFacts(raw.Nps, csat, (ces, Scales.CesEffort), sentiment, topics, raw.Comment, raw.Touchpoint,
            new Dictionary<string, string> { ["value_tier"] = raw.Tier });
    }
}
