using Loopwise.Core.Metrics;

namespace Loopwise.Core.Kpis;

/// <summary>
/// Logo churn over a period (cx-reference.md §3): lost during the period / customers at its start, with the Wilson
/// interval, and retention = 1 − churn. Every value is null when nobody was a customer at the start.
/// </summary>
/// <param name="Estimate">Lost (successes) over customers at start (N), with the Wilson interval.</param>
public sealed record ChurnResult(ProportionEstimate Estimate)
{
    /// <summary>Customers at the start of the period.</summary>
    public long AtStart => Estimate.N;

    /// <summary>Customers at the start who were lost during the period.</summary>
    public long Lost => Estimate.Successes;

    /// <summary>Churn rate in 0..1, or null when <see cref="AtStart"/> = 0.</summary>
    public double? Rate => Estimate.Value;

    /// <summary>Wilson interval of the churn rate, or null when <see cref="AtStart"/> = 0.</summary>
    public Interval? Interval => Estimate.Interval;

    /// <summary>Retention rate 1 − churn, or null when <see cref="AtStart"/> = 0.</summary>
    public double? Retention => AtStart == 0 ? null : (double)(AtStart - Lost) / AtStart;

    /// <summary>Interval of the retention rate, [1 − upper, 1 − lower] of the churn interval.</summary>
    public Interval? RetentionInterval => Interval is { } i ? new Interval(1.0 - i.Upper, 1.0 - i.Lower) : null;

    /// <summary>Minimum-n classification of <see cref="AtStart"/>.</summary>
    public SampleBase SampleBase => Estimate.SampleBase;
}
