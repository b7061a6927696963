using System.Globalization;
using Loopwise.Core.Metrics;

namespace Loopwise.Core.Kpis;

/// <summary>The KPI families of cx-reference.md §10 (the YAML <c>kind</c>) and §3 (business impact).</summary>
public enum KpiKind
{
    /// <summary>Survey-based relationship metrics: NPS, CSAT, CES, health score (§1-3).</summary>
    Relationship,

    /// <summary>Operational metrics from event data: FCR, first response time, abandonment, completion, SLA (§4).</summary>
    Transactional,

    /// <summary>Business-impact metrics: CLV, churn, retention, revenue per customer, referrals (§3).</summary>
    Business,

    /// <summary>Channel-specific metrics such as social first response time and page load time (§10).</summary>
    Channel,
}

/// <summary>
/// The display unit of a KPI (the YAML <c>unit</c> of cx-reference.md §10). Targets are written in these units;
/// values inside the code keep the conventions of cx-reference.md ("keep proportions in 0..1").
/// </summary>
public enum KpiUnit
{
    /// <summary>NPS points: internal −1..1, shown ×100 as a signed integer.</summary>
    Points,

    /// <summary>A rate or share: internal 0..1, shown ×100 with a % sign.</summary>
    Percent,

    /// <summary>A mean on a rating scale, shown as is.</summary>
    Mean,

    /// <summary>A duration in hours, shown as is.</summary>
    Hours,

    /// <summary>A duration in seconds, shown as is.</summary>
    Seconds,

    /// <summary>A 0–100 score (health score), shown as is.</summary>
    Score,

    /// <summary>A money amount in the workspace currency, shown as is.</summary>
    Currency,
}

/// <summary>
/// The statistic a KPI reports; it decides which interval exists and which period-over-period test applies
/// (cx-reference.md §1-2 and §4).
/// </summary>
public enum KpiStatistic
{
    /// <summary>NPS = p − d; adjusted-Wald interval; compared with the NPS difference z-test (§1).</summary>
    NetPromoter,

    /// <summary>A share or rate x/n; Wilson interval; compared with the N − 1 two-proportion test (§2, §4).</summary>
    Proportion,

    /// <summary>A mean; t interval; compared with Welch's t-test.</summary>
    Mean,

    /// <summary>A median from a log-bucket histogram (§4): no interval and no significance test.</summary>
    Median,

    /// <summary>A 90th percentile from a log-bucket histogram (§4): no interval and no significance test.</summary>
    Percentile90,

    /// <summary>A model output or a ratio of totals (CLV, revenue per customer): no interval and no test.</summary>
    Derived,
}

/// <summary>
/// One KPI of issue 3, defined once (cx-reference.md §1-4, §10). Targets live separately in <see cref="KpiTarget"/>.
/// </summary>
/// <param name="Id">Stable id, as in the §10 YAML.</param>
/// <param name="Label">English label for the UI.</param>
/// <param name="Kind">Relationship, transactional, business or channel.</param>
/// <param name="Unit">Display unit (the unit targets are written in).</param>
/// <param name="Polarity">Which direction is good; status colours and better/worse use it (§2 point 4).</param>
/// <param name="Statistic">What is computed; decides the interval and the comparison test.</param>
/// <param name="ScaleId">The rating scale the KPI is bound to (§2 point 1), or null.</param>
/// <param name="Decimals">Decimals shown by <see cref="Format"/>.</param>
/// <param name="RangeMin">Lowest valid value in display units, or null when unbounded.</param>
/// <param name="RangeMax">Highest valid value in display units, or null when unbounded.</param>
/// <param name="Channel">The channel of a channel KPI (<c>social</c>, <c>web</c>), or null.</param>
public sealed record KpiDefinition(
    KpiId Id,
    string Label,
    KpiKind Kind,
    KpiUnit Unit,
    ScalePolarity Polarity,
    KpiStatistic Statistic,
    string? ScaleId,
    int Decimals,
    double? RangeMin,
    double? RangeMax,
    string? Channel = null)
{
    /// <summary>True when the KPI carries a confidence interval (NPS, shares/rates and means; §1-2, §4).</summary>
    public bool HasInterval => Statistic is KpiStatistic.NetPromoter or KpiStatistic.Proportion or KpiStatistic.Mean;

    /// <summary>The built-in <see cref="ScaleDefinition"/> named by <see cref="ScaleId"/>, or null.</summary>
    public ScaleDefinition? Scale => ScaleId is null ? null : Scales.Find(ScaleId);

    /// <summary>
    /// Converts an internal value to display units: ×100 for <see cref="KpiUnit.Points"/> and
    /// <see cref="KpiUnit.Percent"/>, unchanged otherwise (cx-reference.md conventions).
    /// </summary>
    public double ToDisplayUnits(double value) =>
        Unit is KpiUnit.Points or KpiUnit.Percent ? MetricFormat.ToPoints(value) : value;

    /// <summary>
    /// Formats an internal value for display, e.g. NPS 0.2 → "+20", a rate 0.123 → "12.3%", 1.5 hours → "1.5 h";
    /// null (n = 0) → <see cref="MetricFormat.Missing"/>. Culture-invariant.
    /// </summary>
    public string Format(double? value)
    {
        if (value is not { } v)
        {
            return MetricFormat.Missing;
        }

        return Unit switch
        {
            KpiUnit.Points => MetricFormat.NpsPoints(v),
            KpiUnit.Percent => MetricFormat.Percent(v, Decimals),
            KpiUnit.Hours => MetricFormat.Number(v, Decimals) + " h",
            KpiUnit.Seconds => MetricFormat.Number(v, Decimals) + " s",
            KpiUnit.Mean or KpiUnit.Score or KpiUnit.Currency => MetricFormat.Number(v, Decimals),
            _ => v.ToString(CultureInfo.InvariantCulture),
        };
    }
}
