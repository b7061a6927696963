using Loopwise.Core.Kpis;
using Loopwise.Core.Metrics;

namespace Loopwise.Core.Drivers;

/// <summary>
/// Emerging topics (issue 4, item 5): a topic emerges when its share of comments grew significantly from a baseline
/// window to a recent window. The test is the "N − 1" two-proportion z-test of cx-reference.md §2
/// (<see cref="Proportion.Compare"/>), taken one-sided for growth, p = 1 − Φ(z), and adjusted across the tested
/// topics (Holm by default). The windows must hold different comments (independent samples).
/// </summary>
public static class EmergingTopics
{
    /// <summary>
    /// One row per topic, in input order. <paramref name="baselineComments"/> and <paramref name="recentComments"/> are
    /// all the analysed comments of each window, the denominators of every topic's share.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A count is negative, mentions exceed the window's comments, the minimum mentions is negative, or alpha is not in (0, 1).
    /// </exception>
    public static IReadOnlyList<EmergingTopicRow> Detect(
        long baselineComments, long recentComments, IReadOnlyList<TopicWindowCounts> topics, EmergingTopicOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(topics);
        options ??= EmergingTopicOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(baselineComments);
        ArgumentOutOfRangeException.ThrowIfNegative(recentComments);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MinimumRecentMentions, nameof(options));
        MeanComparison.CheckAlpha(options.Alpha);

        var rows = new EmergingTopicRow[topics.Count];
        var tested = new List<int>();
        for (var i = 0; i < topics.Count; i++)
        {
            var topic = topics[i];
            ArgumentOutOfRangeException.ThrowIfNegative(topic.BaselineMentions, nameof(topics));
            ArgumentOutOfRangeException.ThrowIfNegative(topic.RecentMentions, nameof(topics));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(topic.BaselineMentions, baselineComments, nameof(topics));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(topic.RecentMentions, recentComments, nameof(topics));

            double? before = baselineComments == 0 ? null : (double)topic.BaselineMentions / baselineComments;
            double? after = recentComments == 0 ? null : (double)topic.RecentMentions / recentComments;
            double? lift = before > 0.0 ? after / before : null;
            var check = !SampleBases.AllowsSignificance(baselineComments, recentComments)
                ? EmergingTopicCheck.TooFewComments
                : topic.RecentMentions < options.MinimumRecentMentions ? EmergingTopicCheck.TooFewMentions : EmergingTopicCheck.Tested;

            double? z = null;
            double? p = null;
            if (check == EmergingTopicCheck.Tested)
            {
                z = Proportion.Compare(topic.RecentMentions, recentComments, topic.BaselineMentions, baselineComments)!.Z;
                p = Normal.Survival(z.Value);
                tested.Add(i);
            }

            rows[i] = new EmergingTopicRow(
                topic.Key, topic.BaselineMentions, topic.RecentMentions, before, after, after - before, lift, check, z, p, null, false);
        }

        var adjusted = MultipleComparisons.Adjust(tested.Select(i => rows[i].PValue!.Value).ToArray(), options.Method, options.Alpha);
        for (var k = 0; k < tested.Count; k++)
        {
            rows[tested[k]] = rows[tested[k]] with { AdjustedPValue = adjusted[k].Adjusted, Emerging = adjusted[k].Reject };
        }

        return rows;
    }
}
