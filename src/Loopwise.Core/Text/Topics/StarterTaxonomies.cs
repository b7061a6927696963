namespace Loopwise.Core.Text.Topics;

/// <summary>Starter taxonomies for the industries of the CX implementation guide, for a new workspace to edit.</summary>
/// <remarks>
/// Each starter is the cross-industry CX topics (staff, wait time, price and value, communication, website and app,
/// billing and payments, support channels, ease and effort) plus the industry's own, from the guide's
/// "Industry-Specific CX Considerations" (retail also gets delivery and product quality; SaaS's product quality is its
/// reliability topics, which replace the cross-industry "outages and errors"): two levels, 48–50 topics. Rules favour
/// phrases over bare words where a word has a second sense ("charged me", not "charge", which is also "in charge";
/// "on hold" near call words, not "hold", which is also "account on hold"). They were tuned on the labelled comments of
/// bench/Loopwise.TextEval.
/// </remarks>
public static partial class StarterTaxonomies
{
    /// <summary>The industry keys: "retail", "financial-services", "healthcare", "saas".</summary>
    public static IReadOnlyList<string> Industries { get; } = ["retail", "financial-services", "healthcare", "saas"];

    /// <summary>The cross-industry topics every starter begins with.</summary>
    public static IReadOnlyList<TopicDefinition> CrossIndustry { get; } = Read(CrossIndustryTable);

    /// <summary>The starter topics of <paramref name="industry"/> (cross-industry topics included).</summary>
    /// <exception cref="ArgumentException">The industry is not one of <see cref="Industries"/>.</exception>
    public static IReadOnlyList<TopicDefinition> For(string industry) => industry switch
    {
        "retail" => Merge(RetailTable),
        "financial-services" => Merge(FinancialServicesTable),
        "healthcare" => Merge(HealthcareTable),
        "saas" => Merge(SaasTable, without: "digital/reliability"),
        _ => throw new ArgumentException($"No starter taxonomy for '{industry}'; the industries are {string.Join(", ", Industries)}.", nameof(industry)),
    };

    /// <summary>
    /// The cross-industry topics (but <paramref name="without"/>, which the industry replaces) with the industry's: a subtopic
    /// of a cross-industry topic goes after its siblings, the rest at the end.
    /// </summary>
    private static List<TopicDefinition> Merge(string industryTable, string? without = null)
    {
        var topics = CrossIndustry.Where(t => t.Key != without).ToList();
        foreach (var topic in Read(industryTable))
        {
            var slash = topic.Key.IndexOf('/', StringComparison.Ordinal);
            var parent = slash > 0 ? topic.Key[..slash] : null;
            if (parent is not null && CrossIndustry.Any(t => t.Key == parent))
            {
                var siblings = parent + "/";
                topics.Insert(topics.FindLastIndex(t => t.Key == parent || t.Key.StartsWith(siblings, StringComparison.Ordinal)) + 1, topic);
            }
            else
            {
                topics.Add(topic);
            }
        }

        return topics;
    }

    /// <summary>
    /// Reads a table of "key | name | rule" lines; a line starting with spaces continues the rule above it, and a line
    /// starting with # is a comment.
    /// </summary>
    internal static List<TopicDefinition> Read(string table)
    {
        var topics = new List<TopicDefinition>();
        foreach (var line in table.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == ' ')
            {
                var last = topics[^1];
                topics[^1] = last with { Rule = string.Concat(last.Rule, " ", line.Trim()) };
                continue;
            }

            var parts = line.Split('|', 3, StringSplitOptions.TrimEntries);
            topics.Add(new TopicDefinition(parts[0], parts[1], parts[2]));
        }

        return topics;
    }
}
