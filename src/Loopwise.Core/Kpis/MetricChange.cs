using Loopwise.Core.Metrics;

namespace Loopwise.Core.Kpis;

/// <summary>
/// A KPI's change from a previous period to the current one, with the significance test its statistic calls for
/// (cx-reference.md §1-2): NPS difference z-test, N − 1 two-proportion test, or Welch's t-test. The periods must
/// have disjoint respondents (the tests are for independent samples, not a panel measured twice). An arrow is drawn
/// only when the change is significant and both periods have n ≥ 30. Values are in internal units
/// (NPS −1..1, rates 0..1); format them with <see cref="KpiDefinition.Format"/>.
/// When many segments are compared at once, pass the changes through <see cref="MultipleComparisons.Adjust(IReadOnlyList{MetricChange}, MultipleComparisonMethod, double)"/>.
/// </summary>
/// <param name="Id">The KPI.</param>
/// <param name="Polarity">The KPI's polarity, for <see cref="Verdict"/>.</param>
/// <param name="Previous">The previous period's value, or null.</param>
/// <param name="Current">The current period's value, or null.</param>
/// <param name="PreviousN">The previous period's n.</param>
/// <param name="CurrentN">The current period's n.</param>
/// <param name="Test">The test used.</param>
/// <param name="Statistic">z or t (current minus previous), or null when no test ran.</param>
/// <param name="DegreesOfFreedom">Welch–Satterthwaite ν for the t-test; null otherwise.</param>
/// <param name="PValue">Two-sided p, or null when no test ran.</param>
/// <param name="AdjustedPValue">Holm or Bonferroni adjusted p when adjusted for multiple comparisons, else null.</param>
/// <param name="Alpha">Significance level, e.g. 0.05.</param>
public sealed record MetricChange(
    KpiId Id,
    ScalePolarity Polarity,
    double? Previous,
    double? Current,
    long PreviousN,
    long CurrentN,
    MetricChangeTest Test,
    double? Statistic,
    double? DegreesOfFreedom,
    double? PValue,
    double? AdjustedPValue,
    double Alpha)
{
    /// <summary>Current − previous in internal units, or null when either is missing.</summary>
    public double? Delta => Current - Previous;

    /// <summary>
    /// True when the (adjusted, if present) p ≤ α and both periods have n ≥ 30 (<see cref="SampleBases.AllowsSignificance"/>).
    /// </summary>
    public bool Significant =>
        (AdjustedPValue ?? PValue) is { } p && p <= Alpha && SampleBases.AllowsSignificance(PreviousN, CurrentN);

    /// <summary>Up or Down only when <see cref="Significant"/>; otherwise None.</summary>
    public MetricChangeArrow Arrow => !Significant || Delta is not { } d || d == 0.0
        ? MetricChangeArrow.None
        : d > 0.0 ? MetricChangeArrow.Up : MetricChangeArrow.Down;

    /// <summary>Better or worse by polarity when significant (a significant rise of a lower-is-better KPI is worse).</summary>
    public MetricChangeVerdict Verdict
    {
        get
        {
            if (Delta is null)
            {
                return MetricChangeVerdict.NoData;
            }

            if (Test == MetricChangeTest.None)
            {
                return MetricChangeVerdict.NotTested;
            }

            return Arrow switch
            {
                MetricChangeArrow.Up => Polarity == ScalePolarity.HigherIsBetter ? MetricChangeVerdict.Better : MetricChangeVerdict.Worse,
                MetricChangeArrow.Down => Polarity == ScalePolarity.HigherIsBetter ? MetricChangeVerdict.Worse : MetricChangeVerdict.Better,
                _ => MetricChangeVerdict.NotSignificant,
            };
        }
    }

    /// <summary>The test a KPI statistic calls for.</summary>
    public static MetricChangeTest TestFor(KpiStatistic statistic) => statistic switch
    {
        KpiStatistic.NetPromoter => MetricChangeTest.NpsDifference,
        KpiStatistic.Proportion => MetricChangeTest.TwoProportion,
        KpiStatistic.Mean => MetricChangeTest.Welch,
        _ => MetricChangeTest.None,
    };

    /// <summary>NPS change, tested with <see cref="Nps.Compare"/> (adjusted-Wald z, cx-reference.md §1); the delta is the raw score change.</summary>
    /// <exception cref="ArgumentException">The KPI is not an NPS.</exception>
    public static MetricChange ForNps(KpiDefinition definition, NpsCounts previous, NpsCounts current, double alpha = 0.05)
    {
        Expect(definition, MetricChangeTest.NpsDifference, alpha);
        var before = Nps.Compute(previous).Score;
        var after = Nps.Compute(current).Score;
        var comparison = Nps.Compare(current, previous);
        return Create(definition, before, after, previous.N, current.N, comparison?.Z, null, comparison?.PValue, alpha);
    }

    /// <summary>
    /// Change of a share or rate x/n, tested with the N − 1 two-proportion test of <see cref="Proportion.Compare"/>
    /// (Campbell's N − 1 chi-square, which Sauro &amp; Lewis recommend, cx-reference.md §2).
    /// </summary>
    /// <exception cref="ArgumentException">The KPI is not a share or rate.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or successes exceed their n.</exception>
    public static MetricChange ForProportion(
        KpiDefinition definition, long previousSuccesses, long previousN, long currentSuccesses, long currentN, double alpha = 0.05)
    {
        Expect(definition, MetricChangeTest.TwoProportion, alpha);
        var before = Metrics.Proportion.Estimate(previousSuccesses, previousN).Value;
        var after = Metrics.Proportion.Estimate(currentSuccesses, currentN).Value;
        var comparison = Metrics.Proportion.Compare(currentSuccesses, currentN, previousSuccesses, previousN);
        return Create(definition, before, after, previousN, currentN, comparison?.Z, null, comparison?.PValue, alpha);
    }

    /// <summary>Change of a <see cref="Rate"/> (FCR, abandonment, completion, SLA, churn...), N − 1 two-proportion test.</summary>
    /// <exception cref="ArgumentException">The KPI is not a share or rate.</exception>
    public static MetricChange ForRate(KpiDefinition definition, Rate previous, Rate current, double alpha = 0.05) =>
        ForProportion(definition, previous.Numerator, previous.Denominator, current.Numerator, current.Denominator, alpha);

    /// <summary>Change of a mean from each period's n, mean and sample variance s², tested with Welch's t-test.</summary>
    /// <exception cref="ArgumentException">The KPI is not a mean.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count or variance is negative.</exception>
    public static MetricChange ForMean(
        KpiDefinition definition, long previousN, double? previousMean, double? previousVariance,
        long currentN, double? currentMean, double? currentVariance, double alpha = 0.05)
    {
        Expect(definition, MetricChangeTest.Welch, alpha);
        var welch = previousMean is { } m1 && previousVariance is { } v1 && currentMean is { } m2 && currentVariance is { } v2
            ? MeanComparison.Welch(currentN, m2, v2, previousN, m1, v1, alpha)
            : null;
        return Create(definition, previousMean, currentMean, previousN, currentN, welch?.T, welch?.DegreesOfFreedom, welch?.PValue, alpha);
    }

    /// <summary>Change of a mean from each period's sufficient statistics n, Σx, Σx² (rollup sums), Welch's t-test.</summary>
    /// <exception cref="ArgumentException">The KPI is not a mean.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static MetricChange ForMeanMoments(
        KpiDefinition definition, long previousN, double previousSum, double previousSumOfSquares,
        long currentN, double currentSum, double currentSumOfSquares, double alpha = 0.05)
    {
        var before = MeanEstimate.FromMoments(previousN, previousSum, previousSumOfSquares);
        var after = MeanEstimate.FromMoments(currentN, currentSum, currentSumOfSquares);
        return ForMean(definition, before, after, alpha);
    }

    /// <summary>Change of a mean between two <see cref="MeanEstimate"/>s (e.g. <see cref="Csat"/> or <see cref="Ces"/> results), Welch's t-test.</summary>
    /// <exception cref="ArgumentException">The KPI is not a mean.</exception>
    public static MetricChange ForMean(KpiDefinition definition, MeanEstimate previous, MeanEstimate current, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var v1 = previous.StandardDeviation is { } s1 ? s1 * s1 : (double?)null;
        var v2 = current.StandardDeviation is { } s2 ? s2 * s2 : (double?)null;
        return ForMean(definition, previous.N, previous.Mean, v1, current.N, current.Mean, v2, alpha);
    }

    /// <summary>A change with no significance test (median, P90, CLV, revenue per customer): delta only, never an arrow.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static MetricChange Untested(
        KpiDefinition definition, double? previous, long previousN, double? current, long currentN, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(definition);
        MeanComparison.CheckAlpha(alpha);
        ArgumentOutOfRangeException.ThrowIfNegative(previousN);
        ArgumentOutOfRangeException.ThrowIfNegative(currentN);
        return new MetricChange(definition.Id, definition.Polarity, previous, current, previousN, currentN,
            MetricChangeTest.None, null, null, null, null, alpha);
    }

    private static MetricChange Create(
        KpiDefinition definition, double? previous, double? current, long previousN, long currentN,
        double? statistic, double? df, double? p, double alpha) =>
        new(definition.Id, definition.Polarity, previous, current, previousN, currentN,
            TestFor(definition.Statistic), statistic, df, p, null, alpha);

    private static void Expect(KpiDefinition definition, MetricChangeTest test, double alpha)
    {
        ArgumentNullException.ThrowIfNull(definition);
        MeanComparison.CheckAlpha(alpha);
        if (TestFor(definition.Statistic) != test)
        {
            throw new ArgumentException(
                $"'{definition.Id}' is compared with the {TestFor(definition.Statistic)} test, not {test}.", nameof(definition));
        }
    }
}
