using System.Globalization;
using Loopwise.Features.Metrics;
using Loopwise.Features.Touchpoints;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;
using static System.FormattableString;

namespace Loopwise.Features.Kpis;

/// <summary>
/// A slice as typed in a query string, the explorer's form or the CLI: <c>from</c>/<c>to</c> (UTC days, inclusive;
/// default the twelve months up to today), <c>interval</c> (day, week, month, quarter; default month), filters
/// <c>survey</c> (id), <c>touchpoint</c> (key), <c>channel</c>, <c>stage</c>, <c>where</c> (<c>dimension:value</c>)
/// and <c>by</c> (survey, touchpoint, channel, stage, or a dimension's attribute).
/// </summary>
public sealed record KpiSliceRequest(
    string? From = null,
    string? To = null,
    string? Interval = null,
    string? Survey = null,
    string? Touchpoint = null,
    string? Channel = null,
    string? Stage = null,
    string? Where = null,
    string? By = null)
{
    /// <summary>Validates every field against the workspace (touchpoint keys, dimensions, surveys) and reports each bad one.</summary>
    public async Task<Result<KpiSlice>> ParseAsync(KpiReferenceData reference, DateOnly today, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var to = Day(To, "to", errors) ?? today;
        var from = Day(From, "from", errors) ?? new DateOnly(to.Year, to.Month, 1).AddMonths(-11);
        if (from > to)
        {
            errors["from"] = [Invariant($"from ({from:yyyy-MM-dd}) must not be after to ({to:yyyy-MM-dd}).")];
        }

        var interval = TrendInterval.Month;
        if (!string.IsNullOrWhiteSpace(Interval) && !TrendIntervals.TryParse(Interval, out interval))
        {
            errors["interval"] = [$"'{Interval}' is not an interval; use one of: {string.Join(", ", TrendIntervals.Names)}."];
        }
        else if (from <= to && interval.CountPeriods(from, to) > MetricsFilter.MaxTrendPoints)
        {
            errors["interval"] = [Invariant($"More than {MetricsFilter.MaxTrendPoints} {interval.Name()} points; choose a wider interval or a shorter range.")];
        }

        Guid? surveyId = null;
        if (!string.IsNullOrWhiteSpace(Survey))
        {
            surveyId = Guid.TryParse(Survey, out var id) && (await reference.SurveysAsync(ct)).Any(s => s.Id == id) ? id : null;
            if (surveyId is null)
            {
                errors["survey"] = [$"There is no survey '{Survey}' in this workspace."];
            }
        }

        Guid? touchpointId = null;
        if (!string.IsNullOrWhiteSpace(Touchpoint))
        {
            var key = Touchpoint.Trim();
            touchpointId = (await reference.TouchpointsAsync(ct)).Values.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.Ordinal))?.Id;
            if (touchpointId is null)
            {
                errors["touchpoint"] = [$"There is no touchpoint with the key '{key}' in this workspace."];
            }
        }

        Channel? channel = null;
        if (!string.IsNullOrWhiteSpace(Channel))
        {
            if (Enum.TryParse<Channel>(Channel.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                channel = parsed;
            }
            else
            {
                errors["channel"] = [$"'{Channel}' is not a channel; use one of: {string.Join(", ", Enum.GetNames<Channel>().Select(n => n.ToLowerInvariant()))}."];
            }
        }

        var dimensions = await reference.DimensionsAsync(ct);
        string? whereDimension = null, whereValue = null;
        if (!string.IsNullOrWhiteSpace(Where))
        {
            var colon = Where.IndexOf(':', StringComparison.Ordinal);
            whereDimension = colon > 0 ? Where[..colon].Trim() : null;
            whereValue = colon > 0 ? Where[(colon + 1)..].Trim() : null;
            if (whereDimension is null || string.IsNullOrEmpty(whereValue) || !dimensions.Contains(whereDimension, StringComparer.Ordinal))
            {
                errors["where"] = [$"'{Where}' is not a filter; use dimension:value with one of the workspace's dimensions ({List(dimensions)})."];
            }
        }

        var by = KpiGrouping.None;
        string? byDimension = null;
        if (!string.IsNullOrWhiteSpace(By))
        {
            var text = By.Trim();
            if (Enum.TryParse<KpiGrouping>(text, ignoreCase: true, out var grouping) && grouping is not (KpiGrouping.Dimension or KpiGrouping.None) && !text.All(char.IsDigit))
            {
                by = grouping;
            }
            else if (dimensions.Contains(text, StringComparer.Ordinal))
            {
                (by, byDimension) = (KpiGrouping.Dimension, text);
            }
            else
            {
                errors["by"] = [$"'{By}' is not a grouping; use survey, touchpoint, channel, stage or a dimension ({List(dimensions)})."];
            }
        }

        return errors.Count > 0
            ? new Error.Invalid(errors)
            : new KpiSlice(from, to, interval, surveyId, touchpointId, channel, string.IsNullOrWhiteSpace(Stage) ? null : Stage.Trim(),
                whereDimension, whereValue, by, byDimension);
    }

    private static string List(IReadOnlyList<string> dimensions) => dimensions.Count == 0 ? "none defined" : string.Join(", ", dimensions);

    private static DateOnly? Day(string? text, string field, Dictionary<string, string[]> errors)
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
