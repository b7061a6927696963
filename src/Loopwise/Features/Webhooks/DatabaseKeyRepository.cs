using System.Xml.Linq;
using Loopwise.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Webhooks;

/// <summary>
/// Keeps the Data Protection key ring in the <c>data_protection_keys</c> table (ADR 14), so that all nodes and restarts
/// share it. Data Protection calls it rarely (when it loads the ring, and every 90 days to add a key) and synchronously.
/// </summary>
internal sealed class DatabaseKeyRepository(IServiceScopeFactory scopes, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>();
        return [.. db.Set<DataProtectionKey>().AsNoTracking().OrderBy(k => k.StoredAt).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>();
        db.Add(new DataProtectionKey
        {
            Name = string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString() : friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
            StoredAt = clock.GetUtcNow().UtcDateTime,
        });
        db.SaveChanges();
    }
}
