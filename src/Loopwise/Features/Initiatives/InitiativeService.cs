using System.Globalization;
using System.Text.Json;
using Loopwise.Core.Metrics;
using Loopwise.Data;
using Loopwise.Features.Audit;
using Loopwise.Features.Cases;
using Loopwise.Features.Kpis;
using Loopwise.Features.Touchpoints;
using Loopwise.Features.Users;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Initiatives;

/// <summary>
/// The outer loop's portfolio: initiatives ranked by expected impact per day of effort, their lifecycle
/// (cx-reference.md §7: one step forward at a time, audited) and their before/after measurement on the KPI of their
/// touchpoint through <see cref="KpiSeriesQuery"/>, the numbers the dashboards show.
/// </summary>
public sealed class InitiativeService(LoopwiseDbContext db, SqliteWriteGate gate, TimeProvider clock, KpiSeriesQuery kpis)
{
    /// <summary>Days on each side of the delivery day that the measurement compares.</summary>
    public const int WindowDays = 90;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<InitiativeDto>> ListAsync(CancellationToken ct)
    {
        var rows = await db.Set<Initiative>().AsNoTracking().ToListAsync(ct);
        var dtos = new List<InitiativeDto>();
        foreach (var row in rows)
        {
            dtos.Add(await ToDtoAsync(row, measure: false, ct));
        }

        return [.. dtos.OrderBy(d => d.Status is InitiativeStatus.Measured).ThenByDescending(d => d.Priority).ThenBy(d => d.Title, StringComparer.Ordinal)];
    }

    public async Task<Result<InitiativeDto>> GetAsync(Guid id, CancellationToken ct) =>
        await db.Set<Initiative>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is { } row
            ? await ToDtoAsync(row, measure: true, ct)
            : new Error.NotFound($"Initiative {id} does not exist in this workspace.");

