using Loopwise.Core.Drivers;
using Loopwise.Core.Metrics;
using Loopwise.Data;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.TextAnalytics;

/// <summary>
/// Key drivers and emerging topics over the stored comment analyses. A response is one case: its outcome is its 0–10
/// recommend answer (or 1–5 CSAT), its predictors are one 0/1 flag per topic (mentioned in any of its analysed
/// comments). Top-level topics by default: a child implies its parent, so parents and children together are collinear.
/// </summary>
public sealed class TextDriversQuery(LoopwiseDbContext db, TaxonomyStore taxonomies)
{
    /// <summary>Resamples are seeded so the same data gives the same intervals.</summary>
    public const int BootstrapSeed = 20261202;

    public const int RecentDays = 30;

    public const int BaselineDays = 90;

    /// <summary><paramref name="outcome"/> is "nps" or "csat"; <paramref name="parent"/> analyses the children of one topic instead of the top level.</summary>
    public async Task<Web.Result<TextDriversDto>> DriversAsync(TextRange range, string? outcome, string? parent, CancellationToken ct)
    {
        outcome ??= "nps";
        if (outcome is not ("nps" or "csat"))
        {
            return Web.Error.Invalid.Field("outcome", "The outcome is nps or csat.");
        }

        var taxonomy = await taxonomies.CurrentAsync(ct);
        if (parent is not null && taxonomy.Topics.All(t => t.Key != parent))
        {
            return new Web.Error.NotFound($"There is no topic '{parent}' in the taxonomy.");
        }

        var topics = taxonomy.Topics.Where(t => parent is null ? !t.Key.Contains('/', StringComparison.Ordinal) : t.Key.StartsWith(parent + "/", StringComparison.Ordinal)
            && !t.Key[(parent.Length + 1)..].Contains('/', StringComparison.Ordinal)).ToList();
        var names = taxonomy.Topics.ToDictionary(t => t.Key, t => t.Name, StringComparer.Ordinal);

        var comments = db.Set<CommentAnalysisRow>().AsNoTracking()
            .Where(c => c.RespondedAt >= range.Start && c.RespondedAt < range.End && c.LanguageSupported)
            .Where(c => range.TouchpointId == null || c.TouchpointId == range.TouchpointId);
        var scores = outcome == "nps"
            ? await comments.Where(c => c.Nps != null).Select(c => new { c.ResponseId, Score = c.Nps!.Value }).ToListAsync(ct)
            : await comments.Where(c => c.Csat != null).Select(c => new { c.ResponseId, Score = c.Csat!.Value }).ToListAsync(ct);
        var byResponse = new Dictionary<Guid, int>();
        foreach (var s in scores)
        {
            byResponse[s.ResponseId] = s.Score;
        }

        var keys = topics.Select(t => t.Key).ToList();
        var mentions = await db.Set<CommentTopicRow>().AsNoTracking()
            .Where(t => t.RespondedAt >= range.Start && t.RespondedAt < range.End && keys.Contains(t.TopicKey))
            .Where(t => range.TouchpointId == null || t.TouchpointId == range.TouchpointId)
            .Select(t => new { t.ResponseId, t.TopicKey })
            .ToListAsync(ct);
        var mentioned = mentions.GroupBy(m => m.TopicKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => m.ResponseId).ToHashSet(), StringComparer.Ordinal);

        var responses = byResponse.Keys.Order().ToList();
        var y = responses.Select(r => (double)byResponse[r]).ToArray();
        var predictors = keys.Select(k =>
        {
            var set = mentioned.GetValueOrDefault(k) ?? [];
            return new DriverVariable(k, [.. responses.Select(r => set.Contains(r) ? 1.0 : 0.0)], DriverVariableKind.Flag);
        }).ToList();

        var result = DriverAnalysis.Analyze(y, predictors, DriverOptions.Default with { IncludeShapley = false }, new Random(BootstrapSeed));
        var drivers = result.Drivers.OrderByDescending(d => d.RescaledWeight).Select(d => new TopicDriverDto(
            d.Key, names[d.Key], d.Sign, d.RescaledWeight, d.RescaledInterval?.Lower, d.RescaledInterval?.Upper, d.Mean, d.PearsonR, d.Vif, d.HighVif)).ToList();

