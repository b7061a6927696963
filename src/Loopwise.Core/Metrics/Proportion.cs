namespace Loopwise.Core.Metrics;

/// <summary>Confidence intervals and tests for a binomial share (cx-reference.md §2 and §4).</summary>
public static class Proportion
{
    /// <summary>
    /// Wilson score interval [9]: with p̂ = x/n,
    /// (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n). Null when n = 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">successes is negative or exceeds n.</exception>
    public static Interval? Wilson(long successes, long n, double z = 1.96)
    {
        Validate(successes, n);
        return n == 0 ? null : WilsonFromShare((double)successes / n, n, z);
    }

    /// <summary>
    /// Wilson interval for a (possibly weighted) share and an effective sample size, e.g. the Kish n_eff.
    /// Null when <paramref name="effectiveN"/> is not positive.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">share is outside [0, 1].</exception>
    public static Interval? WilsonFromShare(double share, double effectiveN, double z = 1.96)
    {
        if (!(share >= 0.0 && share <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "A share must lie in [0, 1].");
        }

        if (!(effectiveN > 0.0))
        {
            return null;
        }

        var z2 = z * z;
        var denominator = 1.0 + (z2 / effectiveN);
        var centre = (share + (z2 / (2.0 * effectiveN))) / denominator;
        var margin = z * Math.Sqrt((share * (1.0 - share) / effectiveN) + (z2 / (4.0 * effectiveN * effectiveN))) / denominator;
        return new Interval(Math.Max(0.0, centre - margin), Math.Min(1.0, centre + margin));
    }

    /// <summary>The share x/n with its Wilson interval; value and interval are null when n = 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">successes is negative or exceeds n.</exception>
    public static ProportionEstimate Estimate(long successes, long n, double z = 1.96)
    {
        var interval = Wilson(successes, n, z);
        return new ProportionEstimate(successes, n, n == 0 ? null : (double)successes / n, interval);
    }

    /// <summary>
    /// Compares two independent shares x₁/n₁ and x₂/n₂ with the "N − 1" two-proportion test that
    /// Sauro &amp; Lewis recommend [8] (Campbell's N − 1 chi-square, equivalent to a scaled z-test):
    /// with pooled P = (x₁ + x₂)/N, Q = 1 − P and N = n₁ + n₂,
    /// <c>z = (p₁ − p₂) / √(P·Q·(1/n₁ + 1/n₂)) · √((N − 1)/N)</c>; z² is the N − 1 chi-square statistic
    /// (N − 1)(ad − bc)²/(m·n·r·s) of the 2×2 table. When P is 0 or 1 the shares are equal and z = 0.
    /// Null when either group is empty.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or successes exceed their n.</exception>
    public static Comparison? Compare(long successes1, long n1, long successes2, long n2, double criticalZ = 1.96)
    {
        Validate(successes1, n1);
        Validate(successes2, n2);
        if (n1 == 0 || n2 == 0)
        {
            return null;
        }

        var p1 = (double)successes1 / n1;
        var p2 = (double)successes2 / n2;
        var total = (double)n1 + n2;
        var pooled = (successes1 + (double)successes2) / total;
        var variance = pooled * (1.0 - pooled) * ((1.0 / n1) + (1.0 / n2));
        var z = variance > 0.0 ? (p1 - p2) / Math.Sqrt(variance) * Math.Sqrt((total - 1.0) / total) : 0.0;
        var significant = Math.Abs(z) >= criticalZ && SampleBases.AllowsSignificance(n1, n2);
        return new Comparison(p1 - p2, z, Comparison.TwoSidedP(z), significant);
    }

    private static void Validate(long successes, long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, n);
    }
}
