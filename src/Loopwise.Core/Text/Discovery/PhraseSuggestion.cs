namespace Loopwise.Core.Text.Discovery;

/// <summary>
/// A suggested topic: the key phrase that leads its group, a rule in the topic rule language that matches every phrase
/// of the group, the group's phrases, and the documents the rule matches.
/// </summary>
/// <param name="Phrase">The highest-ranked phrase of the group, lower case.</param>
/// <param name="Rule">A rule for <see cref="Topics.TopicTaxonomy.Compile"/>, such as <c>refund*, "money back"</c>.</param>
/// <param name="Score">The TF-IDF score of <paramref name="Phrase"/>: Σ over documents of tf(t, d)·ln(N/df(t)).</param>
/// <param name="Lift">
/// With a background set: (df/N) / ((df_bg + 1)/(N_bg + 1)), how much more often documents contain the phrase than
/// background documents do; null without one.
/// </param>
/// <param name="Documents">How many of the documents the rule matches.</param>
/// <param name="Examples">Indexes of the first few documents the rule matches, ascending.</param>
/// <param name="Variants">The phrases grouped under this suggestion, in rank order, the leading phrase first.</param>
public sealed record PhraseSuggestion(
    string Phrase,
    string Rule,
    double Score,
    double? Lift,
    int Documents,
    IReadOnlyList<int> Examples,
    IReadOnlyList<string> Variants);
