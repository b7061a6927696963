using System.Text.Json;
using Loopwise.Core.Kpis;
using Loopwise.Data;
using Loopwise.Features.Audit;
using Loopwise.Features.Customers;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.CustomerHealth;

/// <summary>
/// Scores every customer of the current workspace now (cx-reference.md §3) with each model's version in force today
/// whose segment filter the customer matches, and stores the scores with the model version that produced them. Bands are
/// the defaults (≥ 70 healthy, 40–69 at risk, &lt; 40 critical); coverage below 60% is stored as "insufficient data".
/// </summary>
public sealed class HealthScoring(LoopwiseDbContext db, SqliteWriteGate gate, TimeProvider clock, HealthModelStore models, HealthSignals signals)
{
    private const int Batch = 1_000;
    private static readonly IReadOnlyDictionary<string, double> NoSignals = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Scores and stores; <paramref name="progress"/> gets (customers scored, total customers) after each batch.</summary>
    public async Task<HealthScoreRunDto> ScoreAllAsync(string actor, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var workspaceId = db.Scope.WorkspaceId;
        var scoredAt = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(scoredAt);
        var customers = await db.Set<Customer>().AsNoTracking()
            .Select(c => new { c.Id, c.AttributesJson }).ToListAsync(ct);
        var values = await signals.CollectAsync(scoredAt, ct);
        progress?.Report((0, customers.Count));

        var counts = new Dictionary<(string Id, int Version), int[]>();
        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await models.EnsureDefaultStoredAsync(ct);
            var inForce = (await models.AllAsync(ct))
                .GroupBy(v => v.Model.Id, StringComparer.Ordinal)
                .Select(g => HealthModel.EffectiveOn(g.Select(v => v.Model), today))
                .OfType<HealthModel>()
                .ToList();
            foreach (var model in inForce)
            {
                counts[(model.Id, model.Version)] = new int[5];
            }

            var done = 0;
            foreach (var chunk in customers.Chunk(Batch))
            {
                foreach (var customer in chunk)
                {
                    var attributes = Attributes(customer.AttributesJson);
                    foreach (var model in inForce.Where(m => m.AppliesTo(attributes)))
                    {
                        var result = HealthScore.Compute(model, values.GetValueOrDefault(customer.Id) ?? NoSignals);
                        var tally = counts[(model.Id, model.Version)];
                        tally[0]++;
                        tally[result.Band is { } b ? 1 + (int)b : 4]++;
                        db.Add(new HealthScoreRow
                        {
                            WorkspaceId = workspaceId, CustomerId = customer.Id, ModelId = model.Id, ModelVersion = model.Version, ScoredAt = scoredAt,
                            Score = result.Score, Coverage = result.Coverage, Band = result.Band?.ToString(),
                            ContributionsJson = JsonSerializer.Serialize(result.Contributions.Select(HealthContributionDto.From).ToList(), JsonSerializerOptions.Web),
                        });
                    }
                }

                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                done += chunk.Length;
                progress?.Report((done, customers.Count));
            }

            var run = Summary(scoredAt, customers.Count, counts);
            db.Add(AuditEntry.Of(workspaceId, scoredAt, actor, "health.score", "health_scores",
                JsonSerializer.Serialize(run with { Models = [] }, JsonSerializerOptions.Web)));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return run;
        }
    }

    /// <summary>The customer's latest stored score (of <paramref name="modelId"/> when given); NotFound when none.</summary>
    public async Task<Result<CustomerHealthDto>> LatestAsync(string externalId, string? modelId, CancellationToken ct)
    {
        var customer = await db.Set<Customer>().AsNoTracking().Where(c => c.ExternalId == externalId).Select(c => new { c.Id, c.ExternalId }).FirstOrDefaultAsync(ct);
        if (customer is null)
        {
            return new Error.NotFound($"There is no customer '{externalId}'.");
        }

        var query = db.Set<HealthScoreRow>().AsNoTracking().Where(s => s.CustomerId == customer.Id);
        if (!string.IsNullOrEmpty(modelId))
        {
            query = query.Where(s => s.ModelId == modelId);
        }

        var row = await query.OrderByDescending(s => s.ScoredAt).ThenBy(s => s.ModelId).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return new Error.NotFound($"The customer '{externalId}' has no health score yet; run POST /api/v1/health/score.");
        }

        var contributions = JsonSerializer.Deserialize<List<HealthContributionDto>>(row.ContributionsJson, JsonSerializerOptions.Web) ?? [];
        HealthBand? band = Enum.TryParse<HealthBand>(row.Band, out var parsed) ? parsed : null;
        return new CustomerHealthDto(customer.ExternalId, row.ModelId, row.ModelVersion, row.ScoredAt, row.Score, row.Coverage, band, row.Score is null, contributions);
    }

    /// <summary>
    /// The latest run (the newest scored_at): counts per band and insufficient data, and its <paramref name="lowest"/>
    /// lowest scores with the customer's external id; null before any run.
    /// </summary>
    public async Task<(DateTime ScoredAt, Dictionary<string, int> Counts, List<(string ExternalId, string ModelId, int Version, double Score, string? Band)> Lowest)?> LatestRunAsync(
        int lowest, CancellationToken ct)
    {
        var last = await db.Set<HealthScoreRow>().AsNoTracking().MaxAsync(s => (DateTime?)s.ScoredAt, ct);
        if (last is not { } at)
        {
            return null;
        }

        var counts = (await db.Set<HealthScoreRow>().AsNoTracking().Where(s => s.ScoredAt == at)
                .GroupBy(s => s.Band).Select(g => new { Band = g.Key, N = g.Count() }).ToListAsync(ct))
            .ToDictionary(c => c.Band ?? "InsufficientData", c => c.N, StringComparer.Ordinal);
        var rows = await db.Set<HealthScoreRow>().AsNoTracking().Where(s => s.ScoredAt == at && s.Score != null)
            .OrderBy(s => s.Score).Take(lowest)
            .Join(db.Set<Customer>(), s => s.CustomerId, c => c.Id, (s, c) => new { c.ExternalId, s.ModelId, s.ModelVersion, Score = s.Score!.Value, s.Band })
            .ToListAsync(ct);
        return (at, counts, rows.OrderBy(r => r.Score).Select(r => (r.ExternalId, r.ModelId, r.ModelVersion, r.Score, r.Band)).ToList());
    }

    private static HealthScoreRunDto Summary(DateTime scoredAt, int customers, Dictionary<(string Id, int Version), int[]> counts)
    {
        var perModel = counts.OrderBy(c => c.Key.Id, StringComparer.Ordinal)
            .Select(c => new HealthRunModelDto(c.Key.Id, c.Key.Version, c.Value[0], c.Value[1], c.Value[2], c.Value[3], c.Value[4]))
            .ToList();
        return new HealthScoreRunDto(scoredAt, customers, perModel.Sum(m => m.Customers), perModel.Sum(m => m.Healthy), perModel.Sum(m => m.AtRisk),
            perModel.Sum(m => m.Critical), perModel.Sum(m => m.InsufficientData), perModel);
    }

    // Customer attributes are a JSON object of strings; other value kinds compare by their JSON text.
    private static Dictionary<string, string> Attributes(string? json)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return attributes;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    attributes[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                }
            }
        }
        catch (JsonException)
        {
            // Unreadable attributes match no segment filter but the unfiltered models.
        }

        return attributes;
    }
}
