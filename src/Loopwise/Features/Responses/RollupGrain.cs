using Loopwise.Features.Metrics;

namespace Loopwise.Features.Responses;

/// <summary>
/// The period a rollup row counts. Every rollup family has a day table and a month table; writers add each delta to
/// both in the same transaction (the month table is the day table folded by month, which tests check), and a monthly
/// or quarterly series reads whole months from the month table, about thirty times fewer rows (ADR 9).
/// </summary>
public sealed class RollupGrain
{
    private RollupGrain(string suffix, string column)
    {
        Suffix = suffix;
        Column = column;
    }

    public static RollupGrain Day { get; } = new("rollups", "day");

    public static RollupGrain Month { get; } = new("month_rollups", "month");

    public static IReadOnlyList<RollupGrain> All { get; } = [Day, Month];

    /// <summary>The column holding the row's period: <c>day</c>, or <c>month</c> (the month's first day).</summary>
    public string Column { get; }

    private string Suffix { get; }

    /// <summary>The table of a rollup family at this grain: <c>answer</c> gives <c>answer_rollups</c> or <c>answer_month_rollups</c>.</summary>
    public string Table(string family) => $"{family}_{Suffix}";

    /// <summary>The period a day is counted in at this grain.</summary>
    public DateOnly PeriodOf(DateOnly day) => ReferenceEquals(this, Month) ? new DateOnly(day.Year, day.Month, 1) : day;
}

/// <summary>
/// How a series' date range is read from a rollup family: the whole months inside it from the month table when the
/// series is monthly or quarterly, every other day from the day table. Both parts together count each day once.
/// </summary>
public readonly record struct RollupSpan
{
    private RollupSpan(DateOnly from, DateOnly to, DateOnly monthsFrom, DateOnly monthsTo)
    {
        From = from;
        To = to;
        MonthsFrom = monthsFrom;
        MonthsTo = monthsTo;
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    /// <summary>The first day of the first month read from the month table.</summary>
    public DateOnly MonthsFrom { get; }

    /// <summary>The first day of the last month read from the month table.</summary>
    public DateOnly MonthsTo { get; }

    public bool HasMonths => MonthsFrom <= MonthsTo;

    /// <summary>
    /// Splits <paramref name="from"/>..<paramref name="to"/> (inclusive). Only monthly and quarterly series use the
    /// month table (a daily or weekly one needs the days). <paramref name="monthUsable"/> may refuse months from the
    /// first it refuses on (first contact resolution leaves out days whose window is still open): those are read by day.
    /// </summary>
    public static RollupSpan Of(DateOnly from, DateOnly to, TrendInterval interval, Func<DateOnly, bool>? monthUsable = null)
    {
        var none = new RollupSpan(from, to, DateOnly.MaxValue, DateOnly.MinValue);
        if (interval is not (TrendInterval.Month or TrendInterval.Quarter) || to < from)
        {
            return none;
        }

        var first = from.Day == 1 ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var last = new DateOnly(to.Year, to.Month, 1);
        if (to != last.AddMonths(1).AddDays(-1))
        {
            last = last.AddMonths(-1); // the last month is partial
        }

        var end = DateOnly.MinValue;
        for (var month = first; month <= last && (monthUsable?.Invoke(month) ?? true); month = month.AddMonths(1))
        {
            end = month;
        }

        return end < first ? none : new RollupSpan(from, to, first, end);
    }

    /// <summary>Whether some days of the range are outside its whole months (a cut month at either end).</summary>
    public bool HasDays => !HasMonths || From < MonthsFrom || To >= MonthsTo.AddMonths(1);

    /// <summary>
    /// The day rows to read: the range without its whole months, as one or two plain date ranges so that an index on
    /// the day (each day table has one after its equality columns) seeks straight to them.
    /// </summary>
    public IQueryable<T> Days<T>(IQueryable<T> rows)
        where T : RollupRow
    {
        var (from, to) = (From, To);
        if (!HasMonths)
        {
            return rows.Where(r => r.Day >= from && r.Day <= to);
        }

        var (monthsFrom, monthsUntil) = (MonthsFrom, MonthsTo.AddMonths(1));
        return (from < monthsFrom, to >= monthsUntil) switch
        {
            (true, true) => rows.Where(r => (r.Day >= from && r.Day < monthsFrom) || (r.Day >= monthsUntil && r.Day <= to)),
            (true, false) => rows.Where(r => r.Day >= from && r.Day < monthsFrom),
            (false, true) => rows.Where(r => r.Day >= monthsUntil && r.Day <= to),
            _ => rows.Where(r => false),
        };
    }

    /// <summary>
    /// The days outside the whole months as inclusive ranges: with whole months, at most a head and a tail, each inside
    /// one calendar month; without, the whole range.
    /// </summary>
    public IReadOnlyList<(DateOnly From, DateOnly To)> DayRanges
    {
        get
        {
            if (!HasMonths)
            {
                return To < From ? [] : [(From, To)];
            }

            var ranges = new List<(DateOnly, DateOnly)>(2);
            if (From < MonthsFrom)
            {
                ranges.Add((From, MonthsFrom.AddDays(-1)));
            }

            if (To >= MonthsTo.AddMonths(1))
            {
                ranges.Add((MonthsTo.AddMonths(1), To));
            }

            return ranges;
        }
    }

    /// <summary>The month rows to read (none when <see cref="HasMonths"/> is false).</summary>
    public IQueryable<T> Months<T>(IQueryable<T> rows)
        where T : RollupRow
    {
        var (monthsFrom, monthsTo) = (MonthsFrom, MonthsTo);
        return rows.Where(r => r.Day >= monthsFrom && r.Day <= monthsTo);
    }
}
