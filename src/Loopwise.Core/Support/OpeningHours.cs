namespace Loopwise.Core.Support;

/// <summary>One opening interval of a weekday in the calendar's local time, e.g. Monday 09:00–17:00.</summary>
/// <param name="Day">The weekday.</param>
/// <param name="Open">Opening time since local midnight, 0 ≤ Open &lt; Close.</param>
/// <param name="Close">Closing time since local midnight, at most 24:00 (the end of the day).</param>
public sealed record OpeningHours(DayOfWeek Day, TimeSpan Open, TimeSpan Close);

/// <summary>A readable problem of a calendar definition; <paramref name="Path"/> names the field, e.g. <c>hours[2].close</c>.</summary>
/// <param name="Path">The field at fault.</param>
/// <param name="Message">What is wrong, in a sentence.</param>
public sealed record CalendarError(string Path, string Message);
