using Loopwise.Core.Cases;
using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Cases;

/// <summary>
/// Something that happened to a case, append-only: its creation, each transition (with the state it entered), an
/// assignment, a note, a contact with the customer, an SLA warning or breach. The state changes among them are the
/// input of the SLA clocks; together they are the case's audit trail.
/// </summary>
public sealed class CaseEvent : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    public Guid CaseId { get; init; }

    /// <summary>1, 2, 3... within the case: the order of events that share a timestamp, and a guard against two writers appending at once.</summary>
    public int Sequence { get; init; }

    public DateTime At { get; init; }

    /// <summary>"user:{id}", "key:{id}", "system" or "rule:{id}".</summary>
    public required string Actor { get; init; }

    public CaseEventKind Kind { get; init; }

    /// <summary>The action taken, for transitions.</summary>
    public CaseAction? Action { get; init; }

    public CaseState? FromState { get; init; }

    /// <summary>The state the case is in after this event (set on every event that changed it, and on creation).</summary>
    public CaseState? ToState { get; init; }

    /// <summary>Note text, contact summary, or what changed.</summary>
    public string? Body { get; init; }

    /// <summary>For contacts: phone, email, sms, chat, in_person.</summary>
    public string? Channel { get; init; }

    /// <summary>For contacts: reached, no_answer, left_message.</summary>
    public string? Outcome { get; init; }
}

/// <summary>What a <see cref="CaseEvent"/> records.</summary>
public enum CaseEventKind
{
    Created,
    Transition,
    Note,
    Contact,
    SlaWarning,
    SlaBreach,
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("case_events");
        builder.HasKey(e => new { e.WorkspaceId, e.Id });
        builder.HasIndex(e => new { e.WorkspaceId, e.CaseId, e.Sequence }).IsUnique();
        builder.Property(e => e.Actor).HasMaxLength(100);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.FromState).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.ToState).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.Channel).HasMaxLength(16);
        builder.Property(e => e.Outcome).HasMaxLength(16);
    }
}
