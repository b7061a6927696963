using Loopwise.Core.Metrics;

namespace Loopwise.Core.Tests.Metrics;

public class NpsPropertyTests
{
    private static ScaleCounts RandomCounts(Random random, ScaleDefinition scale)
    {
        var counts = new ScaleCounts(scale);
        var answers = random.Next(0, 300);
        for (var i = 0; i < answers; i++)
        {
            counts.Add(random.Next(scale.Min, scale.Max + 1));
        }

        return counts;
    }

    [Fact]
    public void Nps_equals_the_mean_of_the_coded_answers()
    {
        var random = new Random(20240601);
        for (var round = 0; round < 200; round++)
        {
            var answers = Enumerable.Range(0, random.Next(1, 200)).Select(_ => random.Next(0, 11)).ToList();
            var coded = answers.Select(a => a >= 9 ? 1.0 : a >= 7 ? 0.0 : -1.0).ToList();

            var result = Nps.Compute(ScaleCounts.FromValues(Scales.Nps, answers));

            var mean = coded.Average();
            var variance = coded.Select(x => x * x).Average() - (mean * mean);
            Assert.Equal(mean, result.Score!.Value, 1e-12);
            Assert.Equal(variance, result.Variance!.Value, 1e-12);
        }
    }

    [Fact]
    public void Merged_counts_equal_the_counts_of_the_union()
    {
        var random = new Random(7);
        foreach (var scale in Scales.All)
        {
            for (var round = 0; round < 50; round++)
            {
                var a = Enumerable.Range(0, random.Next(0, 100)).Select(_ => random.Next(scale.Min, scale.Max + 1)).ToList();
                var b = Enumerable.Range(0, random.Next(0, 100)).Select(_ => random.Next(scale.Min, scale.Max + 1)).ToList();

                var merged = ScaleCounts.Merge(ScaleCounts.FromValues(scale, a), ScaleCounts.FromValues(scale, b));
                var union = ScaleCounts.FromValues(scale, a.Concat(b));

                Assert.True(merged.HasSameCounts(union));
                Assert.Equal(union.Counts, merged.Counts);
                Assert.Equal(union.SampleVariance, merged.SampleVariance);
            }
        }
    }

    [Fact]
    public void Nps_of_merged_counts_equals_nps_of_summed_nps_counts()
    {
        var random = new Random(11);
        for (var round = 0; round < 100; round++)
        {
            var a = RandomCounts(random, Scales.Nps);
            var b = RandomCounts(random, Scales.Nps);

            var fromMerged = Nps.Compute(ScaleCounts.Merge(a, b));
            var fromSum = Nps.Compute(NpsCounts.FromScale(a) + NpsCounts.FromScale(b));

            Assert.Equal(fromSum, fromMerged);
        }
    }

    [Fact]
    public void Adjusted_interval_always_lies_within_minus_1_and_1_and_is_null_only_for_n_0()
    {
        var random = new Random(3);
        for (var round = 0; round < 300; round++)
        {
            var counts = new NpsCounts(random.Next(0, 20), random.Next(0, 20), random.Next(0, 20));

            var result = Nps.Compute(counts);

            if (counts.N == 0)
            {
                Assert.Null(result.Interval);
                continue;
            }

            Assert.InRange(result.Interval!.Value.Lower, -1.0, 1.0);
            Assert.InRange(result.Interval!.Value.Upper, -1.0, 1.0);
            Assert.True(result.Interval!.Value.Contains(result.AdjustedScore!.Value));
        }
    }
}
