using Loopwise.Core.Kpis;
using Loopwise.Core.Metrics;
using Loopwise.Core.Support;
using Loopwise.Core.Surveys;
using Loopwise.Features.Metrics;

namespace Loopwise.Features.Kpis;

/// <summary>
/// The sufficient statistic of one KPI for one group and period (answer counts, a rate's numerator and denominator, a
/// sum of durations, a duration histogram). Cells add up exactly, so a period or a total is the sum of its days.
/// </summary>
public abstract class KpiCell
{
    /// <summary>The base of the value: answers, tickets with a reply, issues with a first contact...</summary>
    public abstract long N { get; }

    /// <summary>The value in internal units (NPS −1..1, rates 0..1, hours) and its 95% interval where one exists.</summary>
    public abstract (double? Value, IntervalDto? Interval) Evaluate();

    /// <summary>An empty cell of the same kind.</summary>
    public abstract KpiCell Empty();

    public abstract void Add(KpiCell other);

    /// <summary>This cell against <paramref name="previous"/>, with the test of the KPI's statistic.</summary>
    public abstract MetricChange ChangeFrom(KpiDefinition definition, KpiCell previous);
}

/// <summary>Answers on one scale (NPS, CSAT, CES): the headline by question type, as the results page computes it.</summary>
public sealed class ScaleCell(ScaleCounts counts, QuestionType type) : KpiCell
{
    public ScaleCounts Counts => counts;

    public override long N => counts.N;

    public override (double? Value, IntervalDto? Interval) Evaluate() => QuestionMetrics.Headline(type, counts);

    public override KpiCell Empty() => new ScaleCell(new ScaleCounts(counts.Scale), type);

    public override void Add(KpiCell other) => counts.Add(((ScaleCell)other).Counts);

    public override MetricChange ChangeFrom(KpiDefinition definition, KpiCell previous)
    {
        var before = ((ScaleCell)previous).Counts;
        return definition.Statistic switch
        {
            KpiStatistic.NetPromoter => MetricChange.ForNps(definition, NpsCounts.FromScale(before), NpsCounts.FromScale(counts)),
            KpiStatistic.Proportion => MetricChange.ForProportion(definition, before.FavourableCount, before.N, counts.FavourableCount, counts.N),
            _ => MetricChange.ForMeanMoments(definition, before.N, before.Sum, before.SumOfSquares, counts.N, counts.Sum, counts.SumOfSquares),
        };
    }
}

/// <summary>A rate (FCR, SLA attainment, completion, abandonment) with its Wilson interval (cx-reference.md §4).</summary>
public sealed class RateCell(long numerator = 0, long denominator = 0) : KpiCell
{
    public long Numerator { get; private set; } = numerator;

    public long Denominator { get; private set; } = denominator;

    public override long N => Denominator;

    public override (double? Value, IntervalDto? Interval) Evaluate()
    {
        var rate = new Rate(Numerator, Denominator);
        return (rate.Value, IntervalDto.From(rate.Wilson()));
    }

    public override KpiCell Empty() => new RateCell();

    public override void Add(KpiCell other)
    {
        var o = (RateCell)other;
        Numerator += o.Numerator;
        Denominator += o.Denominator;
    }

    public override MetricChange ChangeFrom(KpiDefinition definition, KpiCell previous) =>
        MetricChange.ForRate(definition, new Rate(((RateCell)previous).Numerator, ((RateCell)previous).Denominator), new Rate(Numerator, Denominator));
}

/// <summary>A mean duration in hours from a count and a sum of seconds (no interval: the rollups keep no sum of squares).</summary>
public sealed class MeanDurationCell(long count = 0, long sumSeconds = 0) : KpiCell
{
    public long Count { get; private set; } = count;

    public long SumSeconds { get; private set; } = sumSeconds;

    public override long N => Count;

    public override (double? Value, IntervalDto? Interval) Evaluate() => (Count == 0 ? null : SumSeconds / 3600.0 / Count, null);

