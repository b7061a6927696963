namespace Loopwise.Core.Metrics;

/// <summary>Net Promoter Score: score, variance, intervals, comparison and sample sizes (cx-reference.md §1).</summary>
public static class Nps
{
    /// <summary>Computes the NPS of the 0–10 answers in <paramref name="counts"/>.</summary>
    /// <exception cref="ArgumentException">The scale is not 0–10.</exception>
    public static NpsResult Compute(ScaleCounts counts, double z = 1.96, long? populationSize = null) =>
        Compute(NpsCounts.FromScale(counts), z, populationSize);

    /// <summary>
    /// Computes the NPS with its Wald and adjusted-Wald intervals. When <paramref name="populationSize"/> N
    /// is given (a small B2B account base), both standard errors are multiplied by √((N − n)/(N − 1)).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">populationSize is smaller than n.</exception>
    public static NpsResult Compute(NpsCounts counts, double z = 1.96, long? populationSize = null)
    {
        var n = counts.N;
        if (n == 0)
        {
            return new NpsResult(counts, null, null, null, null, null, null, null, null);
        }

        var fpc = FinitePopulationFactor(n, populationSize);

        var p = (double)counts.Promoters / n;
        var d = (double)counts.Detractors / n;
        var score = p - d;
        var variance = Math.Max(0.0, p + d - (score * score));
        var se = Math.Sqrt(variance / n) * fpc;

        var (adjusted, adjustedVariance, adjustedN) = Adjusted(counts);
        var adjustedSe = Math.Sqrt(adjustedVariance / adjustedN) * fpc;

        return new NpsResult(
            counts,
            score,
            variance,
            se,
            Interval.Around(score, z * se).Clamp(-1.0, 1.0),
            adjusted,
            adjustedVariance,
            adjustedSe,
            Interval.Around(adjusted, z * adjustedSe).Clamp(-1.0, 1.0));
    }

    /// <summary>
    /// Tests the difference between two independent NPS values with the adjusted-Wald statistic
    /// z = (NPS′₁ − NPS′₂)/√(SE′₁² + SE′₂²). Not for paired samples (the same panel measured twice).
    /// <see cref="Comparison.Significant"/> needs |z| ≥ <paramref name="criticalZ"/> and both n ≥ 30.
    /// Null when either group is empty.
    /// </summary>
    public static Comparison? Compare(NpsCounts a, NpsCounts b, double criticalZ = 1.96)
    {
        if (a.N == 0 || b.N == 0)
        {
            return null;
        }

        var (scoreA, varianceA, nA) = Adjusted(a);
        var (scoreB, varianceB, nB) = Adjusted(b);
        var difference = scoreA - scoreB;
        var z = difference / Math.Sqrt((varianceA / nA) + (varianceB / nB));
        var significant = Math.Abs(z) >= criticalZ && SampleBases.AllowsSignificance(a.N, b.N);
        return new Comparison(difference, z, Comparison.TwoSidedP(z), significant);
    }

    /// <summary>Var(x) = p + d − (p − d)² for an expected promoter share p and detractor share d.</summary>
    public static double ExpectedVariance(double promoterShare, double detractorShare)
    {
        var score = promoterShare - detractorShare;
        return promoterShare + detractorShare - (score * score);
    }

    /// <summary>
    /// Respondents needed for a margin of error E (proportion units, 0.10 = ±10 points) at variance V:
    /// n = z²·V/E² − 3, rounded up (the adjusted-Wald solution; e.g. V = 0.6, E = 0.10 → 228).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">variance or margin is not positive.</exception>
    public static long SampleSizeForMargin(double variance, double margin, double z = 1.96)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(variance);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(margin);
        return Math.Max(1L, (long)Math.Ceiling((z * z * variance / (margin * margin)) - 3.0));
    }

    /// <summary>
    /// Respondents per group to detect a difference Δ (proportion units) between two groups:
    /// n = (z₁₋α/₂ + z_power)²·(V₁ + V₂)/Δ² − 3, rounded up, with exact normal quantiles
    /// (α = .05, power = .80, V = 0.6 each, Δ = 0.10 → 939; Δ = 0.15 → 416).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A variance or delta is not positive, or alpha/power not in (0, 1).</exception>
    public static long SampleSizePerGroup(double variance1, double variance2, double delta, double alpha = 0.05, double power = 0.80)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(variance1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(variance2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Math.Abs(delta), nameof(delta));
        if (!(alpha > 0.0 && alpha < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must lie in (0, 1).");
        }

        if (!(power > 0.0 && power < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(power), power, "power must lie in (0, 1).");
        }

        var zSum = Normal.InverseCdf(1.0 - (alpha / 2.0)) + Normal.InverseCdf(power);
        return Math.Max(1L, (long)Math.Ceiling((zSum * zSum * (variance1 + variance2) / (delta * delta)) - 3.0));
    }

    /// <summary>
    /// Wald margin of error z·√(V/n) in proportion units, as in the §1 list
    /// (V = 0.6: n = 30 → ±0.277, 100 → ±0.152, 1000 → ±0.048). Note that
    /// <see cref="SampleSizeForMargin"/> solves the adjusted-Wald margin z·√(V/(n + 3)) instead,
    /// so it asks for 3 respondents fewer than inverting this formula would.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">variance is negative or n is not positive.</exception>
    public static double MarginOfError(double variance, long n, double z = 1.96)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(variance);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        return z * Math.Sqrt(variance / n);
    }

    private static (double Score, double Variance, double N) Adjusted(NpsCounts counts)
    {
        var n = counts.N + 3.0;
        var p = (counts.Promoters + 0.75) / n;
        var d = (counts.Detractors + 0.75) / n;
        var score = p - d;
        return (score, p + d - (score * score), n);
    }

    private static double FinitePopulationFactor(long n, long? populationSize)
    {
        if (populationSize is not { } population)
        {
            return 1.0;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(population, n, nameof(populationSize));
        return population == 1 ? 0.0 : Math.Sqrt((double)(population - n) / (population - 1));
    }
}
