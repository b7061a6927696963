using Loopwise.Core.Kpis;
using Loopwise.Core.Metrics;

namespace Loopwise.Core.Drivers;

/// <summary>
/// The simple, explainable "topic impact" of cx-reference.md §5 (recommendation 3): for each topic,
/// NPS(mentioning) − NPS(not mentioning), tested with the §1 adjusted-Wald difference test and adjusted for multiple
/// comparisons across the topics (§1: "with many segments, correct for multiple comparisons"). The groups are
/// independent (each respondent is in exactly one of the two for a given topic). A respondent may mention several
/// topics, so topics are not independent of each other; Holm's correction needs no independence.
/// </summary>
public static class TopicImpact
{
    /// <summary>
    /// One row per topic, in input order. The family adjusted together is the topics whose two groups both have
    /// n ≥ 30 (<see cref="SampleBases.AllowsSignificance"/>); the others are never significant.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">alpha is not in (0, 1).</exception>
    public static IReadOnlyList<TopicImpactRow> Compute(
        IReadOnlyList<TopicNpsSplit> topics, MultipleComparisonMethod method = MultipleComparisonMethod.Holm, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var rows = new TopicImpactRow[topics.Count];
        var family = new List<int>();
        for (var i = 0; i < topics.Count; i++)
        {
            var topic = topics[i];
            var mentioning = Nps.Compute(topic.Mentioning).Score;
            var notMentioning = Nps.Compute(topic.NotMentioning).Score;
            var test = Nps.Compare(topic.Mentioning, topic.NotMentioning);
            rows[i] = new TopicImpactRow(
                topic.Key, topic.Mentioning, topic.NotMentioning, mentioning, notMentioning, mentioning - notMentioning, test, null, false);
            if (test is not null && SampleBases.AllowsSignificance(topic.Mentioning.N, topic.NotMentioning.N))
            {
                family.Add(i);
            }
        }

        var adjusted = MultipleComparisons.Adjust(family.Select(i => rows[i].Test!.PValue).ToArray(), method, alpha);
        for (var k = 0; k < family.Count; k++)
        {
            rows[family[k]] = rows[family[k]] with { AdjustedPValue = adjusted[k].Adjusted, Significant = adjusted[k].Reject };
        }

        return rows;
    }
}
