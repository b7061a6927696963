using Loopwise.Core.Text;
using Loopwise.Data;
using Loopwise.Features.Metrics;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.TextAnalytics;

/// <summary>
/// Reads the stored comment analyses of the current workspace: a summary, topics by volume and sentiment, a topic's
/// trend, and a topic's comments with what to highlight. Shares are of the analysed (supported-language) comments.
/// </summary>
public sealed class TextAnalyticsQuery(LoopwiseDbContext db, TaxonomyStore taxonomies)
{
    public const int MaxPageSize = 100;

    private IQueryable<CommentAnalysisRow> Comments(TextRange range) =>
        db.Set<CommentAnalysisRow>().AsNoTracking()
            .Where(c => c.RespondedAt >= range.Start && c.RespondedAt < range.End)
            .Where(c => range.TouchpointId == null || c.TouchpointId == range.TouchpointId);

    private IQueryable<CommentTopicRow> Topics(TextRange range) =>
        db.Set<CommentTopicRow>().AsNoTracking()
            .Where(t => t.RespondedAt >= range.Start && t.RespondedAt < range.End)
            .Where(t => range.TouchpointId == null || t.TouchpointId == range.TouchpointId);

    public async Task<TextSummaryDto> SummaryAsync(TextRange range, CancellationToken ct)
    {
        var taxonomy = await taxonomies.CurrentAsync(ct);
        var byLanguage = await Comments(range)
            .GroupBy(c => new { c.Language, c.LanguageSupported, c.Label })
            .Select(g => new { g.Key.Language, g.Key.LanguageSupported, g.Key.Label, Count = g.Count(), Sentiment = g.Sum(c => c.Sentiment) })
            .ToListAsync(ct);
        var supported = byLanguage.Where(g => g.LanguageSupported).ToList();
        var analysed = supported.Sum(g => g.Count);
        var withTopics = await Comments(range).CountAsync(c => c.TopicsJson != "[]", ct);
        var redacted = await Comments(range).CountAsync(c => c.PiiCount > 0, ct);
        var stale = await Comments(range).CountAsync(c => c.ModelVersion != TextAnalyzer.ModelVersion || c.TaxonomyVersion != taxonomy.Version, ct);

        var emotions = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var json in Comments(range).Where(c => c.EmotionsJson != "{}").Select(c => c.EmotionsJson).AsAsyncEnumerable().WithCancellation(ct))
        {
            foreach (var name in AnalysisJson.ReadEmotions(json).Keys)
            {
                emotions[name] = emotions.GetValueOrDefault(name) + 1;
            }
        }

