namespace Loopwise.Core.Text.Topics;

/// <summary>Starter taxonomies for the industries of the CX implementation guide, for a new workspace to edit.</summary>
public static class StarterTaxonomies
{
    /// <summary>The industry keys: "retail", "financial-services", "healthcare", "saas".</summary>
    public static IReadOnlyList<string> Industries { get; } = ["retail", "financial-services", "healthcare", "saas"];

    /// <summary>The starter topics of <paramref name="industry"/> (cross-industry topics included).</summary>
    public static IReadOnlyList<TopicDefinition> For(string industry) => throw new NotImplementedException("contract: filled by the topics work");
}
