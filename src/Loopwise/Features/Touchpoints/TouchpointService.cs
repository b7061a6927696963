using System.Text.RegularExpressions;
using Loopwise.Data;
using Loopwise.Features.Audit;
using Loopwise.Features.Invitations;
using Loopwise.Features.Responses;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Touchpoints;

/// <summary>
/// The touchpoint use cases, shared by the API, the <c>/touchpoints</c> page and the <c>touchpoint</c> CLI verb.
/// Acts in the current <see cref="WorkspaceScope"/>; every write leaves an <see cref="AuditEntry"/>.
/// </summary>
public sealed partial class TouchpointService(LoopwiseDbContext db, WorkspaceScope scope, TimeProvider clock)
{
    public Task<List<Touchpoint>> ListAsync(CancellationToken ct) =>
        db.Set<Touchpoint>().AsNoTracking().OrderBy(t => t.Key).ToListAsync(ct);

    public async Task<Result<Touchpoint>> GetAsync(Guid id, CancellationToken ct) =>
        await db.Set<Touchpoint>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } touchpoint
            ? touchpoint
            : NotFound(id);

    public Task<Touchpoint?> FindByKeyAsync(string key, CancellationToken ct) =>
        db.Set<Touchpoint>().AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, ct);

    public async Task<Result<Touchpoint>> CreateAsync(TouchpointInput input, string actor, CancellationToken ct)
    {
        if (Validate(input) is { } invalid)
        {
            return invalid;
        }

        var key = input.Key!.Trim();
        if (await db.Set<Touchpoint>().AnyAsync(t => t.Key == key, ct))
        {
            return new Error.Conflict($"A touchpoint with key '{key}' already exists in this workspace.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var touchpoint = new Touchpoint
        {
            WorkspaceId = scope.WorkspaceId,
            Id = Guid.CreateVersion7(),
            Key = key,
            Name = input.Name!.Trim(),
            Channel = ParseChannel(input.Channel)!.Value,
            JourneyStage = Blank(input.JourneyStage),
            CreatedAt = now,
        };
        db.Add(touchpoint);
        Audit(actor, "touchpoint.create", touchpoint, now);
        await db.SaveChangesAsync(ct);
        return touchpoint;
    }

    public async Task<Result<Touchpoint>> UpdateAsync(Guid id, TouchpointInput input, string actor, CancellationToken ct)
    {
        var touchpoint = await db.Set<Touchpoint>().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (touchpoint is null)
        {
            return NotFound(id);
        }

        if (Validate(input) is { } invalid)
        {
            return invalid;
        }

        // The key is in printed QR codes and links; changing it is allowed, but it must stay unique.
        var key = input.Key!.Trim();
        if (key != touchpoint.Key && await db.Set<Touchpoint>().AnyAsync(t => t.Key == key && t.Id != id, ct))
        {
            return new Error.Conflict($"A touchpoint with key '{key}' already exists in this workspace.");
        }

        touchpoint.Key = key;
        touchpoint.Name = input.Name!.Trim();
        touchpoint.Channel = ParseChannel(input.Channel)!.Value;
        touchpoint.JourneyStage = Blank(input.JourneyStage);
        Audit(actor, "touchpoint.update", touchpoint, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return touchpoint;
    }

    /// <summary>Deletes a touchpoint nobody has answered or been invited through; otherwise a conflict (facts keep their touchpoint).</summary>
    public async Task<Result<Touchpoint>> DeleteAsync(Guid id, string actor, CancellationToken ct)
    {
        var touchpoint = await db.Set<Touchpoint>().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (touchpoint is null)
        {
            return NotFound(id);
        }

        if (await db.Set<SurveyResponse>().AnyAsync(r => r.TouchpointId == id, ct)
            || await db.Set<Invitation>().AnyAsync(i => i.TouchpointId == id, ct))
        {
            return new Error.Conflict($"Touchpoint '{touchpoint.Key}' is referenced by responses or invitations and cannot be deleted.");
        }

        db.Remove(touchpoint);
        Audit(actor, "touchpoint.delete", touchpoint, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return touchpoint;
    }

    /// <summary>Every field problem at once, keyed by the JSON field name; null when the input is valid.</summary>
    public static Error.Invalid? Validate(TouchpointInput input)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var key = input.Key?.Trim() ?? string.Empty;
        if (!KeyPattern().IsMatch(key))
        {
            errors["key"] = ["Use 1 to 64 lower-case letters, digits, '-' or '_', starting with a letter or digit (it appears in links)."];
        }

        var name = input.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > 200)
        {
            errors["name"] = ["Give the touchpoint a name of 1 to 200 characters."];
        }

        if (ParseChannel(input.Channel) is null)
        {
            errors["channel"] = [$"Choose a channel: {string.Join(", ", Enum.GetNames<Channel>())}."];
        }

        if (input.JourneyStage is { Length: > 100 })
        {
            errors["journeyStage"] = ["Keep the journey stage to 100 characters."];
        }

        return errors.Count == 0 ? null : new Error.Invalid(errors);
    }

    /// <summary>The channel named <paramref name="text"/> (case-insensitive); numbers and combinations are refused.</summary>
    public static Channel? ParseChannel(string? text) =>
        Enum.GetValues<Channel>().Cast<Channel?>()
            .FirstOrDefault(c => string.Equals(c.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase));

    private void Audit(string actor, string action, Touchpoint touchpoint, DateTime at) =>
        db.Add(AuditEntry.Of(scope.WorkspaceId, at, actor, action, $"touchpoint:{touchpoint.Id}", $"{touchpoint.Key} ({touchpoint.Channel})"));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Error.NotFound NotFound(Guid id) => new($"No touchpoint {id} in this workspace.");

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex KeyPattern();
}
