using System.Globalization;

namespace Loopwise.Core.Support;

/// <summary>
/// A support team's calendar: weekly opening hours, a time zone and holidays. <see cref="BusinessDuration"/> gives
/// the open time between two instants, for business-hours first response time and SLAs (cx-reference.md §4).
/// Opening hours and holidays are in the calendar's local time; instants are UTC.
/// </summary>
/// <remarks>
/// The time zone is a fixed offset (<c>UTC</c>, <c>+02:00</c>, <c>-05:30</c>) or an IANA id (<c>Europe/Paris</c>) resolved
/// with <see cref="TimeZoneInfo.FindSystemTimeZoneById"/>, which reads the system's tzdata (it works with
/// InvariantGlobalization). A local opening or closing time that falls in a daylight-saving gap or overlap is converted
/// with the zone's standard offset.
/// </remarks>
public sealed class BusinessCalendar
{
    private readonly TimeZoneInfo _zone;
    private readonly (TimeSpan Open, TimeSpan Close)[][] _byDay;
    private readonly HashSet<DateOnly> _holidays;

    private BusinessCalendar(string timeZone, TimeZoneInfo zone, IReadOnlyList<OpeningHours> hours, IReadOnlyList<DateOnly> holidays)
    {
        TimeZone = timeZone;
        _zone = zone;
        Hours = hours;
        Holidays = holidays;
        _holidays = [.. holidays];
        _byDay = new (TimeSpan, TimeSpan)[7][];
        for (var d = 0; d < 7; d++)
        {
            _byDay[d] = [.. hours.Where(h => (int)h.Day == d).OrderBy(h => h.Open).Select(h => (h.Open, h.Close))];
        }
    }

