namespace Loopwise.Features.Demo;

/// <summary>
/// When things happen in the demo year: yearly and weekly seasonality of volume, the hour of day, and the story the
/// data tells (all dates relative to the last day of the window, so the story is always visible):
/// a carrier change that hurts deliveries for six weeks, a chat fix that lifts live chat, a buggy app release.
/// </summary>
public sealed class DemoCalendar
{
    public const int Days = 365;

    public DemoCalendar(DateOnly lastDay)
    {
        LastDay = lastDay;
        FirstDay = lastDay.AddDays(1 - Days);
        CarrierChange = lastDay.AddDays(-168);
        ChatFix = lastDay.AddDays(-70);
        AppRelease = lastDay.AddDays(-250);
    }

    public DateOnly FirstDay { get; }

    public DateOnly LastDay { get; }

    /// <summary>Deliveries move to a new carrier: six bad weeks, then three weeks of recovery.</summary>
    public DateOnly CarrierChange { get; }

    /// <summary>The chat bot hands over to a person quickly from here on.</summary>
    public DateOnly ChatFix { get; }

    /// <summary>An app update logs people out for about two weeks.</summary>
    public DateOnly AppRelease { get; }

    public IEnumerable<DateOnly> AllDays() => Enumerable.Range(0, Days).Select(FirstDay.AddDays);

    /// <summary>0 before the carrier change, 1 during the six bad weeks, back to 0 over three weeks of recovery.</summary>
    public double CarrierTrouble(DateOnly day)
    {
        var d = day.DayNumber - CarrierChange.DayNumber;
        return d switch
        {
            < 0 => 0,
            < 5 => (d + 1) / 5.0,
            < 42 => 1,
            < 63 => 1 - ((d - 42) / 21.0),
            _ => 0,
        };
    }

    public double ChatFixed(DateOnly day) => Math.Clamp((day.DayNumber - ChatFix.DayNumber) / 7.0, 0, 1);

    public double AppBug(DateOnly day)
    {
        var d = day.DayNumber - AppRelease.DayNumber;
        return d switch
        {
            < 0 => 0,
            < 12 => 1,
            < 16 => 1 - ((d - 11) / 5.0),
            _ => 0,
        };
    }

    /// <summary>The holiday season, 0 .. about 1: peaks early December, with Black Friday on top.</summary>
    public static double HolidayRush(DateOnly day) =>
        Bump(day, 12, 8, 16) + (0.65 * Bump(day, 11, 28, 4)) - (0.6 * Bump(day, 12, 25, 1.2));

    /// <summary>Relative volume of one touchpoint on one day (about 1 on an ordinary day).</summary>
    public double Volume(DemoTouchpoint touchpoint, DateOnly day)
    {
        var summer = Bump(day, 7, 28, 22);
        var yearly = touchpoint.Week == DemoWeek.Mailing
            ? 1 - (0.2 * summer)
            : 1 + (0.95 * HolidayRush(day)) - (0.28 * summer) + (0.12 * Bump(day, 4, 20, 18));
        if (touchpoint.Key == "returns-portal")
        {
            yearly += 1.1 * Bump(day, 1, 6, 8);
        }

        var trouble = CarrierTrouble(day);
        var story = touchpoint.Key switch
        {
            "contact-centre" => 1 + (0.35 * trouble),
            "social-care" => 1 + (0.8 * trouble),
            "live-chat" => 1 + (0.2 * trouble),
            _ => 1.0,
        };
        var growth = 1 + (0.15 * (day.DayNumber - FirstDay.DayNumber) / Days);
        return yearly * Weekly(touchpoint.Week, day.DayOfWeek) * story * growth;
    }

