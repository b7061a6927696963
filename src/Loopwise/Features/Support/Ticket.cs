using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Support;

/// <summary>
/// A support ticket: its identity and dimensions, plus a summary derived from its append-only
/// <see cref="TicketEvent"/>s by <see cref="Loopwise.Core.Support.TicketTimeline"/> and
/// <see cref="Loopwise.Core.Support.RepeatContacts"/>. The summary is rewritten as events arrive, always together with
/// the difference it makes to the rollups (see <see cref="TicketWriter"/>); the events are the facts.
/// </summary>
public sealed class Ticket : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    /// <summary>The source system's ticket id, unique in the workspace.</summary>
    public required string ExternalId { get; init; }

    public Guid? CustomerId { get; init; }

    /// <summary>One of <see cref="TicketChannels.All"/>.</summary>
    public required string Channel { get; init; }

    /// <summary>The touchpoint, or <see cref="Guid.Empty"/> for none.</summary>
    public Guid TouchpointId { get; init; }

    /// <summary>Links tickets of the same issue of one customer, for repeat-contact FCR.</summary>
    public string? IssueKey { get; init; }

    public string? Subject { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary><c>customer</c> or <c>agent</c>.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>The current status (the last status event), <c>new</c> before any.</summary>
    public required string Status { get; set; }

    public DateTime? ClockStartedAt { get; set; }

    public DateTime? FirstResponseAt { get; set; }

    public long? FrtSeconds { get; set; }

    public long? FrtBusinessSeconds { get; set; }

    /// <summary>Business FRT within the workspace's SLA target when the summary was last derived.</summary>
    public bool SlaMet { get; set; }

    public DateTime? SolvedAt { get; set; }

    public int ReopenedCount { get; set; }

    /// <summary>Inbound contacts on this ticket.</summary>
    public int Contacts { get; set; }

    /// <summary>The agent's "resolved at first contact" flag.</summary>
    public bool AgentFlaggedFcr { get; set; }

    public bool Transferred { get; set; }

    /// <summary>True when the ticket is a first contact of its issue (not a repeat of an earlier ticket).</summary>
    public bool IsFirstContact { get; set; }

    /// <summary>The first repeat inbound contact within the FCR window, if any.</summary>
    public DateTime? RepeatContactAt { get; set; }

    /// <summary>The customer's first public message after the first solve (kept to relink issues without re-reading events).</summary>
    public DateTime? CustomerReturnAt { get; set; }

    /// <summary>Events stored so far; the next event's sequence number.</summary>
    public int EventCount { get; set; }
}

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("tickets");
        builder.HasKey(t => new { t.WorkspaceId, t.Id });
        builder.HasIndex(t => new { t.WorkspaceId, t.ExternalId }).IsUnique();
        builder.HasIndex(t => new { t.WorkspaceId, t.CustomerId, t.IssueKey });
        builder.Property(t => t.ExternalId).HasMaxLength(100);
        builder.Property(t => t.Channel).HasMaxLength(16);
        builder.Property(t => t.IssueKey).HasMaxLength(200);
        builder.Property(t => t.Subject).HasMaxLength(500);
        builder.Property(t => t.CreatedBy).HasMaxLength(16);
        builder.Property(t => t.Status).HasMaxLength(16);
    }
}

/// <summary>The support channels and their stored names.</summary>
public static class TicketChannels
{
    public static IReadOnlyList<string> All { get; } = ["email", "chat", "phone", "social", "web", "app", "sms", "in-person"];

    public static bool IsKnown(string value) => All.Contains(value, StringComparer.Ordinal);
}
