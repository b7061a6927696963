namespace Loopwise.Core.Kpis;

/// <summary>
/// A business-impact KPI value (cx-reference.md §3) or the reason it cannot be computed.
/// Exactly one of <see cref="Value"/> and <see cref="Error"/> is set; a value is always finite (never NaN or ∞).
/// </summary>
/// <param name="Value">The finite value, or null when the inputs were refused.</param>
/// <param name="Error">Why the inputs were refused, for people; null when <see cref="Value"/> is set.</param>
public sealed record KpiResult(double? Value, string? Error)
{
    /// <summary>True when a value was computed.</summary>
    public bool IsValid => Value.HasValue;

    /// <summary>A computed value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite (a bug in the caller).</exception>
    public static KpiResult Ok(double value) => double.IsFinite(value)
        ? new KpiResult(value, null)
        : throw new ArgumentOutOfRangeException(nameof(value), value, "A KPI value must be finite.");

    /// <summary>A refusal with a readable reason.</summary>
    public static KpiResult Invalid(string error) => new(null, error);
}
