using Loopwise.Core.Text.Topics;

namespace Loopwise.Core.Text;

/// <summary>
/// The comment pipeline of cx-reference §6: Unicode NFC, PII redaction, language detection, sentence split,
/// sentiment, topics (with aspect sentiment), emotions. Thread-safe; one instance per taxonomy.
/// </summary>
public sealed class TextAnalyzer(TopicTaxonomy taxonomy)
{
    /// <summary>Changes whenever lexicons or rules change, so stored analyses can be found stale and re-processed.</summary>
    public const string ModelVersion = "1";

    public TopicTaxonomy Taxonomy { get; } = taxonomy;

    public CommentAnalysis Analyze(string text) => throw new NotImplementedException("contract: filled by the sentiment work");
}
