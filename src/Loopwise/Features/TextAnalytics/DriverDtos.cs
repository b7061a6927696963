namespace Loopwise.Features.TextAnalytics;

/// <summary>
/// Which topics move the outcome (cx-reference.md §5): Johnson's relative weights of the topic flags with 90% bootstrap
/// intervals, n and R² always shown; when a guard suppresses the weights, <see cref="Drivers"/> is empty and
/// <see cref="Messages"/> says why. <see cref="Impact"/> is the simpler topic impact, NPS(mentioning) − NPS(not).
/// </summary>
public sealed record TextDriversDto(
    TextRangeDto Range,
    string Outcome,
    string Status,
    int Responses,
    int N,
    int P,
    double? RSquared,
    IReadOnlyList<TopicDriverDto> Drivers,
    IReadOnlyList<string> Messages,
    IReadOnlyList<TopicImpactDto> Impact);

/// <summary>One topic's relative weight (percent of R², signed by r) and its share of responses mentioning it.</summary>
public sealed record TopicDriverDto(
    string Key,
    string Name,
    int Sign,
    double Weight,
    double? WeightLow,
    double? WeightHigh,
    double MentionShare,
    double PearsonR,
    double Vif,
    bool HighVif);

/// <summary>NPS of respondents mentioning a topic against those not mentioning it (scores ×100), with the §1 test adjusted across topics.</summary>
public sealed record TopicImpactDto(
    string Key,
    string Name,
    double? NpsMentioning,
    double? NpsNotMentioning,
    double? Impact,
    long MentioningN,
    long NotMentioningN,
    double? PValue,
    double? AdjustedPValue,
    bool Significant);

/// <summary>Topics whose share of comments grew significantly in the recent window against the baseline window before it.</summary>
public sealed record EmergingTopicsDto(string RecentFrom, string RecentTo, string BaselineFrom, string BaselineTo, int RecentComments, int BaselineComments, IReadOnlyList<EmergingTopicDto> Topics);

public sealed record EmergingTopicDto(
    string Key,
    string Name,
    long BaselineMentions,
    long RecentMentions,
    double? ShareBefore,
    double? ShareAfter,
    double? Change,
    double? Lift,
    string Check,
    double? PValue,
    double? AdjustedPValue,
    bool Emerging);
