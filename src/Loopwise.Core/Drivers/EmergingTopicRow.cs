namespace Loopwise.Core.Drivers;

/// <summary>One topic's change in share of comments between a baseline and a recent window. Shares are in 0..1.</summary>
/// <param name="Key">The topic key.</param>
/// <param name="BaselineMentions">Comments mentioning the topic in the baseline window.</param>
/// <param name="RecentMentions">Comments mentioning it in the recent window.</param>
/// <param name="ShareBefore">BaselineMentions / baseline comments, or null when the window has no comments.</param>
/// <param name="ShareAfter">RecentMentions / recent comments, or null when the window has no comments.</param>
/// <param name="Change">ShareAfter − ShareBefore (×100 for percentage points), or null.</param>
/// <param name="Lift">ShareAfter / ShareBefore, or null when ShareBefore is 0 or missing (a new topic has no finite lift).</param>
/// <param name="Check">Whether the test ran, or which guard stopped it.</param>
/// <param name="Z">The two-proportion statistic (recent minus baseline), or null when not tested.</param>
/// <param name="PValue">One-sided p for growth, 1 − Φ(z), or null when not tested.</param>
/// <param name="AdjustedPValue">The p adjusted across the tested topics, or null when not tested.</param>
/// <param name="Emerging">True when the adjusted one-sided p ≤ α: the share grew significantly.</param>
public sealed record EmergingTopicRow(
    string Key,
    long BaselineMentions,
    long RecentMentions,
    double? ShareBefore,
    double? ShareAfter,
    double? Change,
    double? Lift,
    EmergingTopicCheck Check,
    double? Z,
    double? PValue,
    double? AdjustedPValue,
    bool Emerging);
