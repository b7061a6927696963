namespace Loopwise.Features.TextAnalytics;

/// <summary>What the drill-down into one topic shows: its trend, a page of its comments and its figures over the range.</summary>
public sealed record TopicDetailView(TopicTrendDto Trend, CommentPageDto Comments, TopicStatsDto? Stats, string? Label)
{
    public int Pages => Math.Max(1, (Comments.Total + Comments.PageSize - 1) / Comments.PageSize);
}
