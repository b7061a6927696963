using Loopwise.Core.Kpis;

namespace Loopwise.Core.Drivers;

/// <summary>Settings of <see cref="EmergingTopics"/>; the defaults are our product defaults.</summary>
public sealed record EmergingTopicOptions
{
    /// <summary>The default options.</summary>
    public static EmergingTopicOptions Default { get; } = new();

    /// <summary>
    /// A topic needs at least this many mentions in the recent window to be tested (ours: 10, so that 0 → 2 mentions is
    /// never called a trend, and the normal approximation has about 5 or more expected mentions per window).
    /// </summary>
    public long MinimumRecentMentions { get; init; } = 10;

    /// <summary>Significance level after adjustment.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>The correction across the topics tested together.</summary>
    public MultipleComparisonMethod Method { get; init; } = MultipleComparisonMethod.Holm;
}
