using System.Text.Json;
using System.Text.Json.Nodes;
using Loopwise.Data;
using Loopwise.Features.Customers;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Commerce;

/// <summary>Reads customers and their attribute history; reads and writes journey definitions.</summary>
public sealed class CommerceDirectory(LoopwiseDbContext db, WorkspaceScope scope, TimeProvider clock)
{
    public async Task<CustomerDto?> CustomerAsync(string externalId, CancellationToken ct)
    {
        var customer = await db.Set<Customer>().AsNoTracking().FirstOrDefaultAsync(c => c.ExternalId == externalId, ct);
        if (customer is null)
        {
            return null;
        }

        var referrer = customer.ReferrerId is { } r
            ? await db.Set<Customer>().AsNoTracking().Where(c => c.Id == r).Select(c => c.ExternalId).FirstOrDefaultAsync(ct)
            : null;
        var attributes = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        if (customer.AttributesJson is { } json && JsonNode.Parse(json) is JsonObject o)
        {
            foreach (var (key, node) in o)
            {
                attributes[key] = node is JsonValue v && v.TryGetValue<string>(out var text) ? text : node?.ToJsonString();
            }
        }

        return new CustomerDto(customer.ExternalId, customer.Email, customer.Name, customer.Language, attributes, customer.AcquiredAt,
            customer.AcquisitionSource, referrer, customer.CreatedAt, customer.UnsubscribedAt);
    }

    /// <summary>The attribute changes of a customer, oldest first; null for an unknown customer.</summary>
    public async Task<IReadOnlyList<AttributeChangeDto>?> AttributeChangesAsync(string externalId, CancellationToken ct)
    {
        var id = await db.Set<Customer>().AsNoTracking().Where(c => c.ExternalId == externalId).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            return null;
        }

        var changes = await db.Set<CustomerAttributeChange>().AsNoTracking().Where(c => c.CustomerId == id)
            .Select(c => new { c.Id, Dto = new AttributeChangeDto(c.Attribute, c.OldValue, c.NewValue, c.ChangedAt) })
            .ToListAsync(ct);
        return [.. changes.OrderBy(c => c.Dto.ChangedAt).ThenBy(c => c.Dto.Attribute, StringComparer.Ordinal).Select(c => c.Dto)];
    }

    public async Task<JourneyDto?> JourneyAsync(string key, CancellationToken ct)
    {
        var journey = await db.Set<Journey>().AsNoTracking().FirstOrDefaultAsync(j => j.Key == key, ct);
        return journey is null ? null : new JourneyDto(journey.Key, journey.Name, JsonSerializer.Deserialize<string[]>(journey.StepsJson) ?? []);
    }

    /// <summary>Creates or replaces a journey definition (name and step keys in funnel order).</summary>
    public async Task<Result<JourneyDto>> SaveJourneyAsync(string key, JourneyInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        key = key.Trim();
        if (key.Length is 0 or > 64)
        {
            errors["key"] = ["A journey key has 1 to 64 characters."];
        }

        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            errors["name"] = ["Required: a name of at most 200 characters."];
        }

        var steps = (input.Steps ?? []).Select(s => s?.Trim() ?? string.Empty).ToList();
        if (steps.Count == 0)
        {
            errors["steps"] = ["Name the steps in funnel order: at least one."];
        }

        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Length is 0 or > 64)
            {
                errors[FormattableString.Invariant($"steps[{i}]")] = ["A step key has 1 to 64 characters."];
            }
            else if (steps.IndexOf(steps[i]) != i)
            {
                errors[FormattableString.Invariant($"steps[{i}]")] = [$"The step '{steps[i]}' is listed twice."];
            }
        }

        if (errors.Count > 0)
        {
            return new Error.Invalid(errors, "The journey is invalid; nothing was saved.");
        }

        var journey = await db.Set<Journey>().FirstOrDefaultAsync(j => j.Key == key, ct);
        var json = JsonSerializer.Serialize(steps);
        if (journey is null)
        {
            db.Add(new Journey { WorkspaceId = scope.WorkspaceId, Key = key, Name = name!, StepsJson = json, UpdatedAt = clock.GetUtcNow().UtcDateTime });
        }
        else
        {
            journey.Name = name!;
            journey.StepsJson = json;
            journey.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(ct);
        return new JourneyDto(key, name!, steps);
    }
}
