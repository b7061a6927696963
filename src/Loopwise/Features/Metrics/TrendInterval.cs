using System.Globalization;

namespace Loopwise.Features.Metrics;

/// <summary>The width of one trend point. Weeks are ISO weeks (Monday to Sunday); all days are UTC calendar days.</summary>
public enum TrendInterval
{
    Day,
    Week,
    Month,
    Quarter,
}

/// <summary>Calendar arithmetic for <see cref="TrendInterval"/>: where a period starts, where the next one starts, and its label.</summary>
public static class TrendIntervals
{
    /// <summary>The names accepted in query strings and on the command line.</summary>
    public static IReadOnlyList<string> Names { get; } = ["day", "week", "month", "quarter"];

    public static bool TryParse(string? text, out TrendInterval interval)
    {
        interval = TrendInterval.Month;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var index = Names.ToList().FindIndex(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return false;
        }

        interval = (TrendInterval)index;
        return true;
    }

    public static string Name(this TrendInterval interval) => Names[(int)interval];

    /// <summary>The first day of the period that contains <paramref name="day"/>.</summary>
    public static DateOnly Start(this TrendInterval interval, DateOnly day) => interval switch
    {
        TrendInterval.Day => day,
        TrendInterval.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        TrendInterval.Month => new DateOnly(day.Year, day.Month, 1),
        TrendInterval.Quarter => new DateOnly(day.Year, (((day.Month - 1) / 3) * 3) + 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, "Unknown interval."),
    };

    /// <summary>The first day of the period after the one starting at <paramref name="start"/>.</summary>
    public static DateOnly Next(this TrendInterval interval, DateOnly start) => interval switch
    {
        TrendInterval.Day => start.AddDays(1),
        TrendInterval.Week => start.AddDays(7),
        TrendInterval.Month => start.AddMonths(1),
        TrendInterval.Quarter => start.AddMonths(3),
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, "Unknown interval."),
    };

    /// <summary>A sortable label: 2026-01-15, 2026-W03, 2026-01, 2026-Q1.</summary>
    public static string Label(this TrendInterval interval, DateOnly start) => interval switch
    {
        TrendInterval.Day => start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TrendInterval.Week => string.Create(
            CultureInfo.InvariantCulture,
            $"{ISOWeek.GetYear(start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue)):00}"),
        TrendInterval.Month => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        TrendInterval.Quarter => string.Create(CultureInfo.InvariantCulture, $"{start.Year}-Q{((start.Month - 1) / 3) + 1}"),
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, "Unknown interval."),
    };

    /// <summary>Number of periods that cover [from, to].</summary>
    public static int CountPeriods(this TrendInterval interval, DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var start = interval.Start(from); start <= to; start = interval.Next(start))
        {
            count++;
            if (count > MetricsFilter.MaxTrendPoints)
            {
                break;
            }
        }

        return count;
    }
}
