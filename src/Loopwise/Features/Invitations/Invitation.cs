using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Invitations;

/// <summary>
/// A personalised, one-time survey invitation bound to a customer and a touchpoint. It expires, and it can be
/// answered once: <see cref="ResponseId"/> is set in the same transaction that stores the response.
/// </summary>
public sealed class Invitation : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    public required string Token { get; init; }

    public Guid SurveyId { get; init; }

    public Guid? TouchpointId { get; init; }

    public Guid CustomerId { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime ExpiresAt { get; init; }

    public DateTime? OpenedAt { get; set; }

    public DateTime? RespondedAt { get; set; }

    public Guid? ResponseId { get; set; }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("invitations");
        builder.HasKey(i => new { i.WorkspaceId, i.Id });
        builder.HasIndex(i => new { i.WorkspaceId, i.Token }).IsUnique();
        builder.HasIndex(i => new { i.WorkspaceId, i.CustomerId });
        builder.Property(i => i.Token).HasMaxLength(32);
        builder.HasOne<Surveys.Survey>().WithMany().HasForeignKey(i => new { i.WorkspaceId, i.SurveyId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Customers.Customer>().WithMany().HasForeignKey(i => new { i.WorkspaceId, i.CustomerId }).OnDelete(DeleteBehavior.Cascade);
    }
}
