using Loopwise.Core.Kpis;
using Loopwise.Data;
using Loopwise.Web;

namespace Loopwise.Features.Kpis;

/// <summary>
/// Several KPI series for one page (the overview reads every KPI): shared out among a few workers (<see cref="Workers"/>), each with its own DI
/// scope (its own database connection and per-request reference data) in the caller's workspace, so the page waits
/// for the slowest worker rather than for the sum of every query. The series are the ones <see cref="KpiSeriesQuery"/>
/// answers alone, in the order asked.
/// </summary>
public sealed class KpiSeriesBatch(IServiceScopeFactory scopes, WorkspaceScope workspace)
{
    /// <summary>At most this many queries run at once for one page, whatever the number of cores.</summary>
    public const int MaxWorkers = 4;

    /// <summary>
    /// Queries run at once for one page: one more than the cores (a worker waiting on the database or on SQLite's I/O
    /// leaves its core to another; the overview at ten million responses on two cores: p95 77-98 ms with three workers,
    /// 92-117 ms with two), at most <see cref="MaxWorkers"/>.
    /// </summary>
    public static int Workers => Math.Min(Environment.ProcessorCount + 1, MaxWorkers);

    /// <summary>The series of each of <paramref name="kpis"/> over the slice <paramref name="request"/> gives it; the first error in order if any.</summary>
    public async Task<Result<IReadOnlyList<KpiSeries>>> HandleAsync(IReadOnlyList<string> kpis, Func<string, KpiSliceRequest> request, CancellationToken ct)
    {
        var results = new Result<KpiSeries>[kpis.Count];
        // KPIs that read the same rollup rows (first response time median and P90) go to one worker, which reads them once.
        // The slowest read (those percentiles: a histogram of about a thousand buckets per month) starts first, so the
        // other workers share the rest meanwhile instead of waiting for it at the end.
        var work = Enumerable.Range(0, kpis.Count).GroupBy(i => SharedRead(kpis[i]), StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key == PercentileRead ? 0 : 1).Select(g => g.ToArray()).ToArray();
        var workers = Math.Clamp(Workers, 1, Math.Max(1, work.Length));
        var (workspaceId, userId) = (workspace.WorkspaceId, workspace.UserId);
        var next = -1;
        await Parallel.ForEachAsync(Enumerable.Range(0, workers), new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = ct }, async (_, token) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Set(workspaceId, userId);
            var query = scope.ServiceProvider.GetRequiredService<KpiSeriesQuery>();
            for (var item = Interlocked.Increment(ref next); item < work.Length; item = Interlocked.Increment(ref next))
            {
                foreach (var i in work[item])
                {
                    results[i] = await query.HandleAsync(kpis[i], request(kpis[i]), token);
                }
            }
        });

        if (results.FirstOrDefault(r => !r.IsSuccess) is { Error: { } error })
        {
            return error;
        }

        return results.Select(r => r.Value!).ToList();
    }

    private static string SharedRead(string kpi) =>
        string.Equals(kpi, KpiId.FirstResponseTimeMedian.Value, StringComparison.OrdinalIgnoreCase) || string.Equals(kpi, KpiId.FirstResponseTimeP90.Value, StringComparison.OrdinalIgnoreCase)
            ? PercentileRead
            : kpi;

    private const string PercentileRead = "first_response_time_buckets";
}
