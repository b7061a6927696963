using System.Text.Json;
using Loopwise.Core.Kpis;
using Loopwise.Data;
using Loopwise.Features.Audit;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Targets;

/// <summary>
/// The current workspace's KPI targets: the shipped defaults of cx-reference.md §10 with the workspace's overrides
/// (<c>kpi_targets</c>) merged over them. Changes are validated by <see cref="KpiTargetValidator"/> (errors refuse,
/// warnings are kept and shown), kept in <c>kpi_target_history</c> and audited. Scoped: the set is read once per scope.
/// </summary>
public sealed partial class KpiTargetStore(LoopwiseDbContext db, SqliteWriteGate gate, TimeProvider clock, ILogger<KpiTargetStore> logger)
{
    private Task<(KpiTargetSet Set, Dictionary<KpiId, KpiTargetOverride> Rows)>? _loaded;

    /// <summary>The workspace's effective targets (read once per scope; a change made through this store refreshes it).</summary>
    public async Task<KpiTargetSet> GetSetAsync(CancellationToken ct) => (await LoadAsync(ct)).Set;

    /// <summary>Every KPI of the catalogue with its effective and default target, in catalogue order.</summary>
    public async Task<List<KpiTargetView>> ListAsync(CancellationToken ct)
    {
        var (set, rows) = await LoadAsync(ct);
        return [.. KpiCatalog.All.Select(d => View(d, set, rows))];
    }

    /// <summary>One KPI's view, or NotFound for a KPI the catalogue does not know.</summary>
    public async Task<Result<KpiTargetView>> GetAsync(string kpi, CancellationToken ct)
    {
        if (Find(kpi) is not { } definition)
        {
            return Unknown(kpi);
        }

        var (set, rows) = await LoadAsync(ct);
        return View(definition, set, rows);
    }

    /// <summary>Replaces the KPI's entry with <paramref name="input"/>; refused with field paths (<c>fcr.action.op</c>) when invalid.</summary>
    public async Task<Result<KpiTargetView>> SaveAsync(string kpi, KpiTargetInput input, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Find(kpi) is not { } definition)
        {
            return Unknown(kpi);
        }

        var (entry, issues) = KpiTargetInputs.ToTarget(definition, input);
        if (entry is not null)
        {
            issues.AddRange(KpiTargetValidator.Validate(definition, entry));
        }