    /// <summary>How the day shifts a touchpoint's experience quality (added to its base quality).</summary>
    public double QualityShift(DemoTouchpoint touchpoint, DateOnly day)
    {
        var trouble = CarrierTrouble(day);
        var rush = HolidayRush(day);
        var improvement = 0.03 * (day.DayNumber - FirstDay.DayNumber) / Days;
        return improvement + touchpoint.Key switch
        {
            "home-delivery" => (-0.4 * trouble) - (0.06 * rush),
            "web-checkout" => -0.1 * trouble,
            "mobile-app" => (-0.1 * trouble) - (0.22 * AppBug(day)),
            "member-check-in" or "club-renewal" => -0.07 * trouble,
            "contact-centre" => (-0.06 * trouble) - (0.1 * rush),
            "social-care" => -0.08 * trouble,
            "live-chat" => (0.26 * ChatFixed(day)) - (0.08 * rush),
            _ => 0,
        };
    }

    /// <summary>Weight of each hour of the day (UTC taken as local time) for a touchpoint's rhythm.</summary>
    public static IReadOnlyList<double> Hours(DemoWeek week) => week switch
    {
        DemoWeek.Online => [1, 0.6, 0.3, 0.2, 0.2, 0.3, 0.8, 1.5, 2, 2.4, 2.6, 3, 3.6, 3.4, 2.8, 2.7, 2.8, 3, 3.5, 4.2, 4.6, 4.2, 3, 1.8],
        DemoWeek.Store => [0, 0, 0, 0, 0, 0, 0, 0, 0.2, 1.5, 3, 3.6, 4, 4.2, 3.8, 3.6, 3.8, 4, 3.6, 2.8, 1.6, 0.4, 0, 0],
        DemoWeek.Office => [0.1, 0, 0, 0, 0, 0, 0.1, 0.6, 2.5, 3.6, 3.8, 3.6, 3.2, 3.4, 3.6, 3.4, 3, 2.4, 1.6, 1, 0.6, 0.3, 0.2, 0.1],
        DemoWeek.Courier => [0, 0, 0, 0, 0, 0, 0, 0.2, 0.6, 1.2, 2, 2.6, 3, 3, 3, 3, 3, 2.8, 2.4, 1.8, 1.2, 0.6, 0.2, 0],
        DemoWeek.Mailing => [0.3, 0.1, 0.1, 0, 0, 0.2, 1, 2, 2.6, 2.6, 2.2, 2, 2.4, 2, 1.8, 1.8, 1.8, 2, 2.4, 2.8, 2.8, 2.2, 1.4, 0.7],
        _ => throw new ArgumentOutOfRangeException(nameof(week), week, "Unknown week rhythm."),
    };

    private static double Weekly(DemoWeek week, DayOfWeek day)
    {
        ReadOnlySpan<double> weights = week switch
        {
            // Sunday first, as DayOfWeek counts.
            DemoWeek.Online => [1.15, 1.05, 0.95, 0.95, 0.95, 0.95, 1.0],
            DemoWeek.Store => [1.35, 0.75, 0.75, 0.8, 0.9, 1.05, 1.6],
            DemoWeek.Office => [0.3, 1.3, 1.15, 1.1, 1.05, 1.0, 0.5],
            DemoWeek.Courier => [0.15, 1.1, 1.1, 1.1, 1.1, 1.1, 0.8],
            DemoWeek.Mailing => [0.4, 0.6, 1.5, 1.4, 1.3, 0.8, 0.5],
            _ => throw new ArgumentOutOfRangeException(nameof(week), week, "Unknown week rhythm."),
        };
        return weights[(int)day];
    }

    /// <summary>A bell of the given width (days) around a calendar date, whichever year is nearest.</summary>
    private static double Bump(DateOnly day, int month, int dayOfMonth, double width)
    {
        var distance = int.MaxValue;
        for (var year = day.Year - 1; year <= day.Year + 1; year++)
        {
            distance = Math.Min(distance, Math.Abs(day.DayNumber - new DateOnly(year, month, dayOfMonth).DayNumber));
        }

        var z = distance / width;
        return Math.Exp(-0.5 * z * z);
    }
}
