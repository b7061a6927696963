using Loopwise.Core.Metrics;

namespace Loopwise.Core.Drivers;

/// <summary>
/// A topic's impact on NPS: NPS(mentioning) − NPS(not mentioning), with both n and the §1 difference test.
/// Scores are in −1..1 (×100 for display).
/// </summary>
/// <param name="Key">The topic key.</param>
/// <param name="Mentioning">Counts of respondents mentioning the topic.</param>
/// <param name="NotMentioning">Counts of respondents not mentioning it.</param>
/// <param name="NpsMentioning">The raw NPS of those mentioning, or null when none did.</param>
/// <param name="NpsNotMentioning">The raw NPS of the others, or null when there are none.</param>
/// <param name="Impact">NpsMentioning − NpsNotMentioning (raw scores), or null when a group is empty.</param>
/// <param name="Test">
/// The adjusted-Wald difference test of cx-reference.md §1 (<see cref="Nps.Compare"/>): its difference is of the
/// adjusted scores NPS′ and its p is unadjusted. Null when a group is empty.
/// </param>
/// <param name="AdjustedPValue">
/// The p-value adjusted across the topics compared together (Holm by default), or null when the topic was not in the
/// family (a group empty or under n = 30).
/// </param>
/// <param name="Significant">True when <see cref="AdjustedPValue"/> ≤ α (which needs both n ≥ 30).</param>
public sealed record TopicImpactRow(
    string Key,
    NpsCounts Mentioning,
    NpsCounts NotMentioning,
    double? NpsMentioning,
    double? NpsNotMentioning,
    double? Impact,
    Comparison? Test,
    double? AdjustedPValue,
    bool Significant)
{
    /// <summary>n of the respondents mentioning the topic.</summary>
    public long MentioningN => Mentioning.N;

    /// <summary>n of the respondents not mentioning it.</summary>
    public long NotMentioningN => NotMentioning.N;

    /// <summary>How far the mentioning group's score can be trusted (§1 minimum-n defaults).</summary>
    public SampleBase MentioningBase => SampleBases.Classify(MentioningN);

    /// <summary>How far the other group's score can be trusted.</summary>
    public SampleBase NotMentioningBase => SampleBases.Classify(NotMentioningN);
}
