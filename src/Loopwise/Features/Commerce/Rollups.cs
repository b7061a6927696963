using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Commerce;

// Every rollup below is maintained in the same transaction as its facts and follows the slot rule of ADR 0007
// (Loopwise.Features.Responses.RollupSlots): readers always sum over slots.

/// <summary>Orders and their amount per UTC day (of <see cref="Order.OrderedAt"/>) and currency.</summary>
public sealed class RevenueRollup : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public DateOnly Day { get; init; }

    public required string Currency { get; init; }

    public int Slot { get; init; }

    public long Orders { get; set; }

    public long AmountMinor { get; set; }
}

/// <summary>
/// A customer who ordered at least once in a month (first day of the UTC month). Distinct customers cannot be summed
/// from daily counts, so this small set is kept exactly (insert-if-absent) and counted per month through its key.
/// Subscription activity is not copied in here: a subscription open today would need a row for every future month,
/// so readers add the customers whose subscription overlaps the month (see <see cref="CommerceQuery"/>).
/// </summary>
public sealed class CustomerActivityMonth : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public DateOnly Month { get; init; }

    public Guid CustomerId { get; init; }
}

/// <summary>Subscriptions started and cancelled per UTC day, plan and currency, with their MRR.</summary>
public sealed class SubscriptionRollup : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public DateOnly Day { get; init; }

    public required string Plan { get; init; }

    public required string Currency { get; init; }

    public int Slot { get; init; }

    public long Started { get; set; }

    public long Cancelled { get; set; }

    public long StartedMrrMinor { get; set; }

    public long CancelledMrrMinor { get; set; }
}

/// <summary>
/// Cancellations per cancel day and start day (plan, currency): "lost during [a, b) among those active at a" is the sum
/// over cancel days in [a, b) and start days before a, exactly, for any period on day boundaries. Subscriptions that
/// start inside the period are thereby left out of the numerator as they are of the denominator (cx-reference.md §3).
/// </summary>
public sealed class SubscriptionCancelRollup : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public DateOnly CancelDay { get; init; }

    public DateOnly StartDay { get; init; }

    public required string Plan { get; init; }

    public required string Currency { get; init; }

    public int Slot { get; init; }

    public long Cancelled { get; set; }

    public long CancelledMrrMinor { get; set; }
}

/// <summary>
/// Per UTC day: referrals made (by referral time), referrals converted (by conversion time), new customers (by their
/// acquisition time) and new customers acquired via referral (acquisition source <c>referral</c>).
/// </summary>
public sealed class ReferralRollup : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public DateOnly Day { get; init; }

    public int Slot { get; init; }

    public long Referrals { get; set; }

    public long Converted { get; set; }

    public long NewCustomers { get; set; }

    public long NewViaReferral { get; set; }
}

/// <summary>A customer who referred at least once in a month (the advocacy basis of the referral rate).</summary>
public sealed class ReferrerMonth : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public DateOnly Month { get; init; }

    public Guid CustomerId { get; init; }
}

/// <summary>Journey step states per UTC day, journey, step and touchpoint (<see cref="Guid.Empty"/> for none).</summary>
public sealed class JourneyRollup : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public DateOnly Day { get; init; }

    public required string JourneyKey { get; init; }

    public required string StepKey { get; init; }

    public Guid TouchpointId { get; init; }

    public int Slot { get; init; }

    public long Started { get; set; }

    public long Completed { get; set; }

    public long Abandoned { get; set; }
}

internal sealed class RevenueRollupConfiguration : IEntityTypeConfiguration<RevenueRollup>
{
    public void Configure(EntityTypeBuilder<RevenueRollup> builder)
    {
        builder.ToTable("revenue_rollups");
        builder.HasKey(r => new { r.WorkspaceId, r.Day, r.Currency, r.Slot });
        builder.Property(r => r.Currency).HasMaxLength(3);
    }
}

internal sealed class CustomerActivityMonthConfiguration : IEntityTypeConfiguration<CustomerActivityMonth>
{
    public void Configure(EntityTypeBuilder<CustomerActivityMonth> builder)
    {
        builder.ToTable("customer_activity_months");
        builder.HasKey(r => new { r.WorkspaceId, r.Month, r.CustomerId });
    }
}

internal sealed class SubscriptionRollupConfiguration : IEntityTypeConfiguration<SubscriptionRollup>
{
    public void Configure(EntityTypeBuilder<SubscriptionRollup> builder)
    {
        builder.ToTable("subscription_rollups");
        builder.HasKey(r => new { r.WorkspaceId, r.Day, r.Plan, r.Currency, r.Slot });
        builder.Property(r => r.Plan).HasMaxLength(100);
        builder.Property(r => r.Currency).HasMaxLength(3);
    }
}

internal sealed class SubscriptionCancelRollupConfiguration : IEntityTypeConfiguration<SubscriptionCancelRollup>
{
    public void Configure(EntityTypeBuilder<SubscriptionCancelRollup> builder)
    {
        builder.ToTable("subscription_cancel_rollups");
        builder.HasKey(r => new { r.WorkspaceId, r.CancelDay, r.StartDay, r.Plan, r.Currency, r.Slot });
        builder.Property(r => r.Plan).HasMaxLength(100);
        builder.Property(r => r.Currency).HasMaxLength(3);
    }
}

internal sealed class ReferralRollupConfiguration : IEntityTypeConfiguration<ReferralRollup>
{
    public void Configure(EntityTypeBuilder<ReferralRollup> builder)
    {
        builder.ToTable("referral_rollups");
        builder.HasKey(r => new { r.WorkspaceId, r.Day, r.Slot });
    }
}

internal sealed class ReferrerMonthConfiguration : IEntityTypeConfiguration<ReferrerMonth>
{
    public void Configure(EntityTypeBuilder<ReferrerMonth> builder)
    {
        builder.ToTable("referrer_months");
        builder.HasKey(r => new { r.WorkspaceId, r.Month, r.CustomerId });
    }
}

internal sealed class JourneyRollupConfiguration : IEntityTypeConfiguration<JourneyRollup>
{
    public void Configure(EntityTypeBuilder<JourneyRollup> builder)
    {
        builder.ToTable("journey_rollups");
        builder.HasKey(r => new { r.WorkspaceId, r.Day, r.JourneyKey, r.StepKey, r.TouchpointId, r.Slot });
        builder.Property(r => r.JourneyKey).HasMaxLength(64);
        builder.Property(r => r.StepKey).HasMaxLength(64);
    }
}
