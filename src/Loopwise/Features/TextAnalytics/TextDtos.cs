namespace Loopwise.Features.TextAnalytics;

/// <summary>The range and filter a text analytics answer is about (UTC days, both inclusive).</summary>
public sealed record TextRangeDto(string From, string To, string? Touchpoint);

/// <summary>The comments of a range at a glance.</summary>
public sealed record TextSummaryDto(
    TextRangeDto Range,
    int Comments,
    int Analysed,
    int OtherLanguages,
    int Positive,
    int Neutral,
    int Negative,
    double? MeanSentiment,
    int WithTopics,
    int Redacted,
    IReadOnlyDictionary<string, int> Languages,
    IReadOnlyDictionary<string, int> Emotions,
    int Stale,
    int TaxonomyVersion,
    string ModelVersion);

/// <summary>
/// One topic over a range: comments mentioning it, its share of the analysed comments, aspect sentiment, and the NPS of
/// the responses mentioning it (with <see cref="NpsN"/>, the comments whose response has a recommend answer).
/// </summary>
public sealed record TopicStatsDto(
    string Key,
    string Name,
    int Depth,
    int Mentions,
    double Share,
    double MeanSentiment,
    double NegativeShare,
    double? Nps,
    int NpsN);

/// <summary>Every topic of the taxonomy over a range, with the base they are shares of.</summary>
public sealed record TopicsDto(TextRangeDto Range, int Analysed, IReadOnlyList<TopicStatsDto> Topics);

/// <summary>One trend point of a topic.</summary>
public sealed record TopicTrendPointDto(string Period, string Start, int Mentions, int Analysed, double? Share, double? MeanSentiment);

public sealed record TopicTrendDto(string Key, string Name, string Interval, IReadOnlyList<TopicTrendPointDto> Points);

public sealed record SpanDto(int Start, int Length);

public sealed record SentenceDto(int Start, int Length, double Sentiment);

public sealed record CommentTopicDto(string Key, double Sentiment, IReadOnlyList<SpanDto> Phrases);

/// <summary>One analysed comment, redacted, with what to highlight: its sentences' sentiment and each topic's phrases.</summary>
public sealed record CommentDto(
    Guid ResponseId,
    string QuestionId,
    DateTime RespondedAt,
    string Text,
    string Language,
    string? Label,
    double Sentiment,
    int? Nps,
    IReadOnlyList<SentenceDto> Sentences,
    IReadOnlyList<CommentTopicDto> Topics,
    IReadOnlyDictionary<string, double> Emotions);

/// <summary>A page of a topic's comments, newest first.</summary>
public sealed record CommentPageDto(string Key, string Name, int Total, int Page, int PageSize, IReadOnlyList<CommentDto> Comments);

/// <summary>The taxonomy in force: version 0 is the unsaved starter of the industry.</summary>
public sealed record TaxonomyDto(string Industry, int Version, IReadOnlyList<TopicDto> Topics, DateTime? UpdatedAt, string? UpdatedBy, IReadOnlyList<string> Industries)
{
    public static TaxonomyDto From(WorkspaceTaxonomy taxonomy) => new(
        taxonomy.Industry,
        taxonomy.Version,
        [.. taxonomy.Topics.Select(t => new TopicDto(t.Key, t.Name, t.Rule))],
        taxonomy.UpdatedAt,
        taxonomy.UpdatedBy,
        Core.Text.Topics.StarterTaxonomies.Industries);
}

/// <summary>A taxonomy save: the version it was edited from, optionally a new industry, and every topic.</summary>
public sealed record SaveTaxonomyRequest(int Version, string? Industry, IReadOnlyList<TopicDto>? Topics);

/// <summary>A text to analyse with the workspace's taxonomy (nothing is stored).</summary>
public sealed record AnalyseRequest(string? Text);
