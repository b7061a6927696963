namespace Loopwise.Core.Metrics;

/// <summary>
/// A share such as CSAT%, % low effort or a completion rate, kept as its counts plus the derived value.
/// Value and Interval are proportions in 0..1 and are null when <see cref="N"/> = 0.
/// </summary>
/// <param name="Successes">Numerator: answers or events counted as a success.</param>
/// <param name="N">Denominator.</param>
/// <param name="Value">Successes / N, or null when N = 0.</param>
/// <param name="Interval">Wilson score interval, or null when N = 0.</param>
public sealed record ProportionEstimate(long Successes, long N, double? Value, Interval? Interval)
{
    /// <summary>Minimum-n classification of <see cref="N"/>.</summary>
    public SampleBase SampleBase => SampleBases.Classify(N);
}
