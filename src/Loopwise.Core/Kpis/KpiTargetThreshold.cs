using System.Globalization;
using Loopwise.Core.Metrics;

namespace Loopwise.Core.Kpis;

/// <summary>The comparison of a threshold in the cx-reference.md §10 YAML (<c>op</c>).</summary>
public enum ThresholdOperator
{
    /// <summary><c>&lt;</c></summary>
    LessThan,

    /// <summary><c>&lt;=</c></summary>
    LessThanOrEqual,

    /// <summary><c>&gt;</c></summary>
    GreaterThan,

    /// <summary><c>&gt;=</c></summary>
    GreaterThanOrEqual,

    /// <summary><c>between</c> low and high (benchmarks only, e.g. FCR 70–75).</summary>
    Between,
}

/// <summary>
/// A target, benchmark or action threshold of cx-reference.md §10: <c>{op, value}</c> or
/// <c>{op: between, low, high}</c>, in the KPI's display units (NPS points, percent, hours, ...).
/// </summary>
/// <param name="Operator">The comparison.</param>
/// <param name="Value">The threshold for the one-sided operators; null for <see cref="ThresholdOperator.Between"/>.</param>
/// <param name="Low">Lower end of a between range; null otherwise.</param>
/// <param name="High">Upper end of a between range; null otherwise.</param>
public sealed record KpiThreshold(ThresholdOperator Operator, double? Value, double? Low = null, double? High = null)
{
    /// <summary>A one-sided threshold such as <c>{op: "&gt;=", value: 50}</c>.</summary>
    /// <exception cref="ArgumentException">The operator is <see cref="ThresholdOperator.Between"/>.</exception>
    public static KpiThreshold Is(ThresholdOperator op, double value) => op == ThresholdOperator.Between
        ? throw new ArgumentException("Use Between(low, high) for a range.", nameof(op))
        : new KpiThreshold(op, value);

    /// <summary>A range such as <c>{op: between, low: 70, high: 75}</c>.</summary>
    public static KpiThreshold Between(double low, double high) => new(ThresholdOperator.Between, null, low, high);

    /// <summary>The YAML spelling of an operator: <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>between</c>.</summary>
    public static string Symbol(ThresholdOperator op) => op switch
    {
        ThresholdOperator.LessThan => "<",
        ThresholdOperator.LessThanOrEqual => "<=",
        ThresholdOperator.GreaterThan => ">",
        ThresholdOperator.GreaterThanOrEqual => ">=",
        ThresholdOperator.Between => "between",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>Parses the YAML spelling of an operator (see <see cref="Symbol"/>), or null when unknown.</summary>
    public static ThresholdOperator? ParseOperator(string text) => text switch
    {
        "<" => ThresholdOperator.LessThan,
        "<=" => ThresholdOperator.LessThanOrEqual,
        ">" => ThresholdOperator.GreaterThan,
        ">=" => ThresholdOperator.GreaterThanOrEqual,
        "between" => ThresholdOperator.Between,
        _ => null,
    };

    /// <summary>
    /// True when <paramref name="value"/> (display units) satisfies the threshold. A between range counts as met
    /// once the value reaches its good end: value ≥ low when higher is better (FCR 70–75 is met at 70 and above,
    /// cx-reference.md §10), value ≤ high when lower is better. A malformed threshold is never met.
    /// </summary>
    public bool IsMetBy(double value, ScalePolarity polarity) => Operator switch
    {
        ThresholdOperator.LessThan => Value is { } v && value < v,
        ThresholdOperator.LessThanOrEqual => Value is { } v && value <= v,
        ThresholdOperator.GreaterThan => Value is { } v && value > v,
        ThresholdOperator.GreaterThanOrEqual => Value is { } v && value >= v,
        ThresholdOperator.Between => polarity == ScalePolarity.HigherIsBetter
            ? Low is { } low && value >= low
            : High is { } high && value <= high,
        _ => false,
    };

    /// <summary>True for <c>&lt;</c> and <c>&lt;=</c>.</summary>
    public bool IsUpperBound => Operator is ThresholdOperator.LessThan or ThresholdOperator.LessThanOrEqual;

    /// <summary>True for <c>&gt;</c> and <c>&gt;=</c>.</summary>
    public bool IsLowerBound => Operator is ThresholdOperator.GreaterThan or ThresholdOperator.GreaterThanOrEqual;

    /// <summary>The YAML form, e.g. <c>&gt;= 50</c> or <c>between 70 and 75</c>.</summary>
    public override string ToString() => Operator == ThresholdOperator.Between
        ? string.Create(CultureInfo.InvariantCulture, $"between {Low} and {High}")
        : string.Create(CultureInfo.InvariantCulture, $"{Symbol(Operator)} {Value}");
}
