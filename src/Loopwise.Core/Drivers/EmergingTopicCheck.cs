namespace Loopwise.Core.Drivers;

/// <summary>Whether a topic was tested for growth, and if not, which guard stopped it.</summary>
public enum EmergingTopicCheck
{
    /// <summary>The growth test ran.</summary>
    Tested,

    /// <summary>The recent window has fewer mentions than the minimum: too few to call a trend.</summary>
    TooFewMentions,

    /// <summary>A window has fewer than 30 comments in all (§1 minimum for significance).</summary>
    TooFewComments,
}
