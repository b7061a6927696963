using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Email;

/// <summary>
/// One try at handing a message to the SMTP server, recorded before the conversation starts (outcome
/// <c>sending</c>) and completed after it: <c>sent</c>, <c>transient</c> (retried), <c>permanent</c> (failed) or
/// <c>suppressed</c>. An attempt left at <c>sending</c> is one whose worker died mid-way.
/// </summary>
public sealed class EmailAttempt : ITenantOwned
{
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Transient = "transient";
    public const string Permanent = "permanent";

    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    public Guid EmailId { get; init; }

    /// <summary>The <c>email.send</c> job whose run made this attempt.</summary>
    public Guid JobId { get; init; }

    /// <summary>1 for the message's first attempt, and so on.</summary>
    public int Number { get; init; }

    public required string Outcome { get; set; }

    public string? Reply { get; set; }

    public string? Error { get; set; }

    public DateTime StartedAt { get; init; }

    public DateTime? FinishedAt { get; set; }
}

internal sealed class EmailAttemptConfiguration : IEntityTypeConfiguration<EmailAttempt>
{
    public void Configure(EntityTypeBuilder<EmailAttempt> builder)
    {
        builder.ToTable("email_attempts");
        builder.HasKey(a => new { a.WorkspaceId, a.Id });
        builder.Property(a => a.Outcome).HasMaxLength(16);
        builder.Property(a => a.Reply).HasMaxLength(EmailMessage.ErrorMaxLength);
        builder.Property(a => a.Error).HasMaxLength(EmailMessage.ErrorMaxLength);
        builder.HasIndex(a => new { a.WorkspaceId, a.EmailId }, "ix_email_attempts_workspace_id_email_id");
        builder.HasOne<EmailMessage>().WithMany().HasForeignKey(a => new { a.WorkspaceId, a.EmailId }).OnDelete(DeleteBehavior.Cascade);
    }
}
