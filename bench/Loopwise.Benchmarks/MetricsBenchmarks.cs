using BenchmarkDotNet.Attributes;
using Loopwise.Core.Metrics;

namespace Loopwise.Benchmarks;

/// <summary>The metric kernel a results page runs per cell: counts per scale point in, NPS with its interval out.</summary>
[MemoryDiagnoser]
public class MetricsBenchmarks
{
    private readonly ScaleCounts[] _days = new ScaleCounts[365];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        for (var d = 0; d < _days.Length; d++)
        {
            _days[d] = new ScaleCounts(Scales.Nps);
            for (var v = 0; v <= 10; v++)
            {
                _days[d].Add(v, random.Next(0, 200));
            }
        }
    }

    [Benchmark(Description = "NPS of a year from 365 daily rollups")]
    public NpsResult YearOfDailyRollups()
    {
        var total = new ScaleCounts(Scales.Nps);
        foreach (var day in _days)
        {
            total.Add(day);
        }

        return Nps.Compute(total);
    }
}
