namespace Loopwise.Core.Metrics;

/// <summary>
/// Customer Effort Score on either built-in scale (cx-reference.md §2). The two versions are incompatible:
/// results carry their scale and polarity, and counts of different scales are never compared or merged.
/// </summary>
public static class Ces
{
    /// <summary>
    /// Mean with a t interval and the favourable share with a Wilson interval, at the two-sided
    /// <paramref name="confidence"/> level.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">confidence is not in (0, 1).</exception>
    public static CesResult Compute(ScaleCounts counts, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var z = Csat.CriticalZ(confidence);
        return new CesResult(
            counts.Scale,
            MeanEstimate.FromCounts(counts, confidence),
            Proportion.Estimate(counts.FavourableCount, counts.N, z));
    }

    /// <summary>
    /// Compares the favourable shares of two independent groups on the same scale with the N − 1
    /// two-proportion test. Null when either group is empty.
    /// </summary>
    /// <exception cref="ArgumentException">The counts are on different scales (no silent conversion).</exception>
    public static Comparison? Compare(ScaleCounts a, ScaleCounts b, double criticalZ = 1.96)
    {
        ScaleCounts.EnsureSameScale(a, b);
        return Proportion.Compare(a.FavourableCount, a.N, b.FavourableCount, b.N, criticalZ);
    }
}
