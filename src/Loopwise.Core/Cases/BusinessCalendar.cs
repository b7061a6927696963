namespace Loopwise.Core.Cases;

/// <summary>
/// The working time of a workspace (or team): weekly opening windows in a time zone, minus holidays. SLA clocks count
/// only this time (cx-reference.md §7). All instants in and out are UTC <see cref="DateTime"/>s.
/// </summary>
/// <remarks>
/// A window is turned into UTC with the zone's offset at its local start and end, so a window that spans a daylight
/// saving change is as long as the wall clock says minus (or plus) the hour that jumps. A local time that does not
/// exist (in the spring gap) is read with the offset before the change.
/// </remarks>
public sealed class BusinessCalendar
{
    private const int MaxDays = 3 * 366;

    private readonly List<BusinessHours>[] _byDay = [.. Enumerable.Range(0, 7).Select(_ => new List<BusinessHours>())];

    /// <summary>Builds a calendar; windows of a day may not overlap and must lie within the day.</summary>
    /// <exception cref="ArgumentException">A window is empty, outside 00:00–24:00 or overlaps another, or there is none at all.</exception>
    public BusinessCalendar(TimeZoneInfo timeZone, IEnumerable<BusinessHours> hours, IEnumerable<DateOnly>? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(hours);
        TimeZone = timeZone;
        foreach (var window in hours)
        {
            if (window.Opens < TimeSpan.Zero || window.Closes > TimeSpan.FromHours(24) || window.Closes <= window.Opens)
            {
                throw new ArgumentException($"The {window.Day} window {window.Opens:hh\\:mm}–{window.Closes:hh\\:mm} must open before it closes, within the day.", nameof(hours));
            }

            var day = _byDay[(int)window.Day];
            if (day.Any(w => w.Opens < window.Closes && window.Opens < w.Closes))
            {
                throw new ArgumentException($"Two {window.Day} windows overlap.", nameof(hours));
            }

            day.Add(window);
            day.Sort((a, b) => a.Opens.CompareTo(b.Opens));
        }

        if (_byDay.All(d => d.Count == 0))
        {
            throw new ArgumentException("A calendar needs at least one opening window.", nameof(hours));
        }

        Holidays = (holidays ?? []).ToHashSet();
    }

    /// <summary>Open all day every day, in UTC, without holidays: SLA targets in plain hours.</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new(
        TimeZoneInfo.Utc, Enum.GetValues<DayOfWeek>().Select(d => new BusinessHours(d, TimeSpan.Zero, TimeSpan.FromHours(24))));

    /// <summary>Monday to Friday, 09:00 to 17:00 in <paramref name="timeZone"/>.</summary>
    public static BusinessCalendar OfficeHours(TimeZoneInfo timeZone, IEnumerable<DateOnly>? holidays = null) => new(
        timeZone,
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new BusinessHours(d, TimeSpan.FromHours(9), TimeSpan.FromHours(17))),
        holidays);

    /// <summary>The zone the windows are in.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Local dates on which nothing is open.</summary>
    public IReadOnlySet<DateOnly> Holidays { get; }

    /// <summary>The windows of every weekday, Sunday first.</summary>
    public IEnumerable<BusinessHours> Hours => _byDay.SelectMany(d => d);

    /// <summary>Working time between two UTC instants (zero when <paramref name="toUtc"/> is not after <paramref name="fromUtc"/>).</summary>
    public TimeSpan Elapsed(DateTime fromUtc, DateTime toUtc)
    {
        if (toUtc <= fromUtc)
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        foreach (var (start, end) in WindowsFrom(fromUtc))
        {
            if (start >= toUtc)
            {
                break;
            }

            total += (end < toUtc ? end : toUtc) - start;
        }

        return total;
    }

    /// <summary>The UTC instant at which <paramref name="work"/> of working time has passed since <paramref name="fromUtc"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="work"/> is negative or needs more than three years.</exception>
    public DateTime Add(DateTime fromUtc, TimeSpan work)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(work, TimeSpan.Zero);
        var left = work;
        foreach (var (start, end) in WindowsFrom(fromUtc))
        {
            if (end - start >= left)
            {
                return start + left;
            }

            left -= end - start;
        }

        throw new ArgumentOutOfRangeException(nameof(work), "The calendar has not that much working time in the next three years.");
    }

    /// <summary>The opening windows as UTC intervals, clipped to start at <paramref name="fromUtc"/>, in order.</summary>
    private IEnumerable<(DateTime Start, DateTime End)> WindowsFrom(DateTime fromUtc)
    {
        fromUtc = DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc);
        var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(fromUtc, TimeZone)).AddDays(-1);
        for (var i = 0; i < MaxDays; i++, localDay = localDay.AddDays(1))
        {
            if (Holidays.Contains(localDay))
            {
                continue;
            }

            foreach (var window in _byDay[(int)localDay.DayOfWeek])
            {
                var start = ToUtc(localDay, window.Opens);
                var end = ToUtc(localDay, window.Closes);
                if (end <= fromUtc || end <= start)
                {
                    continue;
                }

                yield return (start < fromUtc ? fromUtc : start, end);
            }
        }
    }

    private DateTime ToUtc(DateOnly day, TimeSpan time)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified) + time;
        var offset = TimeZone.IsInvalidTime(local) ? TimeZone.GetUtcOffset(local.AddHours(-3)) : TimeZone.GetUtcOffset(local);
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }
}
