namespace Loopwise.Core.Metrics;

/// <summary>Customer satisfaction from rating counts (cx-reference.md §2).</summary>
public static class Csat
{
    /// <summary>
    /// CSAT% = count(favourable)/n with a Wilson interval, and the mean x̄ ± t₍ₙ₋₁₎·s/√n,
    /// both at the two-sided <paramref name="confidence"/> level.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">confidence is not in (0, 1).</exception>
    public static CsatResult Compute(ScaleCounts counts, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var z = CriticalZ(confidence);
        return new CsatResult(
            counts.Scale,
            Proportion.Estimate(counts.FavourableCount, counts.N, z),
            MeanEstimate.FromCounts(counts, confidence));
    }

    /// <summary>
    /// Compares the favourable shares of two independent groups with the N − 1 two-proportion test
    /// (<see cref="Proportion.Compare"/>). Null when either group is empty.
    /// </summary>
    /// <exception cref="ArgumentException">The counts are on different scales.</exception>
    public static Comparison? Compare(ScaleCounts a, ScaleCounts b, double criticalZ = 1.96)
    {
        ScaleCounts.EnsureSameScale(a, b);
        return Proportion.Compare(a.FavourableCount, a.N, b.FavourableCount, b.N, criticalZ);
    }

    /// <summary>z for a two-sided confidence level, e.g. 0.95 → 1.95996.</summary>
    internal static double CriticalZ(double confidence)
    {
        if (!(confidence > 0.0 && confidence < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must lie in (0, 1).");
        }

        return Normal.InverseCdf(1.0 - ((1.0 - confidence) / 2.0));
    }
}
