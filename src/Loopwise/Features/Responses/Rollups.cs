using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Responses;

/// <summary>
/// What every rollup row has: its workspace, the first day of its period (the day itself in a day rollup, the first
/// day of the month in a month rollup, see <see cref="RollupGrain"/>) and its slot.
/// </summary>
public abstract class RollupRow : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    /// <summary>The day counted, or the first day of the month counted in a month rollup.</summary>
    public DateOnly Day { get; init; }

    /// <inheritdoc cref="RollupSlots"/>
    public int Slot { get; init; }
}

/// <summary>
/// Sufficient statistic for rating questions: the count of answers with one value, per period, survey, question and
/// touchpoint (cx-reference.md conventions: one count per scale point). Maintained in the same transaction as the
/// responses, so it can never disagree with them.
/// </summary>
public abstract class AnswerRollupRow : RollupRow
{
    public Guid SurveyId { get; init; }

    public required string QuestionId { get; init; }

    public Guid TouchpointId { get; init; }

    public int Value { get; init; }

    public long Count { get; set; }
}

/// <summary>Answer counts per UTC day of completion.</summary>
public sealed class AnswerRollup : AnswerRollupRow;

/// <summary>Answer counts per calendar month of completion: the day rollup folded by month, written with it.</summary>
public sealed class AnswerMonthRollup : AnswerRollupRow;

/// <summary>Started and completed responses per period, survey and touchpoint (completion and abandonment rates).</summary>
public abstract class ResponseRollupRow : RollupRow
{
    public Guid SurveyId { get; init; }

    public Guid TouchpointId { get; init; }

    public long Started { get; set; }

    public long Completed { get; set; }
}

/// <summary>Started and completed responses per UTC day.</summary>
public sealed class ResponseRollup : ResponseRollupRow;

/// <summary>Started and completed responses per calendar month, written with the day rollup.</summary>
public sealed class ResponseMonthRollup : ResponseRollupRow;

/// <summary>
/// Several rows may hold one rollup key, told apart by a slot: small concurrent writes on PostgreSQL each add to a
/// random slot, so they do not queue on one row's lock (migration 20261123040000_RollupSlots). A rollup's value is
/// the sum over its slots; every reader groups without the slot.
/// </summary>
public static class RollupSlots
{
    /// <summary>Slots that small writes spread over; bulk writes and SQLite use slot 0.</summary>
    public const int Count = 16;

    private static int _leased;

    public static int Random() => System.Random.Shared.Next(Count);

    /// <summary>
    /// A slot that no other write of this process holds until the lease is disposed (the first free one from a random
    /// start), or a random slot when all are held: concurrent small writes of one server then never wait for each
    /// other's rollup rows, whose locks last until their commit's WAL flush. Dispose the lease after the commit.
    /// </summary>
    public static Lease Take()
    {
        var start = Random();
        for (var i = 0; i < Count; i++)
        {
            var slot = (start + i) % Count;
            var bit = 1 << slot;
            var leased = Volatile.Read(ref _leased);
            if ((leased & bit) == 0 && (Interlocked.Or(ref _leased, bit) & bit) == 0)
            {
                return new Lease(slot, bit);
            }
        }

        return new Lease(start, 0);
    }

    /// <summary>A slot taken by <see cref="Take"/>; disposing it frees the slot for the next write.</summary>
    public readonly struct Lease(int slot, int bit) : IDisposable
    {
        public int Slot { get; } = slot;

        public void Dispose()
        {
            if (bit != 0)
            {
                Interlocked.And(ref _leased, ~bit);
            }
        }
    }
}

internal sealed class AnswerRollupConfiguration : IEntityTypeConfiguration<AnswerRollup>, IEntityTypeConfiguration<AnswerMonthRollup>
{
    public void Configure(EntityTypeBuilder<AnswerRollup> builder) => Configure(builder, RollupGrain.Day);

    public void Configure(EntityTypeBuilder<AnswerMonthRollup> builder) => Configure(builder, RollupGrain.Month);

    private static void Configure<T>(EntityTypeBuilder<T> builder, RollupGrain grain)
        where T : AnswerRollupRow
    {
        builder.ToTable(grain.Table("answer"));
        builder.HasKey(r => new { r.WorkspaceId, r.SurveyId, r.QuestionId, r.TouchpointId, r.Day, r.Value, r.Slot });
        builder.Property(r => r.Day).HasColumnName(grain.Column);
        builder.Property(r => r.QuestionId).HasMaxLength(64);
        if (grain == RollupGrain.Day)
        {
            builder.HasIndex(r => new { r.WorkspaceId, r.SurveyId, r.QuestionId, r.Day }).HasDatabaseName("ix_answer_rollups_day");
        }
    }
}

internal sealed class ResponseRollupConfiguration : IEntityTypeConfiguration<ResponseRollup>, IEntityTypeConfiguration<ResponseMonthRollup>
{
    public void Configure(EntityTypeBuilder<ResponseRollup> builder) => Configure(builder, RollupGrain.Day);

    public void Configure(EntityTypeBuilder<ResponseMonthRollup> builder) => Configure(builder, RollupGrain.Month);

    private static void Configure<T>(EntityTypeBuilder<T> builder, RollupGrain grain)
        where T : ResponseRollupRow
    {
        builder.ToTable(grain.Table("response"));
        builder.HasKey(r => new { r.WorkspaceId, r.SurveyId, r.TouchpointId, r.Day, r.Slot });
        builder.Property(r => r.Day).HasColumnName(grain.Column);
        if (grain == RollupGrain.Day)
        {
            builder.HasIndex(r => new { r.WorkspaceId, r.Day }).HasDatabaseName("ix_response_rollups_day");
        }
    }
}
