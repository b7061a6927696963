namespace Loopwise.Dashboards;

/// <summary>
/// The benchmark's time range (the dashboards' default: the first day of the month eleven months ago up to today, UTC)
/// and how many facts fall on each day: a yearly wave, quieter weekends, a December peak and steady growth.
/// </summary>
internal sealed class BenchCalendar
{
    public BenchCalendar(DateTime now)
    {
        Now = now;
        Today = DateOnly.FromDateTime(now);
        From = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-11);
        Days = [.. Enumerable.Range(0, Today.DayNumber - From.DayNumber + 1).Select(From.AddDays)];
    }

    public DateTime Now { get; }

    public DateOnly Today { get; }

    public DateOnly From { get; }

    public IReadOnlyList<DateOnly> Days { get; }

    /// <summary>Splits <paramref name="total"/> over the days by weight, exactly (cumulative rounding).</summary>
    public long[] Spread(long total)
    {
        var weights = Days.Select(Weight).ToArray();
        var sum = weights.Sum();
        var counts = new long[weights.Length];
        double cumulative = 0;
        long given = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            cumulative += weights[i];
            var target = i == weights.Length - 1 ? total : (long)Math.Round(total * cumulative / sum);
            counts[i] = target - given;
            given = target;
        }

        return counts;
    }

    /// <summary>A time on <paramref name="day"/> (daytime-heavy), never later than now.</summary>
    public DateTime TimeOn(DateOnly day, Random random)
    {
        // Two thirds of the traffic between 08:00 and 20:00.
        var seconds = random.NextDouble() < 0.67 ? random.Next(8 * 3600, 20 * 3600) : random.Next(0, 86_400);
        var at = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddSeconds(seconds);
        if (at >= Now)
        {
            var elapsed = (Now - day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).TotalSeconds;
            at = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddSeconds(random.NextDouble() * Math.Max(0, elapsed - 60));
        }

        return at;
    }

    /// <summary>A small seasonal movement of satisfaction (−1..1): better in late spring, worse in the December rush.</summary>
    public static double Mood(DateOnly day) =>
        Math.Sin(2 * Math.PI * (day.DayOfYear - 60) / 365.25) - (day.Month == 12 ? 0.8 : 0);

    private double Weight(DateOnly day)
    {
        var growth = 1 + 0.3 * (day.DayNumber - From.DayNumber) / Math.Max(1.0, Today.DayNumber - From.DayNumber);
        var season = 1 + 0.2 * Math.Cos(2 * Math.PI * (day.DayOfYear - 15) / 365.25) + (day.Month == 12 && day.Day is >= 10 and <= 24 ? 0.5 : 0);
        var week = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.65 : 1.0;
        return growth * season * week;
    }
}
