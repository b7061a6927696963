using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Commerce;

/// <summary>One order (a purchase): append-only; a refund or correction is a new order with a negative amount.</summary>
public sealed class Order : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    /// <summary>The workspace's own order id, unique in the workspace (a re-sent order is recognised by it).</summary>
    public required string ExternalId { get; init; }

    public Guid CustomerId { get; init; }

    public DateTime OrderedAt { get; init; }

    /// <summary>Amount in minor units of <see cref="Currency"/> (cents); sums stay exact integers.</summary>
    public long AmountMinor { get; init; }

    /// <summary>ISO 4217 code, upper case.</summary>
    public required string Currency { get; init; }

    public string? Channel { get; init; }

    public Guid? TouchpointId { get; init; }
}

/// <summary>
/// A subscription (contract). <see cref="CancelledAt"/> is the one state change a subscription has: it is set once,
/// never cleared, and every change is also written to the append-only <see cref="SubscriptionEvent"/> log.
/// </summary>
public sealed class Subscription : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    public required string ExternalId { get; init; }

    public Guid CustomerId { get; init; }

    public required string Plan { get; init; }

    public DateTime StartedAt { get; init; }

    public DateTime? CancelledAt { get; init; }

    /// <summary>Monthly recurring revenue in minor units of <see cref="Currency"/>.</summary>
    public long MrrMinor { get; init; }

    public required string Currency { get; init; }
}

/// <summary>The append-only history of a subscription: <c>started</c> and <c>cancelled</c>, with when it was recorded.</summary>
public sealed class SubscriptionEvent : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    public Guid SubscriptionId { get; init; }

    /// <summary><c>started</c> or <c>cancelled</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>When it happened (business time).</summary>
    public DateTime At { get; init; }

    public long MrrMinor { get; init; }

    /// <summary>When Loopwise learnt it (ingestion time).</summary>
    public DateTime RecordedAt { get; init; }
}

/// <summary>One customer referring another; <see cref="ConvertedAt"/> is set once, when the referred customer converts.</summary>
public sealed class Referral : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    public Guid ReferrerId { get; init; }

    public Guid ReferredId { get; init; }

    public DateTime ReferredAt { get; init; }

    public DateTime? ConvertedAt { get; init; }
}

/// <summary>State of a journey step for one session.</summary>
public enum JourneyStepState
{
    Started,
    Completed,
    Abandoned,
}

/// <summary>A session reaching a state in one step of a journey (checkout, onboarding...). Append-only.</summary>
public sealed class JourneyStep : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    public required string JourneyKey { get; init; }

    public required string StepKey { get; init; }

    public Guid? CustomerId { get; init; }

    public required string SessionId { get; init; }

    public JourneyStepState State { get; init; }

    public DateTime At { get; init; }

    public Guid? TouchpointId { get; init; }
}

/// <summary>An explicit journey definition: its name and the funnel order of its steps.</summary>
public sealed class Journey : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public required string Key { get; init; }

    public required string Name { get; set; }

    /// <summary>The step keys in funnel order, as a JSON array of strings.</summary>
    public required string StepsJson { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("orders");
        builder.HasKey(o => new { o.WorkspaceId, o.Id });
        builder.HasIndex(o => new { o.WorkspaceId, o.ExternalId }).IsUnique();
        builder.HasIndex(o => new { o.WorkspaceId, o.CustomerId, o.OrderedAt });
        builder.Property(o => o.ExternalId).HasMaxLength(100);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.Property(o => o.Channel).HasMaxLength(32);
    }
}

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        builder.ToTable("subscriptions");
        builder.HasKey(s => new { s.WorkspaceId, s.Id });
        builder.HasIndex(s => new { s.WorkspaceId, s.ExternalId }).IsUnique();
        builder.HasIndex(s => new { s.WorkspaceId, s.CustomerId });
        builder.Property(s => s.ExternalId).HasMaxLength(100);
        builder.Property(s => s.Plan).HasMaxLength(100);
        builder.Property(s => s.Currency).HasMaxLength(3);
    }
}

internal sealed class SubscriptionEventConfiguration : IEntityTypeConfiguration<SubscriptionEvent>
{
    public void Configure(EntityTypeBuilder<SubscriptionEvent> builder)
    {
        builder.ToTable("subscription_events");
        builder.HasKey(e => new { e.WorkspaceId, e.Id });
        builder.HasIndex(e => new { e.WorkspaceId, e.SubscriptionId });
        builder.Property(e => e.Kind).HasMaxLength(16);
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.ToTable("referrals");
        builder.HasKey(r => new { r.WorkspaceId, r.Id });
        builder.HasIndex(r => new { r.WorkspaceId, r.ReferrerId, r.ReferredId }).IsUnique();
    }
}

internal sealed class JourneyStepConfiguration : IEntityTypeConfiguration<JourneyStep>
{
    public void Configure(EntityTypeBuilder<JourneyStep> builder)
    {
        builder.ToTable("journey_steps");
        builder.HasKey(s => new { s.WorkspaceId, s.Id });
        builder.HasIndex(s => new { s.WorkspaceId, s.JourneyKey, s.SessionId, s.StepKey, s.State }).IsUnique();
        builder.Property(s => s.JourneyKey).HasMaxLength(64);
        builder.Property(s => s.StepKey).HasMaxLength(64);
        builder.Property(s => s.SessionId).HasMaxLength(100);
        builder.Property(s => s.State).HasConversion(v => JourneyStates.Name(v), v => JourneyStates.Parse(v)).HasMaxLength(16);
    }
}

internal sealed class JourneyConfiguration : IEntityTypeConfiguration<Journey>
{
    public void Configure(EntityTypeBuilder<Journey> builder)
    {
        builder.ToTable("journeys");
        builder.HasKey(j => new { j.WorkspaceId, j.Key });
        builder.Property(j => j.Key).HasMaxLength(64);
        builder.Property(j => j.Name).HasMaxLength(200);
    }
}

/// <summary>Storage names of <see cref="JourneyStepState"/> (lower case, as the API and CSV write them).</summary>
public static class JourneyStates
{
    public static string Name(JourneyStepState state) => state switch
    {
        JourneyStepState.Started => "started",
        JourneyStepState.Completed => "completed",
        _ => "abandoned",
    };

    public static JourneyStepState Parse(string value) => value switch
    {
        "started" => JourneyStepState.Started,
        "completed" => JourneyStepState.Completed,
        _ => JourneyStepState.Abandoned,
    };

    public static bool TryParse(string? value, out JourneyStepState state)
    {
        state = JourneyStepState.Started;
        var text = value?.Trim().ToLowerInvariant();
        if (text is "started" or "completed" or "abandoned")
        {
            state = Parse(text);
            return true;
        }

        return false;
    }
}
