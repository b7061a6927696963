namespace Loopwise.Core.Drivers;

/// <summary>
/// How many comments mention a topic in a baseline window and in a recent window. Count comments, not phrases: a
/// comment that mentions the topic twice counts once, so a share is mentions/comments ≤ 1.
/// </summary>
/// <param name="Key">The topic key.</param>
/// <param name="BaselineMentions">Comments mentioning the topic in the baseline window.</param>
/// <param name="RecentMentions">Comments mentioning the topic in the recent window.</param>
public sealed record TopicWindowCounts(string Key, long BaselineMentions, long RecentMentions);
