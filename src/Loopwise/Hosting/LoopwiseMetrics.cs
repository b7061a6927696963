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

    public LoopwiseMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _responsesStored = meter.CreateCounter<long>(
            "loopwise.responses.stored", unit: "{response}", description: "Completed survey responses stored, by distribution channel.");
    }

    public void ResponsesStored(long count, string channel) =>
        _responsesStored.Add(count, new KeyValuePair<string, object?>("channel", channel));
}
