using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Users;

/// <summary>A person who signs in. Users are global; what they may do is given per workspace by <see cref="Membership"/>.</summary>
public sealed class User
{
    public Guid Id { get; init; }

    /// <summary>Lower-cased e-mail address, the sign-in name.</summary>
    public required string Email { get; init; }

    public required string DisplayName { get; set; }

    public required string PasswordHash { get; set; }

    public DateTime CreatedAt { get; init; }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.HasIndex(u => u.Email).IsUnique();
        builder.Property(u => u.Email).HasMaxLength(320);
        builder.Property(u => u.DisplayName).HasMaxLength(200);
    }
}
