using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Features.Email;

/// <summary>A workspace's own e-mail settings; without a row the server defaults (<see cref="EmailOptions"/>) apply.</summary>
public sealed class EmailSettings : ITenantOwned
{
    public const int MaxPerHourLimit = 1_000_000;

    public Guid WorkspaceId { get; init; }

    /// <summary>Messages the workspace may send per sending window (an hour); null: the server default.</summary>
    public int? MaxPerHour { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class EmailSettingsConfiguration : IEntityTypeConfiguration<EmailSettings>
{
    public void Configure(EntityTypeBuilder<EmailSettings> builder)
    {
        builder.ToTable("email_settings");
        builder.HasKey(s => s.WorkspaceId);
    }
}