    /// <summary>Monday to Friday 09:00–17:00 UTC, no holidays: the default of a new workspace.</summary>
    public static BusinessCalendar Default { get; } = Create(
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new OpeningHours(d, TimeSpan.FromHours(9), TimeSpan.FromHours(17)))],
        "UTC",
        []);

    /// <summary>The time zone as given (offset or IANA id).</summary>
    public string TimeZone { get; }

    /// <summary>Opening intervals, as given.</summary>
    public IReadOnlyList<OpeningHours> Hours { get; }

    /// <summary>Local dates on which the team is closed all day.</summary>
    public IReadOnlyList<DateOnly> Holidays { get; }

    /// <summary>Opening hours per week, in seconds.</summary>
    public long WeeklyOpenSeconds => (long)Hours.Sum(h => (h.Close - h.Open).TotalSeconds);

    /// <summary>Checks a definition; an empty list means <see cref="Create"/> will accept it.</summary>
    public static IReadOnlyList<CalendarError> Validate(IReadOnlyList<OpeningHours>? hours, string? timeZone, IReadOnlyList<DateOnly>? holidays)
    {
        var errors = new List<CalendarError>();
        if (hours is null)
        {
            errors.Add(new CalendarError("hours", "Opening hours are required (an empty list means the team is never open)."));
        }
        else
        {
            for (var i = 0; i < hours.Count; i++)
            {
                var path = "hours[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                var h = hours[i];
                if (h is null)
                {
                    errors.Add(new CalendarError(path, "An opening interval is required."));
                    continue;
                }

                if (!Enum.IsDefined(h.Day))
                {
                    errors.Add(new CalendarError(path + ".day", "The day is not a weekday name."));
                }

                if (h.Open < TimeSpan.Zero || h.Open >= TimeSpan.FromDays(1) || h.Open.Ticks % TimeSpan.TicksPerSecond != 0)
                {
                    errors.Add(new CalendarError(path + ".open", "The opening time is a time of day from 00:00 to 23:59:59, in whole seconds."));
                }

                if (h.Close <= h.Open || h.Close > TimeSpan.FromDays(1) || h.Close.Ticks % TimeSpan.TicksPerSecond != 0)
                {
                    errors.Add(new CalendarError(path + ".close", "The closing time comes after the opening time, at most 24:00, in whole seconds."));
                }

                for (var j = 0; j < i; j++)
                {
                    var other = hours[j];
                    if (other is not null && other.Day == h.Day && h.Open < other.Close && other.Open < h.Close)
                    {
                        errors.Add(new CalendarError(path, $"It overlaps interval {j.ToString(CultureInfo.InvariantCulture)} on {h.Day}."));
                        break;
                    }
                }
            }
        }

        if (string.IsNullOrWhiteSpace(timeZone))
        {
            errors.Add(new CalendarError("timeZone", "A time zone is required: UTC, an offset such as +02:00, or an IANA id such as Europe/Paris."));
        }
        else if (ResolveZone(timeZone) is null)
        {
            errors.Add(new CalendarError("timeZone", $"'{timeZone}' is not a known time zone: use UTC, an offset such as +02:00, or an IANA id such as Europe/Paris."));
        }

        if (holidays is not null)
        {
            var seen = new HashSet<DateOnly>();
            for (var i = 0; i < holidays.Count; i++)
            {
                if (!seen.Add(holidays[i]))
                {
                    errors.Add(new CalendarError("holidays[" + i.ToString(CultureInfo.InvariantCulture) + "]", $"{holidays[i].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is listed twice."));
                }
            }
        }

        return errors;
    }

    /// <summary>A calendar from a definition that <see cref="Validate"/> accepts.</summary>
    /// <exception cref="ArgumentException">The definition is invalid; the message lists every problem.</exception>
    public static BusinessCalendar Create(IReadOnlyList<OpeningHours> hours, string timeZone, IReadOnlyList<DateOnly> holidays)
    {
        var errors = Validate(hours, timeZone, holidays);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid business calendar: " + string.Join("; ", errors.Select(e => e.Path + ": " + e.Message)));
        }

        return new BusinessCalendar(timeZone.Trim(), ResolveZone(timeZone)!, hours, holidays);
    }

    /// <summary>
    /// Open time between two UTC instants, in whole seconds (the exact open time, truncated): the overlap of
    /// [<paramref name="start"/>, <paramref name="end"/>) with every opening interval of every non-holiday local day.
    /// 0 when <paramref name="end"/> is not after <paramref name="start"/>.
    /// </summary>
    public long BusinessDuration(DateTime start, DateTime end)
    {
        start = AsUtc(start);
        end = AsUtc(end);
        if (end <= start)
        {
            return 0;
        }

        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(start, _zone)).AddDays(-1);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(end, _zone)).AddDays(1);
        long ticks = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (_holidays.Contains(day))
            {
                continue;
            }

            foreach (var (open, close) in _byDay[(int)day.DayOfWeek])
            {
                var from = ToUtc(day, open);
                var to = ToUtc(day, close);
                var a = from > start ? from : start;
                var b = to < end ? to : end;
                if (b > a)
                {
                    ticks += (b - a).Ticks;
                }
            }
        }

        return ticks / TimeSpan.TicksPerSecond;
    }

    private DateTime ToUtc(DateOnly day, TimeSpan local)
    {
        var wall = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified) + local;
        return DateTime.SpecifyKind(wall - _zone.GetUtcOffset(wall), DateTimeKind.Utc);
    }

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    /// <summary>UTC, Z, a ±hh:mm offset, or an IANA id; null when unknown.</summary>
    private static TimeZoneInfo? ResolveZone(string id)
    {
        id = id.Trim();
        if (id is "UTC" or "Z" or "Etc/UTC")
        {
            return TimeZoneInfo.Utc;
        }

        if (id.Length == 6 && id[0] is '+' or '-' && id[3] == ':'
            && int.TryParse(id.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hh)
            && int.TryParse(id.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var mm)
            && hh <= 14 && mm < 60)
        {
            var offset = new TimeSpan(hh, mm, 0) * (id[0] == '-' ? -1 : 1);
            return TimeZoneInfo.CreateCustomTimeZone(id, offset, id, id);
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }
}
