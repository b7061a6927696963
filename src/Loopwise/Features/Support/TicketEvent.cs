using Loopwise.Core.Support;
using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Support;

/// <summary>
/// One append-only fact of a ticket's timeline (cx-reference.md §4): created, message, status, transferred or
/// resolved_flag. Corrections are new events. Text values are the snake_case names of the Core enums.
/// </summary>
public sealed class TicketEvent : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid TicketId { get; init; }

    /// <summary>Arrival order within the ticket, from 0 (the created event).</summary>
    public int Seq { get; init; }

    public DateTime At { get; init; }

    /// <summary><c>created</c>, <c>message</c>, <c>status</c>, <c>transferred</c> or <c>resolved_flag</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Messages: <c>inbound</c> or <c>outbound</c>.</summary>
    public string? Direction { get; init; }

    /// <summary>Outbound messages: <c>human</c>, <c>bot</c> or <c>system</c>; created: <c>customer</c> or <c>agent</c>.</summary>
    public string? Author { get; init; }

    /// <summary>Messages: false for a private note.</summary>
    public bool? IsPublic { get; init; }

    /// <summary>Status events: the new status.</summary>
    public string? Status { get; init; }

    /// <summary>Resolved-flag events: set or cleared.</summary>
    public bool? Flag { get; init; }

    /// <summary>The Core view of this event.</summary>
    public TimelineEvent ToTimeline() => Kind switch
    {
        "created" => TimelineEvent.Created(At, Author == "agent" ? TicketOrigin.Agent : TicketOrigin.Customer),
        "message" => Direction == "inbound"
            ? TimelineEvent.Inbound(At, IsPublic ?? true)
            : TimelineEvent.Outbound(At, SupportNames.Author(Author ?? "human"), IsPublic ?? true),
        "status" => TimelineEvent.StatusChange(At, SupportNames.Status(Status ?? "open")),
        "transferred" => TimelineEvent.Transfer(At),
        "resolved_flag" => TimelineEvent.ResolvedFlagSet(At, Flag ?? true),
        _ => throw new InvalidOperationException($"Unknown ticket event kind '{Kind}'."),
    };
}

internal sealed class TicketEventConfiguration : IEntityTypeConfiguration<TicketEvent>
{
    public void Configure(EntityTypeBuilder<TicketEvent> builder)
    {
        builder.ToTable("ticket_events");
        builder.HasKey(e => new { e.WorkspaceId, e.TicketId, e.Seq });
        builder.Property(e => e.Kind).HasMaxLength(16);
        builder.Property(e => e.Direction).HasMaxLength(16);
        builder.Property(e => e.Author).HasMaxLength(16);
        builder.Property(e => e.Status).HasMaxLength(16);
    }
}
