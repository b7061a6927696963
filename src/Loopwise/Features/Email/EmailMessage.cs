using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Email;

/// <summary>
/// One outbound e-mail and its delivery state (the outbox row and the delivery log in one): added with its
/// <c>email.send</c> job by <see cref="EmailOutbox"/> in the caller's transaction, sent by <see cref="EmailSendJob"/>.
/// </summary>
public sealed class EmailMessage : ITenantOwned
{
    public const int ErrorMaxLength = 2000;

    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    /// <summary>invitation, alert, case... (<see cref="EmailPurposes"/>).</summary>
    public required string Purpose { get; init; }

    public required string ToAddress { get; init; }

    public string? ToName { get; init; }

    public required string Subject { get; init; }

    public required string TextBody { get; init; }

    public string? HtmlBody { get; init; }

    /// <summary>The customer it is to (invitations): an unsubscribed customer's queued messages are suppressed.</summary>
    public Guid? CustomerId { get; init; }

    /// <summary>What it is about: the invitation, alert or case id.</summary>
    public Guid? RelatedId { get; init; }

    public EmailStatus Status { get; set; }

    /// <summary>SMTP attempts made (each one is in <see cref="EmailAttempt"/>); sending-limit waits are not attempts.</summary>
    public int Attempts { get; set; }

    /// <summary>Times it was handed to the outbox: 1, plus one per resend (names the job's dedupe key).</summary>
    public int Sends { get; set; } = 1;

    public string? LastError { get; set; }

    /// <summary>The server's last reply (the 250 of a sent message, the 4xx/5xx of a refusal).</summary>
    public string? LastReply { get; set; }

    /// <summary>The RFC 5322 Message-ID without brackets, derived from <see cref="Id"/>: every resend carries the same one.</summary>
    public required string MessageId { get; init; }

    /// <summary>Secret of this message's unsubscribe link (<c>/u/{token}</c>); null when it offers none.</summary>
    public string? UnsubscribeToken { get; init; }

    public string? UnsubscribeUrl { get; init; }

    /// <summary>When it took a place in its workspace's sending window (the limit counts these).</summary>
    public DateTime? SlotAt { get; set; }

    public DateTime? SentAt { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class EmailMessageConfiguration : IEntityTypeConfiguration<EmailMessage>
{
    public void Configure(EntityTypeBuilder<EmailMessage> builder)
    {
        builder.ToTable("email_messages");
        builder.HasKey(m => new { m.WorkspaceId, m.Id });
        builder.Property(m => m.Purpose).HasMaxLength(32);
        builder.Property(m => m.ToAddress).HasMaxLength(320);
        builder.Property(m => m.ToName).HasMaxLength(200);
        builder.Property(m => m.Subject).HasMaxLength(500);
        builder.Property(m => m.Status).HasMaxLength(16).HasConversion(s => EmailStatusNames.Of(s), s => EmailStatusNames.Parse(s));
        builder.Property(m => m.LastError).HasMaxLength(EmailMessage.ErrorMaxLength);
        builder.Property(m => m.LastReply).HasMaxLength(EmailMessage.ErrorMaxLength);
        builder.Property(m => m.MessageId).HasMaxLength(200);
        builder.Property(m => m.UnsubscribeToken).HasMaxLength(64);
        builder.Property(m => m.UnsubscribeUrl).HasMaxLength(1000);
        // The same indexes as migration 20261202100000_Email.
        builder.HasIndex(m => new { m.WorkspaceId, m.CreatedAt }, "ix_email_messages_workspace_id_created_at");
        builder.HasIndex(m => new { m.WorkspaceId, m.SlotAt }, "ix_email_messages_workspace_id_slot_at").HasFilter("slot_at IS NOT NULL");
        builder.HasIndex(m => m.UnsubscribeToken, "ix_email_messages_unsubscribe_token").IsUnique().HasFilter("unsubscribe_token IS NOT NULL");
    }
}
