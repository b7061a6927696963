using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Customers;

/// <summary>A customer known to the workspace, identified by the workspace's own external id.</summary>
public sealed class Customer : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    public required string ExternalId { get; init; }

    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? Language { get; set; }

    /// <summary>Free attributes (region, plan, value tier...) as a JSON object of strings.</summary>
    public string? AttributesJson { get; set; }

    /// <summary>Last time an invitation was created for this customer: the contact rules read it.</summary>
    public DateTime? LastInvitedAt { get; set; }

    public DateTime? UnsubscribedAt { get; set; }

    public DateTime CreatedAt { get; init; }

    /// <summary>When the customer was acquired (first became a customer); null when unknown.</summary>
    public DateTime? AcquiredAt { get; set; }

    /// <summary>How the customer was acquired: <c>referral</c>, <c>paid</c>, <c>organic</c>... (lower case).</summary>
    public string? AcquisitionSource { get; set; }

    /// <summary>The customer who referred this one, when acquired via referral.</summary>
    public Guid? ReferrerId { get; set; }
}

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("customers");
        builder.HasKey(c => new { c.WorkspaceId, c.Id });
        builder.HasIndex(c => new { c.WorkspaceId, c.ExternalId }).IsUnique();
        builder.Property(c => c.ExternalId).HasMaxLength(200);
        builder.Property(c => c.Email).HasMaxLength(320);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Language).HasMaxLength(16);
        builder.Property(c => c.AcquisitionSource).HasMaxLength(32);
    }
}
