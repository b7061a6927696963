using Loopwise.Core.Text;

namespace Loopwise.Features.TextAnalytics;

/// <summary>
/// One comment as <c>loopwise text score</c> prints it and <c>POST /api/v1/text/analyse</c> returns it: the redacted
/// text, language, sentiment (comment and sentences), emotions, topics with their aspect sentiment and matched phrases,
/// and how many of each kind of personal data were redacted.
/// </summary>
public sealed record ScoredCommentDto(
    string Text,
    string Language,
    bool LanguageSupported,
    double Sentiment,
    string Label,
    double Positive,
    double Neutral,
    double Negative,
    IReadOnlyList<SentenceDto> Sentences,
    IReadOnlyDictionary<string, double> Emotions,
    IReadOnlyList<ScoredTopicDto> Topics,
    IReadOnlyDictionary<string, int> Redactions)
{
    public static ScoredCommentDto From(CommentAnalysis analysis) => new(
        analysis.Text,
        analysis.Language,
        analysis.LanguageSupported,
        Math.Round(analysis.Sentiment.Compound, 4),
        AnalysisJson.LabelName(analysis.Sentiment.Label),
        Math.Round(analysis.Sentiment.Positive, 3),
        Math.Round(analysis.Sentiment.Neutral, 3),
        Math.Round(analysis.Sentiment.Negative, 3),
        [.. analysis.Sentences.Select(s => new SentenceDto(s.Span.Start, s.Span.Length, Math.Round(s.Sentiment.Compound, 4)))],
        analysis.Emotions.ToDictionary(e => AnalysisJson.EmotionName(e.Emotion), e => Math.Round(e.Intensity, 3), StringComparer.Ordinal),
        [.. analysis.Topics.Select(t => new ScoredTopicDto(
            t.Key,
            Math.Round(t.Sentiment.Compound, 4),
            AnalysisJson.LabelName(t.Sentiment.Label),
            [.. t.Phrases.Select(p => analysis.Text.Substring(p.Start, p.Length))]))],
        analysis.Redactions.GroupBy(r => r.Kind).ToDictionary(g => g.Key.ToString().ToLowerInvariant(), g => g.Count(), StringComparer.Ordinal));
}

/// <summary>A topic of a scored comment: its key, aspect sentiment and the phrases that matched.</summary>
public sealed record ScoredTopicDto(string Key, double Sentiment, string Label, IReadOnlyList<string> Phrases);
