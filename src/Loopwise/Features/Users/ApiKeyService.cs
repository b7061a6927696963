using System.Security.Cryptography;
using System.Text;
using Loopwise.Data;
using Loopwise.Features.Audit;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Users;

/// <summary>Creates, verifies and revokes API keys. A key reads <c>lw_{prefix}_{secret}</c>; only SHA-256 of it is kept.</summary>
public sealed class ApiKeyService(LoopwiseDbContext db, TimeProvider clock)
{
    public sealed record CreatedKey(Guid Id, string Name, string Key, IReadOnlyList<string> Scopes);

    public async Task<Result<CreatedKey>> CreateAsync(Guid workspaceId, string name, IReadOnlyList<string> scopes, CancellationToken ct, string actor = "cli")
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            return Error.Invalid.Field("name", "Give the key a name of 1 to 200 characters.");
        }

        var unknown = scopes.Where(s => !Permissions.IsKnown(s)).ToArray();
        if (scopes.Count == 0 || unknown.Length > 0)
        {
            return Error.Invalid.Field("scopes", unknown.Length > 0
                ? $"Unknown scopes: {string.Join(", ", unknown)}. Known: {string.Join(", ", Permissions.All)}."
                : "Give the key at least one scope.");
        }

        var prefix = Tokens.Random(8).ToLowerInvariant();
        var key = $"lw_{prefix}_{Tokens.Random(32)}";
        var entity = new ApiKey
        {
            WorkspaceId = workspaceId,
            Id = Guid.CreateVersion7(),
            Name = name.Trim(),
            Prefix = prefix,
            SecretHash = Hash(key),
            Scopes = string.Join(' ', scopes.Distinct(StringComparer.Ordinal)),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(entity);
        db.Add(AuditEntry.Of(workspaceId, entity.CreatedAt, actor, "api_key.create", $"api_key:{entity.Id}", $"{entity.Name}: {entity.Scopes}"));
        await db.SaveChangesAsync(ct);
        return new CreatedKey(entity.Id, entity.Name, key, entity.ScopeList);
    }

    /// <summary>Revokes a key of the current workspace at once; false when there is no such live key.</summary>
    public async Task<bool> RevokeAsync(Guid id, string actor, CancellationToken ct)
    {
        var key = await db.Set<ApiKey>().FirstOrDefaultAsync(k => k.Id == id && k.RevokedAt == null, ct);
        if (key is null)
        {
            return false;
        }

        key.RevokedAt = clock.GetUtcNow().UtcDateTime;
        db.Add(AuditEntry.Of(key.WorkspaceId, key.RevokedAt.Value, actor, "api_key.revoke", $"api_key:{key.Id}", key.Name));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Finds the live key matching <paramref name="presented"/>, across workspaces (this is how the workspace is learnt).</summary>
    public async Task<ApiKey?> VerifyAsync(string presented, CancellationToken ct)
    {
        var parts = presented.Split('_');
        if (parts.Length != 3 || parts[0] != "lw")
        {
            return null;
        }

        var hash = Hash(presented);
        var candidates = await db.Set<ApiKey>().IgnoreQueryFilters().AsNoTracking()
            .Where(k => k.Prefix == parts[1] && k.RevokedAt == null)
            .ToListAsync(ct);
        return candidates.FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(k.SecretHash, hash));
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
