using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Users;

/// <summary>
/// A machine credential of one workspace. The secret is shown once at creation; only its SHA-256 is stored
/// (the secret is 256 random bits, so a slow password hash adds nothing). Looked up by its public prefix.
/// </summary>
public sealed class ApiKey : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public Guid Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The public part of the key (<c>lw_{prefix}_...</c>), indexed for lookup.</summary>
    public required string Prefix { get; init; }

    public required byte[] SecretHash { get; init; }

    /// <summary>Space-separated capabilities (see <see cref="Permissions"/>).</summary>
    public required string Scopes { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? RevokedAt { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => new { k.WorkspaceId, k.Id });
        builder.HasIndex(k => k.Prefix);
        builder.Property(k => k.Name).HasMaxLength(200);
        builder.Property(k => k.Prefix).HasMaxLength(32);
        builder.Property(k => k.Scopes).HasMaxLength(1000);
        builder.Ignore(k => k.ScopeList);
    }
}
