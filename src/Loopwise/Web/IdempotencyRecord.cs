using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loopwise.Web;

/// <summary>
/// The stored outcome of a write sent with an <c>Idempotency-Key</c> header. It commits in the same transaction as
/// the write, so a retried request either replays this outcome or finds nothing was stored.
/// </summary>
public sealed class IdempotencyRecord : ITenantOwned
{
    public Guid WorkspaceId { get; init; }

    public required string Key { get; init; }

    /// <summary>SHA-256 of the request body: the same key with a different body is a conflict.</summary>
    public required byte[] RequestHash { get; init; }

    public int StatusCode { get; init; }

    public required string ResponseJson { get; init; }

    public DateTime CreatedAt { get; init; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records");
        builder.HasKey(r => new { r.WorkspaceId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(200);
    }
}
