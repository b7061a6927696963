namespace Loopwise.Core.Text.Topics;

/// <summary>The result of compiling a taxonomy: the taxonomy, or every error found (each naming its topic key).</summary>
public sealed record TaxonomyCompilation(TopicTaxonomy? Taxonomy, IReadOnlyList<TaxonomyError> Errors);