        var impact = new List<TopicImpactDto>();
        if (outcome == "nps")
        {
            var total = Counts(byResponse.Values);
            var splits = keys.Select(k => TopicNpsSplit.FromTotal(k, Counts((mentioned.GetValueOrDefault(k) ?? []).Where(byResponse.ContainsKey).Select(r => byResponse[r])), total)).ToList();
            impact = [.. TopicImpact.Compute(splits).Select(r => new TopicImpactDto(
                r.Key, names[r.Key], r.NpsMentioning * 100, r.NpsNotMentioning * 100, r.Impact * 100, r.MentioningN, r.NotMentioningN,
                r.Test?.PValue, r.AdjustedPValue, r.Significant)).OrderByDescending(r => Math.Abs(r.Impact ?? 0))];
        }

        return new TextDriversDto(range.ToDto(), outcome, result.Status.ToString(), result.Responses, result.N, result.P, result.RSquared, drivers,
            [.. result.Messages.Select(m => m.Text)], impact);
    }

    /// <summary>
    /// Topics (every level) whose share of analysed comments grew significantly in the <see cref="RecentDays"/> days
    /// ending at the range's end against the <see cref="BaselineDays"/> days before them.
    /// </summary>
    public async Task<EmergingTopicsDto> EmergingAsync(TextRange range, CancellationToken ct)
    {
        var taxonomy = await taxonomies.CurrentAsync(ct);
        var recentFrom = range.To.AddDays(-(RecentDays - 1));
        var baselineFrom = recentFrom.AddDays(-BaselineDays);
        var recentStart = recentFrom.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var baselineStart = baselineFrom.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var comments = await db.Set<CommentAnalysisRow>().AsNoTracking()
            .Where(c => c.RespondedAt >= baselineStart && c.RespondedAt < range.End && c.LanguageSupported)
            .Where(c => range.TouchpointId == null || c.TouchpointId == range.TouchpointId)
            .GroupBy(c => c.RespondedAt >= recentStart)
            .Select(g => new { Recent = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var topicCounts = await db.Set<CommentTopicRow>().AsNoTracking()
            .Where(t => t.RespondedAt >= baselineStart && t.RespondedAt < range.End)
            .Where(t => range.TouchpointId == null || t.TouchpointId == range.TouchpointId)
            .GroupBy(t => new { t.TopicKey, Recent = t.RespondedAt >= recentStart })
            .Select(g => new { g.Key.TopicKey, g.Key.Recent, Count = g.Count() })
            .ToListAsync(ct);

        var recent = comments.Where(c => c.Recent).Sum(c => c.Count);
        var baseline = comments.Where(c => !c.Recent).Sum(c => c.Count);
        var windows = taxonomy.Topics.Select(t => new TopicWindowCounts(
            t.Key,
            topicCounts.Where(c => c.TopicKey == t.Key && !c.Recent).Sum(c => c.Count),
            topicCounts.Where(c => c.TopicKey == t.Key && c.Recent).Sum(c => c.Count))).ToList();
        var names = taxonomy.Topics.ToDictionary(t => t.Key, t => t.Name, StringComparer.Ordinal);
        var rows = EmergingTopics.Detect(baseline, recent, windows)
            .OrderByDescending(r => r.Emerging).ThenBy(r => r.AdjustedPValue ?? 2).ThenByDescending(r => r.RecentMentions)
            .Select(r => new EmergingTopicDto(r.Key, names[r.Key], r.BaselineMentions, r.RecentMentions, r.ShareBefore, r.ShareAfter, r.Change, r.Lift,
                r.Check.ToString(), r.PValue, r.AdjustedPValue, r.Emerging))
            .ToList();
        return new EmergingTopicsDto(TextRange.Day(recentFrom), TextRange.Day(range.To), TextRange.Day(baselineFrom), TextRange.Day(recentFrom.AddDays(-1)),
            recent, baseline, rows);
    }

    private static NpsCounts Counts(IEnumerable<int> scores) => NpsCounts.FromScale(ScaleCounts.FromValues(Scales.Nps, scores));
}
