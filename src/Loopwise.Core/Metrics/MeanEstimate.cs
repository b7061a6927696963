namespace Loopwise.Core.Metrics;

/// <summary>
/// A mean score with its t-based confidence interval x̄ ± t₍ₙ₋₁₎·s/√n (cx-reference.md §2).
/// </summary>
/// <param name="N">Number of answers.</param>
/// <param name="Mean">Σx/n, or null when n = 0.</param>
/// <param name="StandardDeviation">Sample standard deviation s, or null when n &lt; 2.</param>
/// <param name="StandardError">s/√n, or null when n &lt; 2.</param>
/// <param name="Interval">The t interval, or null when n &lt; 2.</param>
/// <param name="Confidence">Two-sided confidence level of <paramref name="Interval"/>, e.g. 0.95.</param>
public sealed record MeanEstimate(
    long N, double? Mean, double? StandardDeviation, double? StandardError, Interval? Interval, double Confidence)
{
    /// <summary>Minimum-n classification of <see cref="N"/>.</summary>
    public SampleBase SampleBase => SampleBases.Classify(N);

    /// <summary>The mean of rating counts, with the exact integer variance of <see cref="ScaleCounts.SampleVariance"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">confidence is not in (0, 1).</exception>
    public static MeanEstimate FromCounts(ScaleCounts counts, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return Create(counts.N, counts.Mean, counts.SampleVariance, confidence);
    }

    /// <summary>
    /// The mean from sufficient statistics n, Σx and Σx² (e.g. a rollup row or weighted sums).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">n is negative or confidence is not in (0, 1).</exception>
    public static MeanEstimate FromMoments(long n, double sum, double sumOfSquares, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        double? mean = n == 0 ? null : sum / n;
        double? variance = n < 2 ? null : Math.Max(0.0, (sumOfSquares - (sum * sum / n)) / (n - 1));
        return Create(n, mean, variance, confidence);
    }

    private static MeanEstimate Create(long n, double? mean, double? variance, double confidence)
    {
        if (!(confidence > 0.0 && confidence < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must lie in (0, 1).");
        }

        if (mean is not { } m || variance is not { } v)
        {
            return new MeanEstimate(n, mean, null, null, null, confidence);
        }

        var s = Math.Sqrt(v);
        var se = s / Math.Sqrt(n);
        var t = StudentT.InverseCdf(1.0 - ((1.0 - confidence) / 2.0), n - 1);
        return new MeanEstimate(n, m, s, se, Metrics.Interval.Around(m, t * se), confidence);
    }
}
