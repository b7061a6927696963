using Loopwise.Data;
using Loopwise.Features.Audit;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Dimensions;

/// <summary>A dimension as the API and pages show it and accept it.</summary>
public sealed record DimensionDto(string Attribute, string Label);

/// <summary>Lists and replaces a workspace's dimensions (audited).</summary>
public sealed class DimensionService(LoopwiseDbContext db, DimensionCatalog catalog, TimeProvider clock)
{
    public async Task<List<DimensionDto>> ListAsync(CancellationToken ct) =>
        await db.Set<WorkspaceDimension>().AsNoTracking().OrderBy(d => d.Position)
            .Select(d => new DimensionDto(d.Attribute, d.Label)).ToListAsync(ct);

    /// <summary>
    /// Replaces the list. Responses stored from now on carry the new dimensions; earlier responses keep the snapshot they
    /// were stored with (a dimension added later has no values for them).
    /// </summary>
    public async Task<Result<List<DimensionDto>>> ReplaceAsync(IReadOnlyList<DimensionDto> dimensions, string actor, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (dimensions.Count > DimensionRules.MaxDimensions)
        {
            errors["dimensions"] = [$"At most {DimensionRules.MaxDimensions} dimensions; each one multiplies the rollups kept per answer."];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < dimensions.Count; i++)
        {
            var d = dimensions[i];
            var path = $"dimensions[{i}]";
            if (!DimensionRules.IsValidAttribute(d.Attribute ?? string.Empty))
            {
                errors[path + ".attribute"] = [$"'{d.Attribute}' is not an attribute key: use lower-case letters, digits and underscores, starting with a letter (at most {DimensionRules.MaxAttributeLength})."];
            }
            else if (!seen.Add(d.Attribute!))
            {
                errors[path + ".attribute"] = [$"'{d.Attribute}' is listed twice."];
            }

            if (string.IsNullOrWhiteSpace(d.Label) || d.Label.Trim().Length > 100)
            {
                errors[path + ".label"] = ["Give a label of 1 to 100 characters."];
            }
        }

        if (errors.Count > 0)
        {
            return new Error.Invalid(errors);
        }

        var workspaceId = db.Scope.WorkspaceId;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<WorkspaceDimension>().ExecuteDeleteAsync(ct);
        db.AddRange(dimensions.Select((d, i) => new WorkspaceDimension
        {
            WorkspaceId = workspaceId, Attribute = d.Attribute, Label = d.Label.Trim(), Position = i, CreatedAt = now,
        }));
        db.Add(AuditEntry.Of(workspaceId, now, actor, "dimensions.replaced", "workspace", string.Join(",", dimensions.Select(d => d.Attribute))));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        catalog.Invalidate(workspaceId);
        return await ListAsync(ct);
    }
}
