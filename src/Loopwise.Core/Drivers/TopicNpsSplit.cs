using Loopwise.Core.Metrics;

namespace Loopwise.Core.Drivers;

/// <summary>
/// The NPS counts of the respondents whose comment mentions a topic and of those whose comment does not: the rollup
/// input of <see cref="TopicImpact"/>. Both groups should come from the same base, the respondents with an analysed
/// comment (silent respondents cannot mention anything and differ from commenters); the groups are disjoint.
/// </summary>
/// <param name="Key">The topic key.</param>
/// <param name="Mentioning">Counts of respondents whose comment mentions the topic.</param>
/// <param name="NotMentioning">Counts of the other respondents of the same base.</param>
public sealed record TopicNpsSplit(string Key, NpsCounts Mentioning, NpsCounts NotMentioning)
{
    /// <summary>
    /// The split from a topic's counts and the base's total (the shape a rollup stores: one NpsCounts per topic plus
    /// one for all commenters): not mentioning = total − mentioning.
    /// </summary>
    /// <exception cref="ArgumentException">A category of <paramref name="mentioning"/> exceeds the total's.</exception>
    public static TopicNpsSplit FromTotal(string key, NpsCounts mentioning, NpsCounts total)
    {
        if (mentioning.Promoters > total.Promoters || mentioning.Passives > total.Passives || mentioning.Detractors > total.Detractors)
        {
            throw new ArgumentException($"Topic '{key}' has more respondents in a category than the total.", nameof(mentioning));
        }

        return new TopicNpsSplit(
            key,
            mentioning,
            new NpsCounts(total.Promoters - mentioning.Promoters, total.Passives - mentioning.Passives, total.Detractors - mentioning.Detractors));
    }
}
