using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.TextAnalytics;

/// <summary>
/// One topic found in one comment, with the aspect sentiment (the sentences that mention it): the table topic volumes,
/// trends, drill-downs and drivers group on, indexed by topic and date.
/// </summary>
public sealed class CommentTopicRow : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid ResponseId { get; init; }

    public required string QuestionId { get; init; }

    public required string TopicKey { get; init; }

    public DateTime RespondedAt { get; init; }

    public Guid TouchpointId { get; init; }

    /// <summary>The aspect sentiment in −1..1.</summary>
    public double Sentiment { get; init; }

    /// <summary>The response's 0–10 recommend answer, if it has one.</summary>
    public int? Nps { get; init; }
}

internal sealed class CommentTopicRowConfiguration : IEntityTypeConfiguration<CommentTopicRow>
{
    public void Configure(EntityTypeBuilder<CommentTopicRow> builder)
    {
        builder.ToTable("comment_topics");
        builder.HasKey(c => new { c.WorkspaceId, c.ResponseId, c.QuestionId, c.TopicKey });
        builder.HasIndex(c => new { c.WorkspaceId, c.TopicKey, c.RespondedAt });
        builder.Property(c => c.QuestionId).HasMaxLength(100);
        builder.Property(c => c.TopicKey).HasMaxLength(200);
    }
}
