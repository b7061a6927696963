namespace Loopwise.Core.Metrics;

/// <summary>
/// The derived 0–100 "ease index" for optional cross-scale CES displays (cx-reference.md §2 rule 3):
/// ease = (x − min)/(max − min)·100, reversed when the scale is LowerIsBetter, so 100 is always easiest.
/// A linear rescale, not a published equivalence: label it as derived.
/// </summary>
public static class EaseIndex
{
    /// <summary>Maps a mean (or single answer) on <paramref name="scale"/> to 0–100; e.g. 2.0 on ces_effort_1_5 → 75.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The mean lies outside the scale's range.</exception>
    /// <exception cref="ArgumentException">The scale has a single point.</exception>
    public static double FromMean(double mean, ScaleDefinition scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        EnsureRange(scale);
        if (!(mean >= scale.Min && mean <= scale.Max))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, $"Scale '{scale.Id}' spans {scale.Min}..{scale.Max}.");
        }

        var position = (mean - scale.Min) / (scale.Max - scale.Min);
        return (scale.Polarity == ScalePolarity.LowerIsBetter ? 1.0 - position : position) * 100.0;
    }

    /// <summary>The inverse: the mean on <paramref name="scale"/> for an ease value; e.g. 75 on ces_agree_1_7 → 5.5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">ease lies outside 0–100.</exception>
    /// <exception cref="ArgumentException">The scale has a single point.</exception>
    public static double ToMean(double ease, ScaleDefinition scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        EnsureRange(scale);
        if (!(ease >= 0.0 && ease <= 100.0))
        {
            throw new ArgumentOutOfRangeException(nameof(ease), ease, "The ease index spans 0..100.");
        }

        var position = ease / 100.0;
        position = scale.Polarity == ScalePolarity.LowerIsBetter ? 1.0 - position : position;
        return scale.Min + (position * (scale.Max - scale.Min));
    }

    private static void EnsureRange(ScaleDefinition scale)
    {
        if (scale.Max <= scale.Min)
        {
            throw new ArgumentException($"Scale '{scale.Id}' needs at least two points.", nameof(scale));
        }
    }
}