        var errors = issues.Where(i => i.Severity == KpiTargetIssueSeverity.Error).ToList();
        if (entry is null || errors.Count > 0)
        {
            return new Error.Invalid(
                errors.GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal),
                $"The target of '{definition.Id}' was not saved.");
        }

        await ChangeAsync(definition.Id, KpiTargetJson.Write(entry), actor, ct);
        return await GetAsync(kpi, ct);
    }

    /// <summary>Removes the workspace's override so the shipped default applies again (nothing to do when there is none).</summary>
    public async Task<Result<KpiTargetView>> ResetAsync(string kpi, string actor, CancellationToken ct)
    {
        if (Find(kpi) is not { } definition)
        {
            return Unknown(kpi);
        }

        await ChangeAsync(definition.Id, null, actor, ct);
        return await GetAsync(kpi, ct);
    }

    /// <summary>The catalogue KPI named <paramref name="kpi"/> (its id, any case), or null.</summary>
    public static KpiDefinition? Find(string? kpi) =>
        KpiCatalog.All.FirstOrDefault(d => string.Equals(d.Id.Value, kpi?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static Error.NotFound Unknown(string kpi) =>
        new($"There is no KPI '{kpi}'; use one of: {string.Join(", ", KpiCatalog.All.Select(d => d.Id.Value))}.");

    // Writes (json) or removes (null) the override, with its history row and audit entry, in one transaction.
    private async Task ChangeAsync(KpiId id, string? json, string actor, CancellationToken ct)
    {
        var workspaceId = db.Scope.WorkspaceId;
        var now = clock.GetUtcNow().UtcDateTime;
        var key = id.Value;
        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var row = await db.Set<KpiTargetOverride>().FirstOrDefaultAsync(r => r.KpiId == key, ct);
            if (row is null && json is null)
            {
                return;
            }

            var version = (await db.Set<KpiTargetChange>().Where(c => c.KpiId == key).MaxAsync(c => (int?)c.Version, ct) ?? 0) + 1;
            var previous = row?.TargetJson;
            if (json is null)
            {
                db.Remove(row!);
            }
            else if (row is null)
            {
                db.Add(new KpiTargetOverride { WorkspaceId = workspaceId, KpiId = key, TargetJson = json, Version = version, UpdatedAt = now, UpdatedBy = actor });
            }
            else
            {
                row.TargetJson = json;
                row.Version = version;
                row.UpdatedAt = now;
                row.UpdatedBy = actor;
            }

            var action = json is null ? "reset" : "set";
            db.Add(new KpiTargetChange
            {
                WorkspaceId = workspaceId, Id = Guid.CreateVersion7(clock.GetUtcNow()), KpiId = key, Version = version, Action = action,
                PreviousJson = previous, NewJson = json, ChangedAt = now, ChangedBy = actor,
            });
            db.Add(AuditEntry.Of(workspaceId, now, actor, "kpi_target." + action, "kpi:" + key, json ?? previous));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        _loaded = null;
    }

    private Task<(KpiTargetSet Set, Dictionary<KpiId, KpiTargetOverride> Rows)> LoadAsync(CancellationToken ct) => _loaded ??= ReadAsync(ct);

    private async Task<(KpiTargetSet Set, Dictionary<KpiId, KpiTargetOverride> Rows)> ReadAsync(CancellationToken ct)
    {
        var rows = new Dictionary<KpiId, KpiTargetOverride>();
        var overrides = new List<KpiTarget>();
        foreach (var row in await db.Set<KpiTargetOverride>().AsNoTracking().ToListAsync(ct))
        {
            if (Find(row.KpiId) is not { } definition)
            {
                LogUnusable(row.KpiId, "the catalogue has no such KPI");
                continue;
            }

            try
            {
                overrides.Add(KpiTargetJson.Read(definition.Id, row.TargetJson));
                rows[definition.Id] = row;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                LogUnusable(row.KpiId, e.Message);
            }
        }

        var merged = KpiTargetSet.Merge(overrides);
        if (merged.Set is { } set)
        {
            return (set, rows);
        }

        // An override the current rules refuse (stored before a rule changed) falls back to the default; the others stay.
        var refused = merged.Errors.Select(e => e.Id).ToHashSet();
        foreach (var error in merged.Errors)
        {
            LogUnusable(error.Id.Value, error.ToString());
        }

        foreach (var id in refused)
        {
            rows.Remove(id);
        }

        return (KpiTargetSet.Merge(overrides.Where(o => !refused.Contains(o.Id))).Set ?? KpiTargetSet.Defaults, rows);
    }

    private static KpiTargetView View(KpiDefinition definition, KpiTargetSet set, Dictionary<KpiId, KpiTargetOverride> rows)
    {
        var row = rows.GetValueOrDefault(definition.Id);
        return new KpiTargetView(
            definition.Id.Value, definition.Label, definition.Kind, definition.Unit, definition.Polarity,
            KpiTargetEntryDto.From(set.Find(definition.Id)), KpiTargetEntryDto.From(DefaultTargets.Find(definition.Id)), row is not null,
            row?.Version, row?.UpdatedAt, row?.UpdatedBy,
            [.. set.Warnings.Where(w => w.Id == definition.Id).Select(KpiTargetIssueDto.From)]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored target of {Kpi} is ignored (the default applies): {Reason}")]
    private partial void LogUnusable(string kpi, string reason);
}
