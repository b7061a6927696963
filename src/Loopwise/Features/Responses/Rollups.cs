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

    /// <inheritdoc cref="RollupSlots"/>
    public int Slot { get; init; }

    public long Count { get; set; }
}

/// <summary>Started and completed responses per day, survey and touchpoint (completion and abandonment rates).</summary>
public sealed class ResponseRollup : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid SurveyId { get; init; }

    public Guid TouchpointId { get; init; }

    public DateOnly Day { get; init; }

    /// <inheritdoc cref="RollupSlots"/>
    public int Slot { get; init; }

    public long Started { get; set; }

    public long Completed { get; set; }
}

/// <summary>
/// Several rows may hold one rollup key, told apart by a slot: small concurrent writes on PostgreSQL each add to a
/// random slot, so they do not queue on one row's lock (migration 20261123040000_RollupSlots). A rollup's value is
/// the sum over its slots; every reader groups without the slot.
/// </summary>
public static class RollupSlots
{
    /// <summary>Slots that small writes spread over; bulk writes and SQLite use slot 0.</summary>
    public const int Count = 16;

    public static int Random() => System.Random.Shared.Next(Count);
}

internal sealed class AnswerRollupConfiguration : IEntityTypeConfiguration<AnswerRollup>
{
    public void Configure(EntityTypeBuilder<AnswerRollup> builder)
    {
        builder.ToTable("answer_rollups");
        builder.HasKey(r => new { r.WorkspaceId, r.SurveyId, r.QuestionId, r.TouchpointId, r.Day, r.Value, r.Slot });
        builder.Property(r => r.QuestionId).HasMaxLength(64);
    }
}

internal sealed class ResponseRollupConfiguration : IEntityTypeConfiguration<ResponseRollup>
{
    public void Configure(EntityTypeBuilder<ResponseRollup> builder)
    {
        builder.ToTable("response_rollups");
        builder.HasKey(r => new { r.WorkspaceId, r.SurveyId, r.TouchpointId, r.Day, r.Slot });
    }
}
