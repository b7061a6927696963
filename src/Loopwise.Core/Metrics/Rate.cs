namespace Loopwise.Core.Metrics;

/// <summary>
/// A transactional rate stored as (numerator, denominator), never as the ratio (cx-reference.md §4).
/// Combine rates by adding them; <see cref="Value"/> is null when the denominator is 0.
/// </summary>
public readonly record struct Rate
{
    /// <summary>A rate numerator/denominator.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or numerator exceeds denominator.</exception>
    public Rate(long numerator, long denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfNegative(denominator);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(numerator, denominator);
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>Events counted as a success (completed, abandoned, resolved, ...).</summary>
    public long Numerator { get; }

    /// <summary>Events eligible (started, offered, ...).</summary>
    public long Denominator { get; }

    /// <summary>Numerator/denominator in 0..1, or null when the denominator is 0.</summary>
    public double? Value => Denominator == 0 ? null : (double)Numerator / Denominator;

    /// <summary>Completion rate = completed / started (not the response rate completed / invited).</summary>
    /// <exception cref="ArgumentOutOfRangeException">completed exceeds started or a count is negative.</exception>
    public static Rate Completion(long completed, long started) => new(completed, started);

    /// <summary>Abandonment rate = (started − completed) / started (digital journeys and surveys).</summary>
    /// <exception cref="ArgumentOutOfRangeException">completed exceeds started or a count is negative.</exception>
    public static Rate Abandonment(long started, long completed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(completed);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(completed, started);
        return new Rate(started - completed, started);
    }

    /// <summary>The rate over the union of two disjoint sets of events.</summary>
    public static Rate operator +(Rate a, Rate b) => a.Add(b);

    /// <summary>The rate over the union of this and another disjoint set of events.</summary>
    public Rate Add(Rate other) =>
        new(checked(Numerator + other.Numerator), checked(Denominator + other.Denominator));

    /// <summary>Wilson interval of the rate, or null when the denominator is 0.</summary>
    public Interval? Wilson(double z = 1.96) => Proportion.Wilson(Numerator, Denominator, z);

    /// <summary>The rate with its Wilson interval, as a <see cref="ProportionEstimate"/>.</summary>
    public ProportionEstimate Estimate(double z = 1.96) => Proportion.Estimate(Numerator, Denominator, z);
}
