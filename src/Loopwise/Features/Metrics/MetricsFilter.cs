using System.Globalization;
using Loopwise.Web;
using static System.FormattableString;

namespace Loopwise.Features.Metrics;

/// <summary>
/// What the API, the results page and the CLI send: raw text as typed by a person or in a query string, so that all
/// three report the same field errors. Dates are UTC calendar days, <c>yyyy-MM-dd</c>, both ends inclusive.
/// </summary>
public sealed record MetricsRequest(Guid SurveyId, string? From = null, string? To = null, string? Touchpoint = null, string? Interval = null);

/// <summary>A validated <see cref="MetricsRequest"/>. A missing From means "since the first answer"; a missing To "up to today".</summary>
public sealed record MetricsFilter(DateOnly? From, DateOnly? To, string? TouchpointKey, TrendInterval Interval)
{
    /// <summary>More trend points than this is a request for a wider interval (a daily trend over years is not readable).</summary>
    public const int MaxTrendPoints = 1000;

    public static Result<MetricsFilter> Parse(MetricsRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var from = ParseDay(request.From, "from", errors);
        var to = ParseDay(request.To, "to", errors);
        if (from is { } f && to is { } t && f > t)
        {
            errors["from"] = [$"from ({Day(f)}) must not be after to ({Day(t)})."];
        }

        if (!TrendIntervals.TryParse(request.Interval, out var interval))
        {
            errors["interval"] = [$"'{request.Interval}' is not an interval; use one of: {string.Join(", ", TrendIntervals.Names)}."];
        }
        else if (from is { } f2 && to is { } t2 && f2 <= t2 && interval.CountPeriods(f2, t2) > MaxTrendPoints)
        {
            errors["interval"] = [Invariant($"{request.Interval} points from {Day(f2)} to {Day(t2)} are more than {MaxTrendPoints}; choose a wider interval or a shorter range.")];
        }

        var touchpoint = string.IsNullOrWhiteSpace(request.Touchpoint) ? null : request.Touchpoint.Trim();
        return errors.Count > 0 ? new Error.Invalid(errors) : new MetricsFilter(from, to, touchpoint, interval);
    }

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDay(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[field] = [$"'{text}' is not a date; use yyyy-MM-dd (a UTC calendar day)."];
        return null;
    }
}
