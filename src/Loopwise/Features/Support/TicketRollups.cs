using Loopwise.Features.Responses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Support;

/// <summary>
/// Sufficient statistics of tickets per UTC day of creation, channel and touchpoint: counts for FCR (all variants'
/// stored parts), SLA and reopens, and exact sums of first response seconds for means. Several rows may hold one key
/// (<see cref="Responses.RollupSlots"/>): readers sum over slots. The month table holds the same per calendar month of creation.
/// </summary>
public abstract class TicketRollupRow : RollupRow
{
    public required string Channel { get; init; }

    public Guid TouchpointId { get; init; }

    public long Opened { get; set; }

    public long CreatedByAgent { get; set; }

    /// <summary>Tickets that are a first contact of their issue (FCR denominator before pending days are left out).</summary>
    public long FirstContacts { get; set; }

    /// <summary>First contacts resolved by the agent-flagged rule (flag, no transfer, no reopen).</summary>
    public long AgentFlaggedFcr { get; set; }

    /// <summary>First contacts with a repeat inbound contact within W.</summary>
    public long RepeatWithinWindow { get; set; }

    public long Transferred { get; set; }

    /// <summary>Tickets whose first-response clock started (SLA denominator).</summary>
    public long ClockStarted { get; set; }

    /// <summary>Tickets with a first response.</summary>
    public long Replied { get; set; }

    public long FrtSumSeconds { get; set; }

    public long FrtBusinessSumSeconds { get; set; }

    public long SlaMet { get; set; }

    /// <summary>Sum of reopen counts.</summary>
    public long Reopened { get; set; }

    public long Solved { get; set; }
}

/// <summary>Ticket counts per UTC day of creation.</summary>
public sealed class TicketRollup : TicketRollupRow;

/// <summary>Ticket counts per calendar month of creation, written with the day rollup.</summary>
public sealed class TicketMonthRollup : TicketRollupRow;

/// <summary>First response times per period, channel, touchpoint and clock, as <see cref="Core.Support.DurationBuckets"/> counts (medians, P90).</summary>
public abstract class TicketDurationRollupRow : RollupRow
{
    public required string Channel { get; init; }

    public Guid TouchpointId { get; init; }

    /// <summary><c>calendar</c> or <c>business</c>.</summary>
    public required string Clock { get; init; }

    public int Bucket { get; init; }

    public long Count { get; set; }
}

/// <summary>First response time buckets per UTC day of creation.</summary>
public sealed class TicketDurationRollup : TicketDurationRollupRow;

/// <summary>First response time buckets per calendar month of creation, written with the day rollup.</summary>
public sealed class TicketDurationMonthRollup : TicketDurationRollupRow;

internal sealed class TicketRollupConfiguration : IEntityTypeConfiguration<TicketRollup>, IEntityTypeConfiguration<TicketMonthRollup>
{
    public void Configure(EntityTypeBuilder<TicketRollup> builder) => Configure(builder, RollupGrain.Day);

    public void Configure(EntityTypeBuilder<TicketMonthRollup> builder) => Configure(builder, RollupGrain.Month);

    private static void Configure<T>(EntityTypeBuilder<T> builder, RollupGrain grain)
        where T : TicketRollupRow
    {
        builder.ToTable(grain.Table("ticket"));
        builder.HasKey(r => new { r.WorkspaceId, r.Day, r.Channel, r.TouchpointId, r.Slot });
        builder.Property(r => r.Day).HasColumnName(grain.Column);
        builder.Property(r => r.Channel).HasMaxLength(16);
    }
}

internal sealed class TicketDurationRollupConfiguration : IEntityTypeConfiguration<TicketDurationRollup>, IEntityTypeConfiguration<TicketDurationMonthRollup>
{
    public void Configure(EntityTypeBuilder<TicketDurationRollup> builder) => Configure(builder, RollupGrain.Day);

    public void Configure(EntityTypeBuilder<TicketDurationMonthRollup> builder) => Configure(builder, RollupGrain.Month);

    private static void Configure<T>(EntityTypeBuilder<T> builder, RollupGrain grain)
        where T : TicketDurationRollupRow
    {
        builder.ToTable(grain.Table("ticket_duration"));
        // Clock, period and bucket first: reads take one clock and sum buckets by period (migration 20261124080000).
        builder.HasKey(r => new { r.WorkspaceId, r.Clock, r.Day, r.Bucket, r.Channel, r.TouchpointId, r.Slot });
        builder.Property(r => r.Day).HasColumnName(grain.Column);
        builder.Property(r => r.Channel).HasMaxLength(16);
        builder.Property(r => r.Clock).HasMaxLength(16);
    }
}
