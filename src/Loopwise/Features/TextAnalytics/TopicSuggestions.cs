using Loopwise.Core.Text.Discovery;
using Loopwise.Data;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.TextAnalytics;

/// <summary>
/// Topic discovery (issue 4, item 4): key phrases of the analysed comments no topic covers, ranked by TF-IDF and grouped,
/// each with a proposed rule a person can accept into the taxonomy (a taxonomy save).
/// </summary>
public sealed class TopicSuggestions(LoopwiseDbContext db)
{
    /// <summary>The newest uncovered comments read: enough for phrases to stand out, bounded for a page view.</summary>
    public const int MaxComments = 5_000;

    public const int MaxSuggestions = 20;

    public async Task<TopicSuggestionsDto> SuggestAsync(TextRange range, CancellationToken ct)
    {
        var uncovered = await db.Set<CommentAnalysisRow>().AsNoTracking()
            .Where(c => c.RespondedAt >= range.Start && c.RespondedAt < range.End && c.LanguageSupported && c.TopicsJson == "[]")
            .Where(c => range.TouchpointId == null || c.TouchpointId == range.TouchpointId)
            .OrderByDescending(c => c.RespondedAt)
            .Take(MaxComments)
            .Select(c => c.Text)
            .ToListAsync(ct);
        var suggestions = KeyPhrases.Suggest(uncovered).Take(MaxSuggestions).Select(s => new TopicSuggestionDto(
            s.Phrase, s.Rule, s.Documents, s.Score, [.. s.Variants], [.. s.Examples.Take(3).Select(i => uncovered[i])])).ToList();
        return new TopicSuggestionsDto(range.ToDto(), uncovered.Count, suggestions);
    }
}

/// <summary>Suggested topics from the comments no topic covers.</summary>
public sealed record TopicSuggestionsDto(TextRangeDto Range, int UncoveredComments, IReadOnlyList<TopicSuggestionDto> Suggestions);

/// <summary>A key phrase with the rule that would match it, how many uncovered comments hold it and a few of them.</summary>
public sealed record TopicSuggestionDto(string Phrase, string Rule, int Comments, double Score, IReadOnlyList<string> Variants, IReadOnlyList<string> Examples);
