using System.Collections.Concurrent;
using Loopwise.Core.Text;
using Loopwise.Core.Text.Topics;

namespace Loopwise.Features.TextAnalytics;

/// <summary>
/// Compiled analysers by workspace and taxonomy version (a singleton): compiling a taxonomy happens once per version,
/// not once per comment. A workspace on a starter taxonomy shares the starter's analyser.
/// </summary>
public sealed class TextAnalyzerCache
{
    private readonly ConcurrentDictionary<Guid, (int Version, TextAnalyzer Analyzer)> _byWorkspace = new();
    private readonly ConcurrentDictionary<string, TextAnalyzer> _starters = new(StringComparer.Ordinal);

    public TextAnalyzer Get(Guid workspaceId, WorkspaceTaxonomy taxonomy)
    {
        if (taxonomy.IsStarter)
        {
            return _starters.GetOrAdd(taxonomy.Industry, industry => Compile(StarterTaxonomies.For(industry)));
        }

        if (_byWorkspace.TryGetValue(workspaceId, out var cached) && cached.Version == taxonomy.Version)
        {
            return cached.Analyzer;
        }

        var analyzer = Compile(taxonomy.Topics);
        _byWorkspace[workspaceId] = (taxonomy.Version, analyzer);
        return analyzer;
    }

    /// <summary>The analyser of a starter taxonomy (for the CLI's <c>text score</c>, which needs no database).</summary>
    public static TextAnalyzer ForStarter(string industry) => Compile(StarterTaxonomies.For(industry));

    public static TextAnalyzer Compile(IReadOnlyList<TopicDefinition> topics)
    {
        var compiled = TopicTaxonomy.Compile(topics);
        return compiled.Taxonomy is { } taxonomy
            ? new TextAnalyzer(taxonomy)
            : throw new InvalidOperationException("A stored taxonomy does not compile: " + string.Join("; ", compiled.Errors.Select(e => $"{e.Key}: {e.Message}")));
    }
}
