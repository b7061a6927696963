using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Loopwise.Core.Kpis;
using Loopwise.Data;
using Loopwise.Features.Audit;
using Loopwise.Features.Workspaces;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.CustomerHealth;

/// <summary>
/// The current workspace's health models (cx-reference.md §3), append-only in <c>health_models</c>. A workspace with
/// none uses <see cref="DefaultHealthModel"/> (version 1, effective from the workspace's creation day), which is stored
/// the first time it is needed for history (a scoring run or a new version of it). New versions are validated with
/// <see cref="HealthModel.Validate"/> against the previous version and audited.
/// </summary>
public sealed partial class HealthModelStore(LoopwiseDbContext db, SqliteWriteGate gate, TimeProvider clock)
{
    public const int MaxModelIdLength = 64;

    /// <summary>Every version of every model, by model id (ordinal) then version; the unstored default when none is stored.</summary>
    public async Task<List<(HealthModel Model, HealthModelRow? Row)>> AllAsync(CancellationToken ct)
    {
        var rows = await db.Set<HealthModelRow>().AsNoTracking().ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [(await DefaultAsync(ct), null)];
        }

        return [.. rows.OrderBy(r => r.ModelId, StringComparer.Ordinal).ThenBy(r => r.Version).Select(r => (Read(r), (HealthModelRow?)r))];
    }

    /// <summary>Each model with the version in force on <paramref name="day"/> and its latest version number.</summary>
    public async Task<List<HealthModelSummaryDto>> ListCurrentAsync(DateOnly day, CancellationToken ct) =>
        [.. (await AllAsync(ct)).GroupBy(v => v.Model.Id, StringComparer.Ordinal).Select(g =>
        {
            var current = HealthModel.EffectiveOn(g.Select(v => v.Model), day);
            var row = current is null ? null : g.First(v => v.Model.Version == current.Version).Row;
            return new HealthModelSummaryDto(g.Key, g.Max(v => v.Model.Version), current is null ? null : HealthModelVersionDto.From(current, row));
        })];

    /// <summary>Every version of one model, oldest first; NotFound when the workspace has no such model.</summary>
    public async Task<Result<List<HealthModelVersionDto>>> VersionsAsync(string modelId, CancellationToken ct)
    {
        var versions = (await AllAsync(ct)).Where(v => string.Equals(v.Model.Id, modelId, StringComparison.Ordinal)).ToList();
        return versions.Count == 0
            ? new Error.NotFound($"There is no health model '{modelId}'.")
            : versions.Select(v => HealthModelVersionDto.From(v.Model, v.Row)).ToList();
    }

    /// <summary>
    /// Stores the next version of <paramref name="modelId"/> (version 1 of a new model) from a body shaped like
    /// <see cref="HealthModelJson"/> without id (<c>{effectiveFrom, segmentFilter, components}</c>; <c>version</c> and
    /// <c>segmentFilter</c> optional).
    /// Refused with field paths (<c>components[1].weight</c>) when invalid; nothing is stored then.
    /// </summary>
    public async Task<Result<HealthModelVersionDto>> AddVersionAsync(string modelId, JsonElement body, string actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(modelId) || modelId.Length > MaxModelIdLength || !ModelIdPattern().IsMatch(modelId))
        {
            return Error.Invalid.Field("modelId", "A model id is 1–64 characters: lower-case letters, digits, '-' and '_'.");
        }

        if (body.ValueKind != JsonValueKind.Object || JsonNode.Parse(body.GetRawText()) is not JsonObject json)
        {
            return Error.Invalid.Field("body", "The body must be a JSON object {effectiveFrom, segmentFilter, components}.");
        }

        var workspaceId = db.Scope.WorkspaceId;
        var now = clock.GetUtcNow().UtcDateTime;
        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var stored = await db.Set<HealthModelRow>().AsNoTracking().Where(r => r.ModelId == modelId).ToListAsync(ct);
            var anyStored = stored.Count > 0 || await db.Set<HealthModelRow>().AnyAsync(ct);
            var previous = stored.MaxBy(r => r.Version) is { } last ? Read(last) : null;
            HealthModelRow? defaultRow = null;
            if (previous is null && !anyStored && string.Equals(modelId, DefaultHealthModel.Id, StringComparison.Ordinal))
            {
                // The shipped default becomes version 1 in the history, so the edit is version 2 and v1 scores stay explained.
                previous = await DefaultAsync(ct);
                defaultRow = Row(workspaceId, previous, now, "system");
            }

            json["id"] = modelId;
            if (!json.ContainsKey("segmentFilter"))
            {
                json["segmentFilter"] = null;
            }

            if (!json.ContainsKey("version"))
            {
                json["version"] = (previous?.Version ?? 0) + 1;
            }

            var model = HealthModelJson.Parse(json.ToJsonString(), out var parseError);
            if (model is null)
            {
                return new Error.Invalid(new Dictionary<string, string[]> { [PathOf(parseError)] = [parseError ?? "The health model could not be read."] },
                    "The health model was not saved.");
            }

            var errors = model.Validate(previous);
            if (previous is null && model.Version != 1)
            {
                errors = [.. errors, new("version", "The first version of a model is 1.")];
            }

            if (errors.Count > 0)
            {
                return new Error.Invalid(
                    errors.GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal),
                    "The health model was not saved.");
            }

            if (defaultRow is not null)
            {
                db.Add(defaultRow);
            }

            var row = Row(workspaceId, model, now, actor);
            db.Add(row);
            db.Add(AuditEntry.Of(workspaceId, now, actor, "health_model.version", $"health_model:{model.Id}:{model.Version}", row.ModelJson));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                return new Error.Conflict($"Version {model.Version} of '{model.Id}' was stored meanwhile; read the versions and try again.");
            }

            await transaction.CommitAsync(ct);
            return HealthModelVersionDto.From(model, row);
        }
    }

    /// <summary>
    /// Stores the shipped default as version 1 when the workspace has no model yet, so scores can refer to a stored
    /// version. Call inside the caller's write turn and transaction.
    /// </summary>
    public async Task EnsureDefaultStoredAsync(CancellationToken ct)
    {
        if (await db.Set<HealthModelRow>().AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var model = await DefaultAsync(ct);
        db.Add(Row(db.Scope.WorkspaceId, model, now, "system"));
        db.Add(AuditEntry.Of(db.Scope.WorkspaceId, now, "system", "health_model.version", $"health_model:{model.Id}:{model.Version}", HealthModelJson.Serialize(model)));
        await db.SaveChangesAsync(ct);
    }

    private async Task<HealthModel> DefaultAsync(CancellationToken ct)
    {
        var workspaceId = db.Scope.WorkspaceId;
        var created = await db.Set<Workspace>().AsNoTracking().Where(w => w.Id == workspaceId).Select(w => (DateTime?)w.CreatedAt).FirstOrDefaultAsync(ct);
        return DefaultHealthModel.For(DateOnly.FromDateTime(created ?? clock.GetUtcNow().UtcDateTime));
    }

    private static HealthModel Read(HealthModelRow row) =>
        HealthModelJson.Parse(row.ModelJson, out var error)
        ?? throw new InvalidOperationException($"The stored health model {row.ModelId} v{row.Version} cannot be read: {error}");

    private static HealthModelRow Row(Guid workspaceId, HealthModel model, DateTime now, string actor) => new()
    {
        WorkspaceId = workspaceId, ModelId = model.Id, Version = model.Version, EffectiveFrom = model.EffectiveFrom,
        ModelJson = HealthModelJson.Serialize(model), CreatedAt = now, CreatedBy = actor,
    };

    // System.Text.Json reports "... Path: $.components[0].weight | LineNumber ..."; the field path is what follows "$.".
    private static string PathOf(string? error) =>
        error is not null && JsonPathPattern().Match(error) is { Success: true } match && match.Groups[1].Value.Length > 0
            ? match.Groups[1].Value
            : "body";

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ModelIdPattern();

    [GeneratedRegex(@"Path: \$\.?([^ |]*)", RegexOptions.CultureInvariant)]
    private static partial Regex JsonPathPattern();
}
