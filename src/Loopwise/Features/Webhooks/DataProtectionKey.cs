using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Webhooks;

/// <summary>
/// One key of the ASP.NET Core Data Protection key ring, as the XML Data Protection writes (ADR 14). Kept in the
/// database so that every node and every restart share one key ring: webhook secrets encrypted on one node decrypt on
/// another, and so do sign-in cookies. Not tenant data: the key ring belongs to the installation.
/// </summary>
public sealed class DataProtectionKey
{
    public required string Name { get; init; }

    public required string Xml { get; init; }

    public DateTime StoredAt { get; init; }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.ToTable("data_protection_keys");
        builder.HasKey(k => k.Name);
        builder.Property(k => k.Name).HasMaxLength(200);
    }
}
