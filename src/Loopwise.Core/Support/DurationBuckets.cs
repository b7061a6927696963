namespace Loopwise.Core.Support;

/// <summary>
/// The fixed histogram that duration rollups keep, so that medians and P90 can be read from rollups
/// (cx-reference.md conventions: durations need a count, a sum and a fixed histogram). Buckets are closed above:
/// bucket 0 holds 0–60 s, bucket <c>i</c> (1 ≤ i &lt; 2880) holds (60·i, 60·(i+1)] s, up to 48 h; then one bucket per
/// hour up to 30 days; then one overflow bucket. Percentiles are the upper bound of the bucket that holds the
/// nearest-rank value, so medians and P90 are reported to the minute (rounded up), and to the hour beyond 48 h.
/// Rollup answers and raw-fact answers use the same functions here, so they are equal exactly. Means come from exact
/// sums of seconds, never from the histogram.
/// </summary>
public static class DurationBuckets
{
    /// <summary>Seconds covered by minute buckets: 48 hours.</summary>
    public const long MinuteRangeSeconds = 48 * 3600;

    /// <summary>Seconds covered by minute and hour buckets: 30 days.</summary>
    public const long HourRangeSeconds = 30 * 24 * 3600;

    /// <summary>Number of minute buckets (0..2879).</summary>
    public const int MinuteBuckets = (int)(MinuteRangeSeconds / 60);

    /// <summary>Number of hour buckets after the minute buckets (2880..3551).</summary>
    public const int HourBuckets = (int)((HourRangeSeconds - MinuteRangeSeconds) / 3600);

    /// <summary>The overflow bucket: more than 30 days.</summary>
    public const int Overflow = MinuteBuckets + HourBuckets;

    /// <summary>Number of buckets, overflow included.</summary>
    public const int Count = Overflow + 1;

    /// <summary>The bucket of a duration; negative durations count as 0.</summary>
    public static int Bucket(long seconds)
    {
        if (seconds <= 60)
        {
            return 0;
        }

        if (seconds <= MinuteRangeSeconds)
        {
            return (int)((seconds + 59) / 60) - 1;
        }

        if (seconds <= HourRangeSeconds)
        {
            return MinuteBuckets + (int)((seconds - MinuteRangeSeconds + 3599) / 3600) - 1;
        }

        return Overflow;
    }

    /// <summary>The largest duration in a bucket, in seconds; <see cref="long.MaxValue"/> for the overflow bucket (show it as "more than 30 days").</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such bucket.</exception>
    public static long UpperBoundSeconds(int bucket)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bucket);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bucket, Overflow);
        return bucket < MinuteBuckets
            ? (bucket + 1) * 60L
            : bucket < Overflow ? MinuteRangeSeconds + (bucket - MinuteBuckets + 1) * 3600L : long.MaxValue;
    }

    /// <summary>
    /// The <paramref name="percent"/>-th percentile by the nearest-rank rule: the value at rank ⌈p/100 · N⌉ (at least 1)
    /// of the N durations in order, reported as the upper bound of its bucket. Null when there are no durations.
    /// Bucket counts may come in any order and a bucket may repeat (rows of several days or slots).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is not in (0, 100], or a count is negative.</exception>
    public static long? Percentile(IReadOnlyList<(int Bucket, long Count)> counts, double percent)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (!(percent > 0 && percent <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "A percentile lies in (0, 100].");
        }

        var perBucket = new long[Count];
        foreach (var (bucket, count) in counts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            perBucket[bucket] += count;
        }

        return PercentileOfHistogram(perBucket, percent);
    }

    /// <summary>
    /// The same percentile from a histogram indexed by bucket (<see cref="Count"/> entries, or fewer when the last
    /// buckets are empty): the form a reader that sums many rollup rows keeps.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is not in (0, 100], a count is negative, or there are more than <see cref="Count"/> buckets.</exception>
    public static long? PercentileOfHistogram(ReadOnlySpan<long> perBucket, double percent)
    {
        if (!(percent > 0 && percent <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "A percentile lies in (0, 100].");
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(perBucket.Length, Count, nameof(perBucket));
        long n = 0;
        foreach (var count in perBucket)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count, nameof(perBucket));
            n += count;
        }

        if (n == 0)
        {
            return null;
        }

        // Decimal keeps p·N exact for the usual percentiles (90 · 10 / 100 is 9, not 9.000000000000002).
        var rank = (long)Math.Ceiling((decimal)percent * n / 100m);
        rank = Math.Max(1, rank);
        long seen = 0;
        for (var b = 0; b < perBucket.Length; b++)
        {
            seen += perBucket[b];
            if (seen >= rank)
            {
                return UpperBoundSeconds(b);
            }
        }

        return UpperBoundSeconds(Overflow);
    }

    /// <summary>The same percentile over raw durations in seconds (bucketed first, so it equals the rollup answer).</summary>
    public static long? Percentile(IEnumerable<long> seconds, double percent) =>
        Percentile([.. seconds.GroupBy(Bucket).Select(g => (g.Key, g.LongCount()))], percent);

    /// <summary>The mean duration in seconds from an exact sum and count; null when the count is 0.</summary>
    public static double? Mean(long sumSeconds, long count) => count == 0 ? null : (double)sumSeconds / count;
}
