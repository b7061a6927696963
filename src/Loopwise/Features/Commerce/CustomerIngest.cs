using System.Text.Json.Nodes;
using Loopwise.Data;
using Loopwise.Features.Customers;
using Loopwise.Features.Responses;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Commerce;

/// <summary>
/// Customers, created or updated by external id (absent fields keep their value). Every attribute that changes is
/// recorded as a <see cref="CustomerAttributeChange"/> fact, so history is kept while the customer row holds the
/// current values. Acquisition time and source feed the new-customer counts of <see cref="ReferralRollup"/>: a changed
/// acquisition moves the customer's count from the old day to the new one.
/// </summary>
public sealed class CustomerIngest(LoopwiseDbContext db, SqliteWriteGate gate, TimeProvider clock, CustomerDirectory directory, FactSql sql)
    : FactIngest<CustomerInput, CustomerIngest.Fact>(db, gate, clock)
{
    /// <summary>The acquisition source that counts as "acquired via referral" (cx-reference.md §3, referral rate (a)).</summary>
    public const string ReferralSource = "referral";

    /// <summary>A checked customer.</summary>
    public sealed record Fact(
        string ExternalId, string? Email, string? Name, string? Language, IReadOnlyDictionary<string, string?> Attributes,
        DateTime? AcquiredAt, string? AcquisitionSource, string? ReferrerExternalId);

    protected override string Noun => "customers";

    protected override string KeyField => "externalId";

    protected override Fact? Check(CustomerInput item, DateTime now, Action<string, string> fail)
    {
        var externalId = Text(item.ExternalId, "externalId", 200, required: true, fail);
        var email = Text(item.Email, "email", 320, required: false, fail);
        var bad = false;
        if (email is not null && (!email.Contains('@', StringComparison.Ordinal) || email.StartsWith('@') || email.EndsWith('@')))
        {
            fail("email", $"'{email}' is not an email address.");
            bad = true;
        }

        var name = Text(item.Name, "name", 200, required: false, fail);
        var language = Text(item.Language, "language", 16, required: false, fail);
        var acquired = Time(item.AcquiredAt, "acquiredAt", required: false, now, fail);
        var source = Text(item.AcquisitionSource, "acquisitionSource", 32, required: false, fail)?.ToLowerInvariant();
        var referrer = Text(item.ReferrerExternalId, "referrerExternalId", 200, required: false, fail);
        if (referrer is not null && referrer == externalId)
        {
            fail("referrerExternalId", "A customer cannot refer themselves.");
            bad = true;
        }

        var attributes = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in item.Attributes ?? new Dictionary<string, string?>())
        {
            var k = key.Trim();
            if (k.Length is 0 or > 100)
            {
                fail("attributes", "An attribute name has 1 to 100 characters.");
                bad = true;
                continue;
            }

            if (value is { Length: > 1000 })
            {
                fail("attributes." + k, "An attribute value has at most 1000 characters.");
                bad = true;
                continue;
            }

            attributes[k] = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        return externalId is null || bad || (item.AcquiredAt is not null && acquired is null)
            || (item.Email is { } e && e.Trim().Length > 320) || (item.Name is { } n && n.Trim().Length > 200) || (item.Language is { } l && l.Trim().Length > 16)
            || (item.AcquisitionSource is { } s && s.Trim().Length > 32) || (item.ReferrerExternalId is { } r && r.Trim().Length > 200)
            ? null
            : new Fact(externalId, email, name, language, attributes, acquired is { } a ? OrderIngest.Precise(a) : null, source, referrer);
    }

    protected override string KeyOf(Fact fact) => fact.ExternalId;

    protected override async Task<FactState[]> CompareAsync(IReadOnlyList<Fact> facts, CancellationToken ct)
    {
        var ids = facts.Select(f => f.ExternalId).ToList();
        var known = (await Db.Set<Customer>().AsNoTracking().Where(c => ids.Contains(c.ExternalId)).Select(c => c.ExternalId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return [.. facts.Select(f => new FactState(known.Contains(f.ExternalId) ? FactChange.Update : FactChange.Create))];
    }

    protected override async Task WriteAsync(Guid workspaceId, IReadOnlyList<Fact> created, IReadOnlyList<Fact> updated, int slot, CancellationToken ct)
    {
        var all = created.Concat(updated).ToList();
        var now = Clock.GetUtcNow().UtcDateTime;

        // Referrers first: an unknown referrer is created bare (it may be completed later in this same batch).
        var referrerNames = all.Where(f => f.ReferrerExternalId is not null).Select(f => f.ReferrerExternalId!).Distinct(StringComparer.Ordinal).ToList();
        var referrers = referrerNames.Count == 0
            ? new Dictionary<string, Guid>(StringComparer.Ordinal)
            : await directory.ResolveAsync(workspaceId, referrerNames.ToDictionary(r => r, _ => (string?)null, StringComparer.Ordinal), ct);

        var ids = all.Select(f => f.ExternalId).ToList();
        var stored = await Db.Set<Customer>().Where(c => ids.Contains(c.ExternalId)).ToDictionaryAsync(c => c.ExternalId, StringComparer.Ordinal, ct);
        var newCustomers = new RollupSums(4);
        foreach (var f in all)
        {
            if (!stored.TryGetValue(f.ExternalId, out var customer))
            {
                customer = new Customer { WorkspaceId = workspaceId, Id = Guid.CreateVersion7(Clock.GetUtcNow()), ExternalId = f.ExternalId, CreatedAt = now };
                Db.Add(customer);
            }

            customer.Email = f.Email ?? customer.Email;
            customer.Name = f.Name ?? customer.Name;
            customer.Language = f.Language ?? customer.Language;
            ApplyAttributes(workspaceId, customer, f.Attributes, now);

            var before = (customer.AcquiredAt, customer.AcquisitionSource);
            customer.AcquiredAt = f.AcquiredAt ?? customer.AcquiredAt;
            customer.AcquisitionSource = f.AcquisitionSource ?? customer.AcquisitionSource;
            customer.ReferrerId = f.ReferrerExternalId is { } r ? referrers[r] : customer.ReferrerId;
            if (before != (customer.AcquiredAt, customer.AcquisitionSource))
            {
                if (before.AcquiredAt is { } old)
                {
                    newCustomers.Add([DayOf(old)], 0, 0, -1, before.AcquisitionSource == ReferralSource ? -1 : 0);
                }

                if (customer.AcquiredAt is { } acquired)
                {
                    newCustomers.Add([DayOf(acquired)], 0, 0, 1, customer.AcquisitionSource == ReferralSource ? 1 : 0);
                }
            }
        }

        await Db.SaveChangesAsync(ct);
        Db.ChangeTracker.Clear();
        await sql.UpsertSumsAsync("referral_rollups", OrderIngest.Keys("day", SqlType.Date), ["referrals", "converted", "new_customers", "new_via_referral"], newCustomers.Rows(workspaceId, slot), ct);
    }

    private void ApplyAttributes(Guid workspaceId, Customer customer, IReadOnlyDictionary<string, string?> changes, DateTime now)
    {
        if (changes.Count == 0)
        {
            return;
        }

        // Merge into what is stored (other tools may have stored non-string values: keep them).
        var attributes = customer.AttributesJson is { } json && JsonNode.Parse(json) is JsonObject o ? o : [];
        var changed = false;
        foreach (var (key, value) in changes.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var old = attributes[key] switch
            {
                null => null,
                JsonValue v when v.TryGetValue<string>(out var text) => text,
                var node => node.ToJsonString(),
            };
            if (old == value)
            {
                continue;
            }

            if (value is null)
            {
                attributes.Remove(key);
            }
            else
            {
                attributes[key] = value;
            }

            changed = true;
            Db.Add(new CustomerAttributeChange
            {
                WorkspaceId = workspaceId, Id = Guid.CreateVersion7(Clock.GetUtcNow()), CustomerId = customer.Id,
                Attribute = key, OldValue = old, NewValue = value, ChangedAt = now,
            });
        }

        if (changed)
        {
            customer.AttributesJson = attributes.Count == 0 ? null : attributes.ToJsonString();
        }
    }
}
