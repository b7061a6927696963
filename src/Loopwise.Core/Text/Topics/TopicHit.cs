namespace Loopwise.Core.Text.Topics;

/// <summary>A topic rule that matched in a sentence: the index of the topic in <see cref="TopicTaxonomy.Topics"/> and the matched phrase.</summary>
public readonly record struct TopicHit(int Topic, TextSpan Phrase);
