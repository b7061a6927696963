namespace Loopwise.Core.Text.Topics;

/// <summary>A compiled, immutable, thread-safe taxonomy: matches topic rules against sentences.</summary>
public sealed class TopicTaxonomy
{
    private TopicTaxonomy(IReadOnlyList<TopicDefinition> topics) => Topics = topics;

    public IReadOnlyList<TopicDefinition> Topics { get; }

    /// <summary>Compiles <paramref name="topics"/>; a rule that does not parse or a key that is not a valid path gives errors and no taxonomy.</summary>
    public static TaxonomyCompilation Compile(IReadOnlyList<TopicDefinition> topics) => throw new NotImplementedException("contract: filled by the topics work");

    /// <summary>Adds to <paramref name="hits"/> every topic whose rule matches within <paramref name="sentence"/> of <paramref name="text"/>, with the matched phrases.</summary>
    public void Match(string text, TextSpan sentence, List<TopicHit> hits) => throw new NotImplementedException("contract: filled by the topics work");
}