    public override KpiCell Empty() => new MeanDurationCell();

    public override void Add(KpiCell other)
    {
        Count += ((MeanDurationCell)other).Count;
        SumSeconds += ((MeanDurationCell)other).SumSeconds;
    }

    public override MetricChange ChangeFrom(KpiDefinition definition, KpiCell previous) =>
        MetricChange.Untested(definition, previous.Evaluate().Value, previous.N, Evaluate().Value, N);
}

/// <summary>A mean of scores (customer health, 0–100) from a count and a sum; no interval (no sum of squares kept).</summary>
public sealed class MeanScoreCell(long count = 0, double sum = 0) : KpiCell
{
    public long Count { get; private set; } = count;

    public double Sum { get; private set; } = sum;

    public override long N => Count;

    public override (double? Value, IntervalDto? Interval) Evaluate() => (Count == 0 ? null : Sum / Count, null);

    public override KpiCell Empty() => new MeanScoreCell();

    public override void Add(KpiCell other)
    {
        Count += ((MeanScoreCell)other).Count;
        Sum += ((MeanScoreCell)other).Sum;
    }

    public override MetricChange ChangeFrom(KpiDefinition definition, KpiCell previous) =>
        MetricChange.Untested(definition, previous.Evaluate().Value, previous.N, Evaluate().Value, N);
}

/// <summary>
/// Revenue per customer (ARPU, cx-reference.md §3) in one currency: the revenue of the period in major units over the
/// daily mean of active customers (<see cref="Arpu.FromDailyActive"/>), kept as the revenue and one active count per
/// day, so that periods add up exactly (revenues add, days are appended). N is the mean number of active customers.
/// </summary>
public sealed class ArpuCell : KpiCell
{
    private readonly List<long> _dailyActive = [];

    public decimal Revenue { get; private set; }

    public IReadOnlyList<long> DailyActive => _dailyActive;

    public override long N => _dailyActive.Count == 0 ? 0 : (long)Math.Round((double)_dailyActive.Sum() / _dailyActive.Count, MidpointRounding.AwayFromZero);

    /// <summary>Adds one day: its revenue in major units and the customers active on it.</summary>
    public void AddDay(decimal revenue, long active)
    {
        Revenue += revenue;
        _dailyActive.Add(active);
    }

    /// <summary>The ARPU, or null with no active customers (or no days).</summary>
    public double? Value => Arpu.FromDailyActive(Revenue, _dailyActive).Value is { } value ? (double)value : null;

    public override (double? Value, IntervalDto? Interval) Evaluate() => (Value, null);

    public override KpiCell Empty() => new ArpuCell();

    public override void Add(KpiCell other)
    {
        var o = (ArpuCell)other;
        Revenue += o.Revenue;
        _dailyActive.AddRange(o._dailyActive);
    }

    public override MetricChange ChangeFrom(KpiDefinition definition, KpiCell previous) =>
        MetricChange.Untested(definition, previous.Evaluate().Value, previous.N, Evaluate().Value, N);
}

/// <summary>
/// Customer lifetime value (cx-reference.md §3), margin-based including the current period,
/// <c>CLV = m·(1 + d)/(1 + d − r)</c> (<see cref="Clv.IncludingCurrentPeriod"/>), with m the period's revenue per customer
/// (revenue as the margin: margin 1), r = 1 − the period's logo churn of contracts, and d = 0 (undiscounted); so
/// CLV = m / churn. Null without contracts at the start or when none was lost (r = 1: the value would be infinite).
/// N is the number of contracts at the start (the base of r).
/// </summary>
public sealed class ClvCell(ArpuCell? revenue = null, long atStart = 0, long lost = 0) : KpiCell
{
    public ArpuCell Revenue { get; } = revenue ?? new ArpuCell();

    public long AtStart { get; private set; } = atStart;

    public long Lost { get; private set; } = lost;

    public override long N => AtStart;