        return new TextSummaryDto(
            range.ToDto(),
            byLanguage.Sum(g => g.Count),
            analysed,
            byLanguage.Where(g => !g.LanguageSupported).Sum(g => g.Count),
            supported.Where(g => g.Label == "positive").Sum(g => g.Count),
            supported.Where(g => g.Label == "neutral").Sum(g => g.Count),
            supported.Where(g => g.Label == "negative").Sum(g => g.Count),
            analysed == 0 ? null : supported.Sum(g => g.Sentiment) / analysed,
            withTopics,
            redacted,
            byLanguage.GroupBy(g => g.Language, StringComparer.Ordinal).OrderByDescending(g => g.Sum(x => x.Count))
                .ToDictionary(g => g.Key, g => g.Sum(x => x.Count), StringComparer.Ordinal),
            emotions.OrderByDescending(e => e.Value).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal),
            stale,
            taxonomy.Version,
            TextAnalyzer.ModelVersion);
    }

    public async Task<TopicsDto> TopicsAsync(TextRange range, CancellationToken ct)
    {
        var taxonomy = await taxonomies.CurrentAsync(ct);
        var analysed = await Comments(range).CountAsync(c => c.LanguageSupported, ct);
        var stats = await Topics(range)
            .GroupBy(t => t.TopicKey)
            .Select(g => new
            {
                Key = g.Key,
                Mentions = g.Count(),
                Sentiment = g.Sum(t => t.Sentiment),
                Negative = g.Count(t => t.Sentiment <= -0.05),
                Promoters = g.Count(t => t.Nps >= 9),
                Detractors = g.Count(t => t.Nps <= 6),
                WithNps = g.Count(t => t.Nps != null),
            })
            .ToDictionaryAsync(s => s.Key, StringComparer.Ordinal, ct);

        var topics = taxonomy.Topics.Select(topic =>
        {
            var s = stats.GetValueOrDefault(topic.Key);
            var mentions = s?.Mentions ?? 0;
            return new TopicStatsDto(
                topic.Key,
                topic.Name,
                topic.Key.Count(c => c == '/') + 1,
                mentions,
                analysed == 0 ? 0 : (double)mentions / analysed,
                mentions == 0 ? 0 : s!.Sentiment / mentions,
                mentions == 0 ? 0 : (double)s!.Negative / mentions,
                s is { WithNps: > 0 } ? 100.0 * (s.Promoters - s.Detractors) / s.WithNps : null,
                s?.WithNps ?? 0);
        }).ToList();
        return new TopicsDto(range.ToDto(), analysed, topics);
    }

    public async Task<Result<TopicTrendDto>> TrendAsync(string key, TextRange range, CancellationToken ct)
    {
        var taxonomy = await taxonomies.CurrentAsync(ct);
        if (taxonomy.Topics.FirstOrDefault(t => t.Key == key) is not { } topic)
        {
            return new Error.NotFound($"There is no topic '{key}' in the taxonomy.");
        }

        var mentions = await Topics(range).Where(t => t.TopicKey == key).Select(t => new { t.RespondedAt, t.Sentiment }).ToListAsync(ct);
        var analysed = await Comments(range).Where(c => c.LanguageSupported).Select(c => c.RespondedAt).ToListAsync(ct);
        var interval = range.Interval;
        var periods = new SortedDictionary<DateOnly, (int Mentions, double Sentiment, int Analysed)>();
        for (var start = interval.Start(range.From); start <= range.To; start = interval.Next(start))
        {
            periods[start] = default;
        }

        foreach (var m in mentions)
        {
            var start = interval.Start(DateOnly.FromDateTime(m.RespondedAt));
            var p = periods[start];
            periods[start] = (p.Mentions + 1, p.Sentiment + m.Sentiment, p.Analysed);
        }

        foreach (var at in analysed)
        {
            var start = interval.Start(DateOnly.FromDateTime(at));
            var p = periods[start];
            periods[start] = (p.Mentions, p.Sentiment, p.Analysed + 1);
        }

        return new TopicTrendDto(topic.Key, topic.Name, interval.Name(), [.. periods.Select(p => new TopicTrendPointDto(
            interval.Label(p.Key),
            TextRange.Day(p.Key),
            p.Value.Mentions,
            p.Value.Analysed,
            p.Value.Analysed == 0 ? null : (double)p.Value.Mentions / p.Value.Analysed,
            p.Value.Mentions == 0 ? null : p.Value.Sentiment / p.Value.Mentions))]);
    }

    /// <summary>A topic's comments, newest first; <paramref name="label"/> keeps one sentiment label.</summary>
    public async Task<Result<CommentPageDto>> CommentsAsync(string key, TextRange range, string? label, int page, int pageSize, CancellationToken ct)
    {
        var taxonomy = await taxonomies.CurrentAsync(ct);
        if (taxonomy.Topics.FirstOrDefault(t => t.Key == key) is not { } topic)
        {
            return new Error.NotFound($"There is no topic '{key}' in the taxonomy.");
        }

        if (label is not null && label is not ("positive" or "neutral" or "negative"))
        {
            return Error.Invalid.Field("label", "The label is positive, neutral or negative.");
        }

        if (page < 1 || pageSize < 1 || pageSize > MaxPageSize)
        {
            return Error.Invalid.Field("page", $"page starts at 1 and pageSize is 1..{MaxPageSize}.");
        }

        var matching = from t in Topics(range).Where(t => t.TopicKey == key)
                       join c in db.Set<CommentAnalysisRow>().AsNoTracking() on new { t.ResponseId, t.QuestionId } equals new { c.ResponseId, c.QuestionId }
                       where label == null || c.Label == label
                       select c;
        var total = await matching.CountAsync(ct);
        var rows = await matching.OrderByDescending(c => c.RespondedAt).ThenBy(c => c.ResponseId)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new CommentPageDto(topic.Key, topic.Name, total, page, pageSize, [.. rows.Select(ToDto)]);
    }

    public static CommentDto ToDto(CommentAnalysisRow row) => new(
        row.ResponseId,
        row.QuestionId,
        row.RespondedAt,
        row.Text,
        row.Language,
        row.Label,
        row.Sentiment,
        row.Nps,
        AnalysisJson.ReadSentences(row.SentencesJson),
        AnalysisJson.ReadTopics(row.TopicsJson),
        AnalysisJson.ReadEmotions(row.EmotionsJson));
}
