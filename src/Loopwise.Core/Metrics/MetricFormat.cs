using System.Globalization;

namespace Loopwise.Core.Metrics;

/// <summary>
/// Display helpers: the only place where internal 0..1 values become points or percent.
/// All output is culture-invariant (exports, CSV and rollups must not depend on the server's locale).
/// Null values display as <see cref="Missing"/>.
/// </summary>
public static class MetricFormat
{
    /// <summary>Shown for a null metric (n = 0).</summary>
    public const string Missing = "n/a";

    /// <summary>Proportion units to points or percent (× 100), e.g. an NPS of 0.20 → 20.</summary>
    public static double ToPoints(double proportion) => proportion * 100.0;

    /// <summary>An NPS as a signed integer of points: 0.20 → "+20", −0.05 → "-5", 0 → "0".</summary>
    public static string NpsPoints(double? score)
    {
        if (score is not { } s)
        {
            return Missing;
        }

        var points = (long)Math.Round(s * 100.0, MidpointRounding.AwayFromZero);
        return points > 0
            ? "+" + points.ToString(CultureInfo.InvariantCulture)
            : points.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>An NPS with its base, e.g. "+20 (n=200)".</summary>
    public static string NpsWithBase(double? score, long n) =>
        string.Create(CultureInfo.InvariantCulture, $"{NpsPoints(score)} (n={n})");

    /// <summary>A proportion as percent, e.g. 0.739 with 1 decimal → "73.9%".</summary>
    public static string Percent(double? proportion, int decimals = 0) =>
        proportion is { } p ? Number(p * 100.0, decimals) + "%" : Missing;

    /// <summary>A value in proportion units as points without a sign, e.g. an SE of 0.0616 → "6.2".</summary>
    public static string Points(double? proportion, int decimals = 1) =>
        proportion is { } p ? Number(p * 100.0, decimals) : Missing;

    /// <summary>An interval in points, e.g. "[7.7, 31.7]".</summary>
    public static string IntervalPoints(Interval? interval, int decimals = 1) =>
        interval is { } i ? $"[{Number(i.Lower * 100.0, decimals)}, {Number(i.Upper * 100.0, decimals)}]" : Missing;

    /// <summary>An interval in percent, e.g. "[73.9%, 85.0%]".</summary>
    public static string IntervalPercent(Interval? interval, int decimals = 1) =>
        interval is { } i ? $"[{Percent(i.Lower, decimals)}, {Percent(i.Upper, decimals)}]" : Missing;

    /// <summary>A plain number (a mean, a t value) rounded half away from zero, e.g. 4.05 → "4.05".</summary>
    public static string Number(double? value, int decimals = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 15);
        if (value is not { } v)
        {
            return Missing;
        }

        var rounded = Math.Round(v, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0.0)
        {
            rounded = 0.0; // no "-0.0"
        }

        return rounded.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
