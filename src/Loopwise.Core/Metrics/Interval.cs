namespace Loopwise.Core.Metrics;

/// <summary>
/// A closed confidence interval [Lower, Upper] in the metric's internal units
/// (proportions in 0..1, NPS in −1..1, means on the scale). Convert only for display.
/// </summary>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound; never below <paramref name="Lower"/>.</param>
public readonly record struct Interval(double Lower, double Upper)
{
    /// <summary>Lower bound.</summary>
    public double Lower { get; init; } = Lower <= Upper || double.IsNaN(Lower) || double.IsNaN(Upper)
        ? Lower
        : throw new ArgumentException("The lower bound must not exceed the upper bound.", nameof(Lower));

    /// <summary>Upper − Lower.</summary>
    public double Width => Upper - Lower;

    /// <summary>Half the width: the "±" margin of a symmetric interval.</summary>
    public double HalfWidth => (Upper - Lower) / 2.0;

    /// <summary>Centre of the interval.</summary>
    public double Midpoint => (Lower + Upper) / 2.0;

    /// <summary>A symmetric interval centre ± margin.</summary>
    public static Interval Around(double centre, double margin) => new(centre - margin, centre + margin);

    /// <summary>True when <paramref name="value"/> lies within the closed interval.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>This interval with both bounds clamped to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public Interval Clamp(double min, double max) => new(Math.Clamp(Lower, min, max), Math.Clamp(Upper, min, max));
}
