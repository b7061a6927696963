using Loopwise.Data;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.CustomerHealth;

/// <summary>
/// The monthly cells behind the <c>health_score</c> KPI: per UTC month, each customer's latest stored score within that
/// month (and within [from, to]), scores with a value only ("insufficient data" is not 0). Across models, a customer's
/// latest score wins (ties: the lowest model id, ordinal). Mean health score of a month = SumScore / Customers.
/// </summary>
public sealed class HealthKpiCells(LoopwiseDbContext db)
{
    /// <summary>Every month from <paramref name="from"/>'s to <paramref name="to"/>'s (days inclusive), oldest first; months without scores have 0 customers.</summary>
    public async Task<IReadOnlyList<(DateOnly Month, long Customers, double SumScore)>> MonthlyAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (to < from)
        {
            return [];
        }

        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var rows = db.Set<HealthScoreRow>().AsNoTracking()
            .Where(s => s.Score != null && s.ScoredAt >= start && s.ScoredAt < end)
            .Select(s => new { s.CustomerId, s.ModelId, s.ScoredAt, Score = s.Score!.Value })
            .AsAsyncEnumerable();
        var latest = new Dictionary<(DateOnly Month, Guid Customer), (DateTime At, string Model, double Score)>();
        await foreach (var row in rows.WithCancellation(ct))
        {
            var key = (new DateOnly(row.ScoredAt.Year, row.ScoredAt.Month, 1), row.CustomerId);
            if (!latest.TryGetValue(key, out var seen) || row.ScoredAt > seen.At
                || (row.ScoredAt == seen.At && string.CompareOrdinal(row.ModelId, seen.Model) < 0))
            {
                latest[key] = (row.ScoredAt, row.ModelId, row.Score);
            }
        }

        var months = new List<(DateOnly Month, long Customers, double SumScore)>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var cells = latest.Where(l => l.Key.Month == month).Select(l => l.Value.Score).ToList();
            months.Add((month, cells.Count, cells.Sum()));
        }

        return months;
    }
}
