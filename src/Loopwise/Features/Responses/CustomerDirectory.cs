using Loopwise.Data;
using Loopwise.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Loopwise.Features.Responses;

/// <summary>Finds customers by the workspace's external id, creating the unknown ones (responses name customers freely).</summary>
public sealed class CustomerDirectory(LoopwiseDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Customer id per external id; unknown ones are created in the current transaction. Creation tolerates a
    /// concurrent writer creating the same customer (INSERT ... ON CONFLICT DO NOTHING, then read back).
    /// </summary>
    public async Task<Dictionary<string, Guid>> ResolveAsync(Guid workspaceId, IReadOnlyDictionary<string, string?> externalIdsWithEmail, CancellationToken ct)
    {
        var wanted = externalIdsWithEmail.Keys.ToList();
        var found = await FindAsync(wanted, ct);
        var missing = wanted.Where(id => !found.ContainsKey(id)).ToList();
        if (missing.Count == 0)
        {
            return found;
        }

        await db.Database.OpenConnectionAsync(ct);
        var values = new SqlValue(db.IsPostgres);
        var now = values.Of(clock.GetUtcNow().UtcDateTime);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText =
            "INSERT INTO customers (workspace_id, id, external_id, email, created_at) VALUES (@w, @id, @x, @e, @now) " +
            "ON CONFLICT (workspace_id, external_id) DO NOTHING";
        var (w, id, x, e, at) = (Add(command, "w"), Add(command, "id"), Add(command, "x"), Add(command, "e"), Add(command, "now"));
        w.Value = values.Of(workspaceId);
        at.Value = now;
        foreach (var externalId in missing)
        {
            id.Value = values.Of(Guid.CreateVersion7(clock.GetUtcNow()));
            x.Value = externalId;
            e.Value = SqlValue.Of(externalIdsWithEmail[externalId]);
            await command.ExecuteNonQueryAsync(ct);
        }

        foreach (var (key, value) in await FindAsync(missing, ct))
        {
            found[key] = value;
        }

        return found;
    }

    private async Task<Dictionary<string, Guid>> FindAsync(List<string> externalIds, CancellationToken ct) =>
        await db.Set<Customer>().AsNoTracking()
            .Where(c => externalIds.Contains(c.ExternalId))
            .ToDictionaryAsync(c => c.ExternalId, c => c.Id, StringComparer.Ordinal, ct);

    private static System.Data.Common.DbParameter Add(System.Data.Common.DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
