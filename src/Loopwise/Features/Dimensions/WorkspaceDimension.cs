using Loopwise.Data;
using Loopwise.Features.Responses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Dimensions;

/// <summary>
/// A customer attribute (region, plan, value tier...) that metrics can be sliced by. Each response stores a snapshot of
/// its customer's values for the workspace's dimensions at the time it is stored, and the answer rollups are kept per
/// dimension value, so "NPS by month by region" is answered from rollups, never by re-reading customers.
/// </summary>
public sealed class WorkspaceDimension : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    /// <summary>The attribute key in customers' attributes, e.g. <c>region</c>.</summary>
    public required string Attribute { get; init; }

    /// <summary>How people read it, e.g. "Region".</summary>
    public required string Label { get; set; }

    /// <summary>Display order.</summary>
    public int Position { get; set; }

    public DateTime CreatedAt { get; init; }
}

internal sealed class WorkspaceDimensionConfiguration : IEntityTypeConfiguration<WorkspaceDimension>
{
    public void Configure(EntityTypeBuilder<WorkspaceDimension> builder)
    {
        builder.ToTable("workspace_dimensions");
        builder.HasKey(d => new { d.WorkspaceId, d.Attribute });
        builder.Property(d => d.Attribute).HasMaxLength(DimensionRules.MaxAttributeLength);
        builder.Property(d => d.Label).HasMaxLength(100);
    }
}

/// <summary>
/// Rating answers per period, survey, question, dimension and dimension value (the dimension twin of
/// <see cref="Responses.AnswerRollup"/>, without the touchpoint: slices by touchpoint and dimension at once scan facts).
/// </summary>
public abstract class AnswerDimensionRollupRow : RollupRow
{
    public Guid SurveyId { get; init; }

    public required string QuestionId { get; init; }

    public required string Dimension { get; init; }

    public required string DimensionValue { get; init; }

    public int Value { get; init; }

    public long Count { get; set; }
}

/// <summary>Answer counts per dimension value and UTC day of completion.</summary>
public sealed class AnswerDimensionRollup : AnswerDimensionRollupRow;

/// <summary>Answer counts per dimension value and calendar month, written with the day rollup.</summary>
public sealed class AnswerDimensionMonthRollup : AnswerDimensionRollupRow;

internal sealed class AnswerDimensionRollupConfiguration : IEntityTypeConfiguration<AnswerDimensionRollup>, IEntityTypeConfiguration<AnswerDimensionMonthRollup>
{
    public void Configure(EntityTypeBuilder<AnswerDimensionRollup> builder) => Configure(builder, RollupGrain.Day);

    public void Configure(EntityTypeBuilder<AnswerDimensionMonthRollup> builder) => Configure(builder, RollupGrain.Month);

    private static void Configure<T>(EntityTypeBuilder<T> builder, RollupGrain grain)
        where T : AnswerDimensionRollupRow
    {
        builder.ToTable(grain.Table("answer_dimension"));
        builder.HasKey(r => new { r.WorkspaceId, r.SurveyId, r.QuestionId, r.Dimension, r.DimensionValue, r.Day, r.Value, r.Slot });
        builder.Property(r => r.Day).HasColumnName(grain.Column);
        builder.Property(r => r.QuestionId).HasMaxLength(64);
        builder.Property(r => r.Dimension).HasMaxLength(DimensionRules.MaxAttributeLength);
        if (grain == RollupGrain.Day)
        {
            builder.HasIndex(r => new { r.WorkspaceId, r.SurveyId, r.QuestionId, r.Dimension, r.Day }).HasDatabaseName("ix_answer_dimension_rollups_day");
        }
        builder.Property(r => r.DimensionValue).HasMaxLength(DimensionRules.MaxValueLength);
    }
}