    public override (double? Value, IntervalDto? Interval) Evaluate()
    {
        if (Revenue.Value is not { } margin || AtStart == 0)
        {
            return (null, null);
        }

        var retention = 1.0 - ((double)Lost / AtStart);
        return (Clv.IncludingCurrentPeriod(margin, retention, 0.0).Value, null);
    }

    public override KpiCell Empty() => new ClvCell();

    /// <summary>Adds revenue and churn counts; a slice's total is set by its source (churn over a range is not the sum of its periods').</summary>
    public override void Add(KpiCell other)
    {
        var o = (ClvCell)other;
        Revenue.Add(o.Revenue);
        AtStart += o.AtStart;
        Lost += o.Lost;
    }

    public override MetricChange ChangeFrom(KpiDefinition definition, KpiCell previous) =>
        MetricChange.Untested(definition, previous.Evaluate().Value, previous.N, Evaluate().Value, N);
}

/// <summary>A percentile of durations from their minute/hour histogram (cx-reference.md §4: median and P90), in hours.</summary>
public sealed class DurationPercentileCell(double percent) : KpiCell
{
    // Counts indexed by bucket (DurationBuckets.Count entries once any is added): a month of a year of rollup rows adds
    // thousands of bucket counts, so adding is an array write, not a dictionary update.
    private long[] _buckets = [];
    private long _n;

    public override long N => _n;

    public void Add(int bucket, long count)
    {
        if (_buckets.Length == 0)
        {
            _buckets = new long[DurationBuckets.Count];
        }

        _buckets[bucket] += count;
        _n += count;
    }

    public override (double? Value, IntervalDto? Interval) Evaluate() =>
        (DurationBuckets.PercentileOfHistogram(_buckets, percent) is { } seconds ? seconds / 3600.0 : null, null);

    public override KpiCell Empty() => new DurationPercentileCell(percent);

    public override void Add(KpiCell other)
    {
        var cell = (DurationPercentileCell)other;
        for (var bucket = 0; bucket < cell._buckets.Length; bucket++)
        {
            if (cell._buckets[bucket] != 0)
            {
                Add(bucket, cell._buckets[bucket]);
            }
        }
    }

    public override MetricChange ChangeFrom(KpiDefinition definition, KpiCell previous) =>
        MetricChange.Untested(definition, previous.Evaluate().Value, previous.N, Evaluate().Value, N);
}

/// <summary>The cells of a KPI over a slice, per group and period start.</summary>
public sealed class KpiCells(Func<KpiCell> empty)
{
    private readonly Dictionary<(string Group, DateOnly Period), KpiCell> _cells = [];

    public bool FromRollups { get; init; }

    /// <summary>What the series' label adds to the catalogue's (the currency of a money KPI and its assumptions), or null.</summary>
    public string? Qualifier { get; init; }

    public IReadOnlyDictionary<(string Group, DateOnly Period), KpiCell> Cells => _cells;

    public IEnumerable<string> Groups => _cells.Keys.Select(k => k.Group).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    public KpiCell Empty() => empty();

    /// <summary>The cell of a group and period, created empty on first use.</summary>
    public KpiCell At(string group, DateOnly period)
    {
        if (!_cells.TryGetValue((group, period), out var cell))
        {
            _cells[(group, period)] = cell = empty();
        }

        return cell;
    }

    public KpiCell Get(string group, DateOnly period) => _cells.GetValueOrDefault((group, period)) ?? empty();

    /// <summary>
    /// Totals that are not the sum of their periods (churn over a quarter is not the sum of its monthly churns: the
    /// customers at the start differ), set by the source; other groups' totals add their periods up.
    /// </summary>
    public Dictionary<string, KpiCell> Totals { get; } = new(StringComparer.Ordinal);

    public KpiCell Total(string group)
    {
        if (Totals.TryGetValue(group, out var explicitTotal))
        {
            return explicitTotal;
        }

        var total = empty();
        foreach (var ((g, _), cell) in _cells)
        {
            if (string.Equals(g, group, StringComparison.Ordinal))
            {
                total.Add(cell);
            }
        }

        return total;
    }
}
