using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.TextAnalytics;

/// <summary>
/// What the comment pipeline read from one free-text answer (cx-reference.md §6). The text is stored redacted: the
/// original stays only in the response's answers, shown to those allowed to see personal data. The response's NPS and
/// CSAT answers are copied here so topic impact and key drivers read one table. Replaced whole on re-processing.
/// </summary>
public sealed class CommentAnalysisRow : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid ResponseId { get; init; }

    public required string QuestionId { get; init; }

    public Guid SurveyId { get; init; }

    public Guid TouchpointId { get; init; }

    public Guid? CustomerId { get; init; }

    /// <summary>When the response was completed: the comment's date for trends.</summary>
    public DateTime RespondedAt { get; init; }

    public required string Language { get; init; }

    public bool LanguageSupported { get; init; }

    /// <summary>The comment's compound sentiment in −1..1 (0 when the language is not supported).</summary>
    public double Sentiment { get; init; }

    /// <summary>"positive", "neutral" or "negative"; null when the language is not supported.</summary>
    public string? Label { get; init; }

    /// <summary>The response's 0–10 recommend answer, if it has one.</summary>
    public int? Nps { get; init; }

    /// <summary>The response's 1–5 CSAT answer, if it has one.</summary>
    public int? Csat { get; init; }

    /// <summary>The redacted comment.</summary>
    public required string Text { get; init; }

    /// <summary>[[start, length, compound], ...] per sentence, in <see cref="Text"/>.</summary>
    public required string SentencesJson { get; init; }

    /// <summary>[{key, sentiment, phrases: [[start, length], ...]}, ...].</summary>
    public required string TopicsJson { get; init; }

    /// <summary>{emotion: intensity, ...} for the emotions found.</summary>
    public required string EmotionsJson { get; init; }

    public int PiiCount { get; init; }

    public required string ModelVersion { get; init; }

    public int TaxonomyVersion { get; init; }

    public DateTime AnalysedAt { get; init; }
}

internal sealed class CommentAnalysisRowConfiguration : IEntityTypeConfiguration<CommentAnalysisRow>
{
    public void Configure(EntityTypeBuilder<CommentAnalysisRow> builder)
    {
        builder.ToTable("comment_analyses");
        builder.HasKey(c => new { c.WorkspaceId, c.ResponseId, c.QuestionId });
        builder.HasIndex(c => new { c.WorkspaceId, c.RespondedAt });
        builder.Property(c => c.QuestionId).HasMaxLength(100);
        builder.Property(c => c.Language).HasMaxLength(16);
        builder.Property(c => c.Label).HasMaxLength(8);
        builder.Property(c => c.ModelVersion).HasMaxLength(32);
    }
}
