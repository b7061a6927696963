namespace Loopwise.Core.Kpis;

/// <summary>How a family of p-values is corrected for multiple comparisons (cx-reference.md §1).</summary>
public enum MultipleComparisonMethod
{
    /// <summary>Holm's step-down procedure (the default): controls the family-wise error rate, never less powerful than Bonferroni.</summary>
    Holm,

    /// <summary>Bonferroni: p × m.</summary>
    Bonferroni,
}

/// <summary>One p-value of a family, adjusted.</summary>
/// <param name="Raw">The unadjusted p.</param>
/// <param name="Adjusted">The adjusted p, capped at 1.</param>
/// <param name="Reject">True when the adjusted p ≤ α (the difference is significant after correction).</param>
public readonly record struct AdjustedPValue(double Raw, double Adjusted, bool Reject);

/// <summary>
/// Corrections for comparing many segments at once: "with many segments, correct for multiple comparisons (Holm or
/// Bonferroni)" (cx-reference.md §1). With m p-values sorted ascending p₍₁₎ ≤ … ≤ p₍ₘ₎, Bonferroni adjusts
/// p → min(1, m·p); Holm adjusts p₍ᵢ₎ → min(1, maxⱼ≤ᵢ (m − j + 1)·p₍ⱼ₎). A hypothesis is rejected when its
/// adjusted p ≤ α, which is the same as Holm's step-down rule p₍ᵢ₎ ≤ α/(m − i + 1) stopping at the first failure.
/// </summary>
public static class MultipleComparisons
{
    /// <summary>Holm-adjusted p-values, in input order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A p-value is outside [0, 1] or alpha is not in (0, 1).</exception>
    public static IReadOnlyList<AdjustedPValue> Holm(IReadOnlyList<double> pValues, double alpha = 0.05) =>
        Adjust(pValues, MultipleComparisonMethod.Holm, alpha);

    /// <summary>Bonferroni-adjusted p-values, in input order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A p-value is outside [0, 1] or alpha is not in (0, 1).</exception>
    public static IReadOnlyList<AdjustedPValue> Bonferroni(IReadOnlyList<double> pValues, double alpha = 0.05) =>
        Adjust(pValues, MultipleComparisonMethod.Bonferroni, alpha);

    /// <summary>Adjusted p-values by <paramref name="method"/>, in input order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A p-value is outside [0, 1] or alpha is not in (0, 1).</exception>
    public static IReadOnlyList<AdjustedPValue> Adjust(
        IReadOnlyList<double> pValues, MultipleComparisonMethod method = MultipleComparisonMethod.Holm, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        MeanComparison.CheckAlpha(alpha);
        var m = pValues.Count;
        for (var i = 0; i < m; i++)
        {
            if (!(pValues[i] >= 0.0 && pValues[i] <= 1.0))
            {
                throw new ArgumentOutOfRangeException(nameof(pValues), pValues[i], $"p-value {i} must lie in [0, 1].");
            }
        }

        var adjusted = new double[m];
        if (method == MultipleComparisonMethod.Bonferroni)
        {
            for (var i = 0; i < m; i++)
            {
                adjusted[i] = Math.Min(1.0, m * pValues[i]);
            }
        }
        else
        {
            // Ascending order, ties kept in input order so the result is deterministic.
            var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
            var running = 0.0;
            for (var rank = 0; rank < m; rank++)
            {
                var index = order[rank];
                running = Math.Max(running, Math.Min(1.0, (m - rank) * pValues[index]));
                adjusted[index] = running;
            }
        }

        var result = new AdjustedPValue[m];
        for (var i = 0; i < m; i++)
        {
            result[i] = new AdjustedPValue(pValues[i], adjusted[i], adjusted[i] <= alpha);
        }

        return result;
    }

    /// <summary>
    /// Adjusts a set of period-over-period changes compared at once (e.g. one KPI across many segments). The family
    /// is the changes that were tested and are eligible for an arrow (a p-value and both n ≥ 30); the others are
    /// never declared significant, so they are returned unchanged. Each tested change gets its
    /// <see cref="MetricChange.AdjustedPValue"/>, so its <see cref="MetricChange.Significant"/>, arrow and verdict
    /// follow the corrected p. Output order is input order.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">alpha is not in (0, 1).</exception>
    public static IReadOnlyList<MetricChange> Adjust(
        IReadOnlyList<MetricChange> changes, MultipleComparisonMethod method = MultipleComparisonMethod.Holm, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var family = new List<int>();
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            if (change.PValue is not null && Metrics.SampleBases.AllowsSignificance(change.PreviousN, change.CurrentN))
            {
                family.Add(i);
            }
        }

        var adjusted = Adjust(family.Select(i => changes[i].PValue!.Value).ToArray(), method, alpha);
        var result = changes.ToArray();
        for (var k = 0; k < family.Count; k++)
        {
            result[family[k]] = result[family[k]] with { AdjustedPValue = adjusted[k].Adjusted, Alpha = alpha };
        }

        return result;
    }
}
