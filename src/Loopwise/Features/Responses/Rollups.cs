using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Responses;

/// <summary>
/// Sufficient statistic for rating questions: the count of answers with one value, per day, survey, question and
/// touchpoint (cx-reference.md conventions: one count per scale point). Maintained in the same transaction as the
/// responses, so it can never disagree with them.
/// </summary>
public sealed class AnswerRollup : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid SurveyId { get; init; }

    public required string QuestionId { get; init; }

    public Guid TouchpointId { get; init; }

    public DateOnly Day { get; init; }

    public int Value { get; init; }

    public long Count { get; set; }
}

/// <summary>Started and completed responses per day, survey and touchpoint (completion and abandonment rates).</summary>
public sealed class ResponseRollup : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid SurveyId { get; init; }

    public Guid TouchpointId { get; init; }

    public DateOnly Day { get; init; }

    public long Started { get; set; }

    public long Completed { get; set; }
}

internal sealed class AnswerRollupConfiguration : IEntityTypeConfiguration<AnswerRollup>
{
    public void Configure(EntityTypeBuilder<AnswerRollup> builder)
    {
        builder.ToTable("answer_rollups");
        builder.HasKey(r => new { r.WorkspaceId, r.SurveyId, r.QuestionId, r.TouchpointId, r.Day, r.Value });
        builder.Property(r => r.QuestionId).HasMaxLength(64);
    }
}

internal sealed class ResponseRollupConfiguration : IEntityTypeConfiguration<ResponseRollup>
{
    public void Configure(EntityTypeBuilder<ResponseRollup> builder)
    {
        builder.ToTable("response_rollups");
        builder.HasKey(r => new { r.WorkspaceId, r.SurveyId, r.TouchpointId, r.Day });
    }
}
