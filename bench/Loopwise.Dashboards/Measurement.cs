using System.Diagnostics;
using System.Globalization;
using Loopwise.Data;
using Loopwise.Features.Dashboards;
using Loopwise.Features.Kpis;
using Loopwise.Features.Responses;
using Loopwise.Features.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Dashboards;

/// <summary>Timings of one query in milliseconds.</summary>
internal sealed class Timings(string name)
{
    public string Name { get; } = name;

    public List<double> Runs { get; } = [];

    public double P50 => Percentile(0.50);

    public double P95 => Percentile(0.95);

    public double Max => Runs.Count == 0 ? 0 : Runs.Max();

    /// <summary>Nearest rank.</summary>
    public double Percentile(double p)
    {
        if (Runs.Count == 0)
        {
            return 0;
        }

        var sorted = Runs.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>
/// Times the dashboards' queries (<see cref="KpiSeriesQuery"/>, a fresh DI scope per run as a web request would have)
/// and the same numbers by raw GROUP BY, then checks that both count the same answers and tickets.
/// </summary>
internal sealed class Measurement(IServiceProvider services, Guid workspaceId, BenchCalendar calendar)
{
    public const string Explorer = "explorer";

    public Dictionary<string, Timings> Rollup { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Timings> Raw { get; } = new(StringComparer.Ordinal);

    /// <summary>Per KPI (and explorer): whether the rollup answer and the raw GROUP BY have the same n in every group and month; with the first difference.</summary>
    public Dictionary<string, (bool Same, string? Difference)> Checks { get; } = new(StringComparer.Ordinal);

    private KpiSliceRequest Slice(string? by = null) => new(
        From: calendar.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), To: calendar.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Interval: "month", By: by);

    /// <summary>
    /// <paramref name="warmup"/> untimed runs (the JIT settles), then <paramref name="runs"/> timed runs of the overview
    /// page's query (every KPI, shared among workers as the page does), of each KPI alone, and of the explorer.
    /// </summary>
    public async Task<(Dictionary<string, KpiSeries> Overview, KpiSeries Explorer)> RollupsAsync(int warmup, int runs, CancellationToken ct)
    {
        var overview = Timer("overview", Rollup);
        var explorer = Timer(Explorer, Rollup);
        Dictionary<string, KpiSeries> last = [];
        KpiSeries? lastExplorer = null;
        var to = calendar.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var run = 0; run < warmup + runs; run++)
        {
            var measured = run >= warmup;
            // The overview page: one request, DashboardQueries as the page calls it.
            await using (var scope = Scope())
            {
                var watch = Stopwatch.StartNew();
                var cards = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().OverviewAsync(to, ct);
                Record(overview, watch, measured);
                last = cards.IsSuccess ? cards.Value!.ToDictionary(c => c.Kpi, StringComparer.Ordinal) : throw new InvalidOperationException($"The overview failed: {cards.Error}");
            }

            // Each KPI alone, one after another in one scope: where the time goes.
            await using (var scope = Scope())
            {
                var query = scope.ServiceProvider.GetRequiredService<KpiSeriesQuery>();
                foreach (var id in KpiSeriesQuery.Ids)
                {
                    var one = Stopwatch.StartNew();
                    Value(await query.HandleAsync(id, Slice(), ct), id);
                    Record(Timer(id, Rollup), one, measured);
                }
            }

            await using (var scope = Scope())
            {
                var watch = Stopwatch.StartNew();
                lastExplorer = Value(await scope.ServiceProvider.GetRequiredService<KpiSeriesQuery>().HandleAsync("nps", Slice("region"), ct), "nps by region");
                Record(explorer, watch, measured);
            }
        }

        if (!last.Keys.Order(StringComparer.Ordinal).SequenceEqual(KpiSeriesQuery.Ids.Order(StringComparer.Ordinal)))
        {
            throw new InvalidOperationException("The overview did not answer every KPI.");
        }

        return (last, lastExplorer!);
    }

    /// <summary>The same numbers by raw GROUP BY: one warm-up run then <paramref name="runs"/> timed runs; returns the last counts.</summary>
    public async Task<Dictionary<string, RawCounts>> RawAsync(int runs, CancellationToken ct)
    {
        RawQueries raw;
        await using (var scope = Scope())
        {
            var sp = scope.ServiceProvider;
            raw = await RawQueries.PrepareAsync(sp.GetRequiredService<LoopwiseDbContext>(), sp.GetRequiredService<SurveyDefinitions>(), sp.GetRequiredService<SupportSettingsService>(), workspaceId, calendar, ct);
        }

        var overview = Timer("overview", Raw);
        var explorer = Timer(Explorer, Raw);
        var last = new Dictionary<string, RawCounts>(StringComparer.Ordinal);
        for (var run = 0; run <= runs; run++)
        {
            var measured = run > 0;
            await using (var scope = Scope())
            {
                var db = scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>();
                var total = Stopwatch.StartNew();
                foreach (var id in KpiSeriesQuery.Ids)
                {
                    // KPIs without a raw statement (added after this tool) are neither timed nor compared.
                    if (raw.Has(id))
                    {
                        var one = Stopwatch.StartNew();
                        last[id] = await raw.RunAsync(db, id, ct);
                        Record(Timer(id, Raw), one, measured);
                    }
                }

                Record(overview, total, measured);
            }

            await using (var scope = Scope())
            {
                var watch = Stopwatch.StartNew();
                last[Explorer] = await raw.RunAsync(scope.ServiceProvider.GetRequiredService<LoopwiseDbContext>(), Explorer, ct);
                Record(explorer, watch, measured);
            }
        }

        return last;
    }

    /// <summary>Compares n per group and month between the dashboards' series and the raw counts.</summary>
    public void Compare(Dictionary<string, KpiSeries> overview, KpiSeries explorer, Dictionary<string, RawCounts> raw)
    {
        foreach (var (id, series) in overview.Append(new(Explorer, explorer)))
        {
            if (!raw.ContainsKey(id))
            {
                continue;
            }

            string? difference = null;
            var counts = raw[id];
            var groups = series.Groups.Select(g => g.Group).Concat(counts.Keys.Select(k => k.Group)).Distinct(StringComparer.Ordinal).ToList();
            foreach (var group in groups)
            {
                var points = series.Groups.FirstOrDefault(g => g.Group == group)?.Points ?? [];
                foreach (var period in points.Select(p => Month(p.From)).Concat(counts.Keys.Where(k => k.Group == group).Select(k => k.Period)).Distinct())
                {
                    var dashboard = points.Where(p => Month(p.From) == period).Sum(p => p.N);
                    var recount = counts.N(group, period);
                    if (dashboard != recount && difference is null)
                    {
                        difference = string.Create(CultureInfo.InvariantCulture, $"{(group.Length == 0 ? "all" : group)} {period:yyyy-MM}: dashboard n {dashboard}, raw n {recount}");
                    }
                }
            }

            // NPS by region: the values too, from the raw counts (cx-reference.md §1: %promoters − %detractors).
            if (id == Explorer && difference is null)
            {
                foreach (var g in series.Groups)
                {
                    foreach (var p in g.Points.Where(p => p.Value is not null))
                    {
                        var cells = counts.Where(c => c.Key.Group == g.Group && c.Key.Period == Month(p.From)).ToList();
                        var n = (double)cells.Sum(c => c.Value);
                        var nps = (cells.Where(c => c.Key.Value >= 9).Sum(c => c.Value) - cells.Where(c => c.Key.Value <= 6).Sum(c => c.Value)) / n;
                        if (Math.Abs(nps - p.Value!.Value) > 1e-9 && difference is null)
                        {
                            difference = string.Create(CultureInfo.InvariantCulture, $"{g.Group} {p.Period}: dashboard NPS {p.Value}, raw {nps}");
                        }
                    }
                }
            }

            Checks[id] = (difference is null, difference);
        }
    }

    private static DateOnly Month(DateOnly day) => new(day.Year, day.Month, 1);

    private static KpiSeries Value(Loopwise.Web.Result<KpiSeries> result, string what) =>
        result.IsSuccess ? result.Value! : throw new InvalidOperationException($"The KPI query {what} failed: {result.Error}");

    private static Timings Timer(string name, Dictionary<string, Timings> into)
    {
        if (!into.TryGetValue(name, out var timings))
        {
            into[name] = timings = new Timings(name);
        }

        return timings;
    }

    private static void Record(Timings timings, Stopwatch watch, bool measured)
    {
        if (measured)
        {
            timings.Runs.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    private AsyncServiceScope Scope()
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Set(workspaceId);
        return scope;
    }
}
