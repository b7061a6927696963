using System.Text.Json;
using Loopwise.Core.Kpis;

namespace Loopwise.Features.CustomerHealth;

/// <summary>
/// One version of a health model. <c>components</c> has the storage shape of <see cref="HealthModelJson"/>
/// (<c>[{signal, weight, normaliser: {kind, ...}}]</c>), the same shape a new version is posted in.
/// <c>stored</c> is false for the shipped default before anything was stored for the workspace.
/// </summary>
public sealed record HealthModelVersionDto(
    string ModelId, int Version, DateOnly EffectiveFrom, string? SegmentFilter, JsonElement Components, bool Stored, DateTime? CreatedAt, string? CreatedBy)
{
    public static HealthModelVersionDto From(HealthModel model, HealthModelRow? row)
    {
        using var json = JsonDocument.Parse(HealthModelJson.Serialize(model));
        return new(model.Id, model.Version, model.EffectiveFrom, model.SegmentFilter, json.RootElement.GetProperty("components").Clone(),
            row is not null, row?.CreatedAt, row?.CreatedBy);
    }
}

/// <summary>A model with the version in force today (<c>current</c>, null when every version starts later) and its latest version number.</summary>
public sealed record HealthModelSummaryDto(string ModelId, int LatestVersion, HealthModelVersionDto? Current);

/// <summary>One component's part in a score (see <see cref="HealthContribution"/>); the score is the sum of <c>points</c>.</summary>
public sealed record HealthContributionDto(string Signal, double Weight, double? RawValue, double? ComponentScore, double? EffectiveWeight, double? Points)
{
    public static HealthContributionDto From(HealthContribution c) => new(c.Signal, c.Weight, c.RawValue, c.ComponentScore, c.EffectiveWeight, c.Points);
}

/// <summary>What one model did in a scoring run.</summary>
public sealed record HealthRunModelDto(string ModelId, int ModelVersion, int Customers, int Healthy, int AtRisk, int Critical, int InsufficientData);

/// <summary>The result of scoring every customer now: counts per model and band, and the totals.</summary>
public sealed record HealthScoreRunDto(
    DateTime ScoredAt, int Customers, int Scores, int Healthy, int AtRisk, int Critical, int InsufficientData, IReadOnlyList<HealthRunModelDto> Models);

/// <summary>A customer's latest stored health score.</summary>
public sealed record CustomerHealthDto(
    string ExternalId, string ModelId, int ModelVersion, DateTime ScoredAt, double? Score, double Coverage, HealthBand? Band,
    bool InsufficientData, IReadOnlyList<HealthContributionDto> Contributions);
