namespace Loopwise.Core.Cases;

/// <summary>One opening window of a weekday, in local time: <paramref name="Opens"/> to <paramref name="Closes"/> (up to 24:00).</summary>
public sealed record BusinessHours(DayOfWeek Day, TimeSpan Opens, TimeSpan Closes);
