namespace Loopwise.Core.Text.Topics;

/// <summary>
/// One topic of a workspace taxonomy. <paramref name="Key"/> is a stable slug path ("billing/refunds"), the parent's
/// key is the path without its last segment. <paramref name="Rule"/> is the topic's match rule in the rule language
/// that <see cref="TopicTaxonomy.Compile"/> parses; a parent with an empty rule matches when any child does.
/// </summary>
public sealed record TopicDefinition(string Key, string Name, string Rule);
