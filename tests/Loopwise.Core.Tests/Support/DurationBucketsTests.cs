using Loopwise.Core.Support;

namespace Loopwise.Core.Tests.Support;

public sealed class DurationBucketsTests
{
    [Theory]
    [InlineData(-5, 0)]
    [InlineData(0, 0)]
    [InlineData(60, 0)]
    [InlineData(61, 1)]
    [InlineData(120, 1)]
    [InlineData(121, 2)]
    [InlineData(172_800, 2879)]
    [InlineData(172_801, 2880)]
    [InlineData(176_400, 2880)]
    [InlineData(176_401, 2881)]
    [InlineData(2_592_000, 3551)]
    [InlineData(2_592_001, 3552)]
    public void Buckets_are_closed_above_minutes_to_48_hours_then_hours_to_30_days(long seconds, int bucket)
    {
        Assert.Equal(bucket, DurationBuckets.Bucket(seconds));
    }

    [Theory]
    [InlineData(0, 60)]
    [InlineData(1, 120)]
    [InlineData(2879, 172_800)]
    [InlineData(2880, 176_400)]
    [InlineData(3551, 2_592_000)]
    [InlineData(3552, long.MaxValue)]
    public void Upper_bounds_are_the_largest_duration_of_each_bucket(int bucket, long upper)
    {
        Assert.Equal(upper, DurationBuckets.UpperBoundSeconds(bucket));
        Assert.Equal(3553, DurationBuckets.Count);
    }

    [Fact]
    public void Nearest_rank_median_and_p90_of_ten_whole_minutes()
    {
        // 1..10 minutes: the median is the 5th value (ceil(0.5*10)), P90 the 9th (ceil(0.9*10)).
        var seconds = Enumerable.Range(1, 10).Select(m => m * 60L).ToList();

        Assert.Equal(300, DurationBuckets.Percentile(seconds, 50));
        Assert.Equal(540, DurationBuckets.Percentile(seconds, 90));
        Assert.Equal(600, DurationBuckets.Percentile(seconds, 100));
    }

    [Fact]
    public void Percentiles_are_reported_rounded_up_to_the_minute_and_to_the_hour_past_48_hours()
    {
        Assert.Equal(120, DurationBuckets.Percentile([61L], 50));
        Assert.Equal(176_400, DurationBuckets.Percentile([172_801L, 175_000L, 1L], 90));
    }

    [Fact]
    public void Rollup_counts_in_any_order_give_the_raw_answer()
    {
        long[] raw = [30, 59, 61, 3600, 7201, 90_000, 200_000, 3_000_000, 45, 600];
        var rows = raw.Select(s => (DurationBuckets.Bucket(s), 1L)).Reverse().ToList();

        foreach (var p in new[] { 1.0, 25, 50, 75, 90, 99, 100 })
        {
            Assert.Equal(DurationBuckets.Percentile(raw, p), DurationBuckets.Percentile(rows, p));
        }

        // 10 values, P90 is the 9th smallest: 200 000 s lies in the hour bucket ending at 201 600 s.
        Assert.Equal(201_600, DurationBuckets.Percentile(rows, 90));
        Assert.Equal(long.MaxValue, DurationBuckets.Percentile(rows, 100));
    }

    [Fact]
    public void No_durations_have_no_percentile_or_mean()
    {
        Assert.Null(DurationBuckets.Percentile(Array.Empty<long>(), 50));
        Assert.Null(DurationBuckets.Mean(0, 0));
        Assert.Equal(90.5, DurationBuckets.Mean(181, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => DurationBuckets.Percentile([1L], 0));
    }

    [Fact]
    public void Percentile_of_a_histogram_by_bucket_equals_the_percentile_of_its_bucket_counts()
    {
        // 3 durations in bucket 4 (4-5 min], 1 in bucket 9 (9-10 min]: nearest rank of P50 is 2 -> bucket 4 -> 300 s; P90 is rank 4 -> 600 s.
        var histogram = new long[DurationBuckets.Count];
        histogram[4] = 3;
        histogram[9] = 1;

        Assert.Equal(300, DurationBuckets.PercentileOfHistogram(histogram, 50));
        Assert.Equal(600, DurationBuckets.PercentileOfHistogram(histogram, 90));
        Assert.Equal(DurationBuckets.Percentile([(4, 3L), (9, 1L)], 90), DurationBuckets.PercentileOfHistogram(histogram, 90));
        Assert.Null(DurationBuckets.PercentileOfHistogram([], 50));
        Assert.Throws<ArgumentOutOfRangeException>(() => DurationBuckets.PercentileOfHistogram(new long[DurationBuckets.Count + 1], 50));
    }
}