    public async Task<Result<InitiativeDto>> CreateAsync(InitiativeInput input, string actor, CancellationToken ct)
    {
        var (errors, touchpoint) = await ValidateAsync(input, ct);
        if (errors.Count > 0)
        {
            return new Error.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var row = new Initiative
        {
            WorkspaceId = db.Scope.WorkspaceId,
            Id = Guid.CreateVersion7(),
            Title = input.Title!.Trim(),
            Kpi = input.Kpi!.ToLowerInvariant(),
            CreatedAt = now,
        };
        Apply(row, input, touchpoint, now);
        using (await gate.EnterAsync(ct))
        {
            db.Add(row);
            db.Add(AuditEntry.Of(row.WorkspaceId, now, actor, "initiative.created", $"initiative:{row.Id}", row.Title));
            await db.SaveChangesAsync(ct);
        }

        return await ToDtoAsync(row, measure: false, ct);
    }

    public async Task<Result<InitiativeDto>> UpdateAsync(Guid id, InitiativeInput input, string actor, CancellationToken ct)
    {
        var (errors, touchpoint) = await ValidateAsync(input, ct);
        if (errors.Count > 0)
        {
            return new Error.Invalid(errors);
        }

        using (await gate.EnterAsync(ct))
        {
            var row = await db.Set<Initiative>().FirstOrDefaultAsync(i => i.Id == id, ct);
            if (row is null)
            {
                return new Error.NotFound($"Initiative {id} does not exist in this workspace.");
            }

            if (input.Version is { } v && v != row.Version)
            {
                return new Error.Conflict($"The initiative changed since version {v} (it is at {row.Version}): reload it.");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            row.Title = input.Title!.Trim();
            row.Kpi = input.Kpi!.ToLowerInvariant();
            Apply(row, input, touchpoint, now);
            db.Add(AuditEntry.Of(row.WorkspaceId, now, actor, "initiative.updated", $"initiative:{row.Id}", row.Title));
            await db.SaveChangesAsync(ct);
            return await ToDtoAsync(row, measure: true, ct);
        }
    }

    /// <summary>
    /// Moves the initiative one step on (Proposed → Approved → InProgress → Delivered → Measured). Delivered records the
    /// delivery day (today by default); Measured stores the before/after comparison as it stands.
    /// </summary>
    public async Task<Result<InitiativeDto>> ChangeStatusAsync(Guid id, InitiativeStatusInput input, string actor, CancellationToken ct)
    {
        if (!Enum.TryParse<InitiativeStatus>(input.Status, ignoreCase: true, out var status) || int.TryParse(input.Status, out _))
        {
            return Error.Invalid.Field("status", $"The status is one of {string.Join(", ", Enum.GetNames<InitiativeStatus>())}.");
        }

        using (await gate.EnterAsync(ct))
        {
            var row = await db.Set<Initiative>().FirstOrDefaultAsync(i => i.Id == id, ct);
            if (row is null)
            {
                return new Error.NotFound($"Initiative {id} does not exist in this workspace.");
            }

            if (input.Version is { } v && v != row.Version)
            {
                return new Error.Conflict($"The initiative changed since version {v} (it is at {row.Version}): reload it.");
            }

            if (status != row.Status + 1)
            {
                return new Error.Conflict($"An initiative that is {row.Status} moves on to {(row.Status < InitiativeStatus.Measured ? (row.Status + 1).ToString() : "nothing")}, not to {status}.");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            if (status == InitiativeStatus.Delivered)
            {
                if (input.DeliveredOn is { } day && day > today)
                {
                    return Error.Invalid.Field("deliveredOn", "The delivery day cannot be in the future.");
                }

                row.DeliveredOn = input.DeliveredOn ?? today;
            }

            if (status == InitiativeStatus.Measured)
            {
                var measurement = await MeasureAsync(row, ct);
                if (measurement is null)
                {
                    return new Error.Conflict("There is nothing to measure yet: no KPI answers after the delivery day.");
                }

                row.MeasurementJson = JsonSerializer.Serialize(measurement, Json);
                row.MeasuredAt = now;
            }

            row.Status = status;
            row.UpdatedAt = now;
            row.Version++;
            db.Add(AuditEntry.Of(row.WorkspaceId, now, actor, $"initiative.{status.ToString().ToLowerInvariant()}", $"initiative:{row.Id}", row.Title));
            await db.SaveChangesAsync(ct);
            return await ToDtoAsync(row, measure: true, ct);
        }
    }

    private static void Apply(Initiative row, InitiativeInput input, Touchpoint? touchpoint, DateTime now)
    {
        row.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        row.OwnerUserId = input.OwnerUserId;
        row.RootCause = string.IsNullOrWhiteSpace(input.RootCause) ? null : input.RootCause.Trim();
        row.TouchpointId = touchpoint?.Id;
        row.ExpectedImpact = input.ExpectedImpact!.Value;
        row.Effort = input.Effort!.Value;
        row.UpdatedAt = now;
    }

    private async Task<(Dictionary<string, string[]> Errors, Touchpoint? Touchpoint)> ValidateAsync(InitiativeInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 300)
        {
            errors["title"] = ["An initiative needs a title of at most 300 characters."];
        }

        if (input.Description?.Length > 4000)
        {
            errors["description"] = ["The description is at most 4 000 characters."];
        }

        if (SurveyKpis.Find(input.Kpi) is null)
        {
            errors["kpi"] = [$"The KPI is one of {string.Join(", ", SurveyKpis.All.Select(k => k.Id))}."];
        }

        if (input.ExpectedImpact is null or < -100 or > 100)
        {
            errors["expectedImpact"] = ["The expected impact is the KPI change in its points, −100 to 100."];
        }

        if (input.Effort is null or <= 0 or > 10_000)
        {
            errors["effort"] = ["The effort is in person-days, more than 0."];
        }

        if (input.RootCause?.Length > 100)
        {
            errors["rootCause"] = ["A root cause is at most 100 characters."];
        }

        if (input.OwnerUserId is { } owner && !await db.Set<Membership>().AnyAsync(m => m.UserId == owner, ct))
        {
            errors["ownerUserId"] = ["The owner must be a member of this workspace."];
        }

        Touchpoint? touchpoint = null;
        if (!string.IsNullOrWhiteSpace(input.TouchpointKey))
        {
            touchpoint = await db.Set<Touchpoint>().AsNoTracking().FirstOrDefaultAsync(t => t.Key == input.TouchpointKey, ct);
            if (touchpoint is null)
            {
                errors["touchpointKey"] = [$"There is no touchpoint '{input.TouchpointKey}' in this workspace."];
            }
        }

        return (errors, touchpoint);
    }

    private async Task<InitiativeDto> ToDtoAsync(Initiative row, bool measure, CancellationToken ct)
    {
        var owner = row.OwnerUserId is { } o ? await db.Set<User>().AsNoTracking().Where(u => u.Id == o).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        var touchpoint = row.TouchpointId is { } t ? await db.Set<Touchpoint>().AsNoTracking().Where(x => x.Id == t).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var linked = row.RootCause is null ? 0 : await db.Set<Case>().AsNoTracking()
            .CountAsync(c => c.RootCause == row.RootCause && (row.TouchpointId == null || c.TouchpointId == row.TouchpointId), ct);
        var measurement = row.MeasurementJson is { } json ? JsonSerializer.Deserialize<MeasurementDto>(json, Json)
            : measure && row.DeliveredOn is not null ? await MeasureAsync(row, ct)
            : null;
        return new InitiativeDto(
            row.Id, row.Title, row.Description, row.OwnerUserId, owner, row.RootCause, row.TouchpointId, touchpoint, row.Kpi,
            row.ExpectedImpact, row.Effort, Math.Round(Math.Abs(row.ExpectedImpact) / row.Effort, 3), row.Status, linked, row.DeliveredOn,
            row.CreatedAt, row.UpdatedAt, measurement, row.Version);
    }

    // The KPI at the touchpoint in the window before the delivery day and from it (up to as long, or today).
    private async Task<MeasurementDto?> MeasureAsync(Initiative row, CancellationToken ct)
    {
        if (row.DeliveredOn is not { } delivered)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var touchpointKey = row.TouchpointId is { } t ? await db.Set<Touchpoint>().AsNoTracking().Where(x => x.Id == t).Select(x => x.Key).FirstOrDefaultAsync(ct) : null;
        var afterTo = delivered.AddDays(WindowDays - 1) < today ? delivered.AddDays(WindowDays - 1) : today;
        if (afterTo < delivered)
        {
            return null;
        }

        var before = await WindowAsync(row.Kpi, delivered.AddDays(-WindowDays), delivered.AddDays(-1), touchpointKey, ct);
        var after = await WindowAsync(row.Kpi, delivered, afterTo, touchpointKey, ct);
        if (before is null || after is null || after.N == 0)
        {
            return null;
        }

        double? change = before.Value is { } b && after.Value is { } a ? Math.Round(a - b, 2) : null;
        double? z = null;
        if (change is { } d && before is { Lower: { } bl, Upper: { } bu } && after is { Lower: { } al, Upper: { } au })
        {
            var se = Math.Sqrt(Math.Pow((bu - bl) / (2 * 1.96), 2) + Math.Pow((au - al) / (2 * 1.96), 2));
            z = se > 0 ? Math.Round(d / se, 3) : null;
        }

        bool? significant = z is { } zz ? Math.Abs(zz) >= 1.96 : null;
        var kpi = SurveyKpis.Find(row.Kpi)!;
        var better = change is { } c && (kpi.Scale.Polarity == ScalePolarity.HigherIsBetter ? c > 0 : c < 0);
        var verdict = before.Value is null || after.Value is null ? "Too few answers to compare (fewer than 10 on a side)"
            : significant is not true ? "No significant change yet"
            : better ? "Improved" : "Worse";
        return new MeasurementDto(row.Kpi, before, after, change, z, significant, verdict);
    }

    private async Task<KpiWindowDto?> WindowAsync(string kpi, DateOnly from, DateOnly to, string? touchpoint, CancellationToken ct)
    {
        var series = await kpis.HandleAsync(kpi, new KpiSliceRequest(
            from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "quarter", Touchpoint: touchpoint), ct);
        if (!series.IsSuccess || series.Value!.Groups.Count == 0)
        {
            return null;
        }

        // In the units people read (NPS points, percentages), like expectedImpact.
        var total = series.Value.Groups[0].Total;
        var scale = series.Value.Unit is Core.Kpis.KpiUnit.Points or Core.Kpis.KpiUnit.Percent ? 100 : 1;
        double? Shown(double? v) => v is { } x ? Math.Round(x * scale, 2) : null;
        return new KpiWindowDto(from, to, total.N, Shown(total.Value), Shown(total.Interval?.Lower), Shown(total.Interval?.Upper));
    }
}
