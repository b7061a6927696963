using System.Diagnostics.Metrics;

namespace Loopwise.Hosting;

/// <summary>
/// Loopwise's own instruments (meter <c>Loopwise</c>), beside ASP.NET Core's request metrics: what a CX platform's
/// operator watches (architecture.md, Observability). Created through <see cref="IMeterFactory"/>, so each host has its own.
/// </summary>
public sealed class LoopwiseMetrics
{
    public const string MeterName = "Loopwise";

    private readonly Counter<long> _responsesStored;
    private readonly Counter<long> _jobsProcessed;
    private readonly Counter<long> _jobsFailed;
    private readonly TimeProvider _clock;
    private volatile JobQueueReading _jobQueue = new([], []);

    public LoopwiseMetrics(IMeterFactory meters, TimeProvider clock)
    {
        _clock = clock;
        var meter = meters.Create(MeterName);
        _responsesStored = meter.CreateCounter<long>(
            "loopwise.responses.stored", unit: "{response}", description: "Completed survey responses stored, by distribution channel.");
        _jobsProcessed = meter.CreateCounter<long>(
            "loopwise.jobs.processed", unit: "{job}", description: "Jobs whose handler succeeded, by kind.");
        _jobsFailed = meter.CreateCounter<long>(
            "loopwise.jobs.failed", unit: "{job}", description: "Failed job attempts, by kind; dead=true when the job has no attempt left (or no handler).");
        meter.CreateObservableGauge(
            "loopwise.jobs.depth", ObserveDepth, unit: "{job}",
            description: "Jobs queued (waiting or scheduled), running and dead, by kind and status; read by the job worker every Loopwise:Jobs:StatsEvery.");
        meter.CreateObservableGauge(
            "loopwise.jobs.oldest_age", ObserveOldestAge, unit: "s",
            description: "How long the oldest due queued job of each kind has waited since its run_at (it keeps growing while no worker claims).");
    }

    public void ResponsesStored(long count, string channel) =>
        _responsesStored.Add(count, new KeyValuePair<string, object?>("channel", channel));

    public void JobSucceeded(string kind) => _jobsProcessed.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void JobFailed(string kind, bool dead) =>
        _jobsFailed.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("dead", dead));

    /// <summary>A new reading of the jobs table for the gauges: counts by kind and status, and the oldest due run_at by kind.</summary>
    public void JobQueueObserved(IReadOnlyList<(string Kind, string Status, long Count)> depth, IReadOnlyList<(string Kind, DateTime OldestRunAt)> oldest) =>
        _jobQueue = new JobQueueReading(depth, oldest);

    private IEnumerable<Measurement<long>> ObserveDepth() =>
        _jobQueue.Depth.Select(d => new Measurement<long>(
            d.Count, new KeyValuePair<string, object?>("kind", d.Kind), new KeyValuePair<string, object?>("status", d.Status)));

    private IEnumerable<Measurement<double>> ObserveOldestAge()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return _jobQueue.Oldest.Select(o => new Measurement<double>(
            Math.Max(0, (now - o.OldestRunAt).TotalSeconds), new KeyValuePair<string, object?>("kind", o.Kind)));
    }

    private sealed record JobQueueReading(IReadOnlyList<(string Kind, string Status, long Count)> Depth, IReadOnlyList<(string Kind, DateTime OldestRunAt)> Oldest);
}
