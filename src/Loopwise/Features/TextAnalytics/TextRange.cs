using System.Globalization;
using Loopwise.Data;
using Loopwise.Features.Metrics;
using Loopwise.Features.Touchpoints;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.TextAnalytics;

/// <summary>
/// The days and touchpoint a text analytics request reads: <c>from</c> and <c>to</c> are inclusive UTC days
/// (yyyy-MM-dd, the last 90 days by default), <c>touchpoint</c> a touchpoint key.
/// </summary>
public sealed record TextRange(DateOnly From, DateOnly To, Guid? TouchpointId, string? TouchpointKey, TrendInterval Interval)
{
    public const int DefaultDays = 90;

    public DateTime Start => From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The first instant after the range.</summary>
    public DateTime End => To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public TextRangeDto ToDto() => new(Day(From), Day(To), TouchpointKey);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<Result<TextRange>> ParseAsync(
        LoopwiseDbContext db, TimeProvider clock, string? from, string? to, string? touchpoint, string? interval, CancellationToken ct)
    {
        var parsed = MetricsFilter.Parse(new MetricsRequest(Guid.Empty, from, to, touchpoint, interval ?? "week"));
        if (!parsed.IsSuccess)
        {
            return parsed.Error!;
        }

        var filter = parsed.Value!;
        var end = filter.To ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var start = filter.From ?? end.AddDays(-(DefaultDays - 1));
        if (start > end)
        {
            return Error.Invalid.Field("from", $"from ({Day(start)}) must not be after to ({Day(end)}).");
        }

        if (filter.Interval.CountPeriods(start, end) > MetricsFilter.MaxTrendPoints)
        {
            return Error.Invalid.Field("interval", $"There would be more than {MetricsFilter.MaxTrendPoints} trend points; choose a wider interval or a shorter range.");
        }

        Guid? touchpointId = null;
        if (filter.TouchpointKey is { } key)
        {
            touchpointId = await db.Set<Touchpoint>().AsNoTracking().Where(t => t.Key == key).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
            if (touchpointId is null)
            {
                return Error.Invalid.Field("touchpoint", $"There is no touchpoint with the key '{key}' in this workspace.");
            }
        }

        return new TextRange(start, end, touchpointId, filter.TouchpointKey, filter.Interval);
    }
}
