using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Customers;

/// <summary>
/// A fact: one attribute of a customer (region, plan, value tier...) changed from <see cref="OldValue"/> to
/// <see cref="NewValue"/> (null = absent). Append-only, so a segment can be evaluated as it was at any time.
/// </summary>
public sealed class CustomerAttributeChange : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    public Guid CustomerId { get; init; }

    public required string Attribute { get; init; }

    public string? OldValue { get; init; }

    public string? NewValue { get; init; }

    public DateTime ChangedAt { get; init; }
}

internal sealed class CustomerAttributeChangeConfiguration : IEntityTypeConfiguration<CustomerAttributeChange>
{
    public void Configure(EntityTypeBuilder<CustomerAttributeChange> builder)
    {
        builder.ToTable("customer_attribute_changes");
        builder.HasKey(c => new { c.WorkspaceId, c.Id });
        builder.HasIndex(c => new { c.WorkspaceId, c.CustomerId, c.ChangedAt });
        builder.Property(c => c.Attribute).HasMaxLength(100);
    }
}
