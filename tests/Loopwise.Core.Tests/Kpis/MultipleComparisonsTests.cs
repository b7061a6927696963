using Loopwise.Core.Kpis;

namespace Loopwise.Core.Tests.Kpis;

public class MultipleComparisonsTests
{
    private static readonly double[] PValues = [0.01, 0.02, 0.03, 0.005];

    // Hand-computed, m = 4. Sorted: 0.005, 0.01, 0.02, 0.03.
    // Holm: 4·0.005 = 0.02, 3·0.01 = 0.03, 2·0.02 = 0.04, 1·0.03 = 0.03 → running max 0.04;
    // all four ≤ 0.05, so Holm rejects all four.
    [Fact]
    public void Holm_of_four_p_values_rejects_all_four()
    {
        var holm = MultipleComparisons.Holm(PValues);

        Assert.Equal([0.03, 0.04, 0.04, 0.02], holm.Select(p => p.Adjusted), new Tolerance(1e-12));
        Assert.All(holm, p => Assert.True(p.Reject));
        Assert.Equal(PValues, holm.Select(p => p.Raw));
    }

    // Bonferroni on the same values: 4p = 0.04, 0.08, 0.12, 0.02 → only the first and the last are rejected.
    [Fact]
    public void Bonferroni_of_the_same_p_values_rejects_only_two()
    {
        var bonferroni = MultipleComparisons.Bonferroni(PValues);

        Assert.Equal([0.04, 0.08, 0.12, 0.02], bonferroni.Select(p => p.Adjusted), new Tolerance(1e-12));
        Assert.Equal([true, false, false, true], bonferroni.Select(p => p.Reject));
    }

    // Holm stops at the first failure: sorted 0.01 → 0.03, 0.04 → 0.08 (fails), 0.045 → max(0.08, 0.045) = 0.08.
    [Fact]
    public void Holm_keeps_adjusted_p_values_monotone()
    {
        var holm = MultipleComparisons.Holm([0.045, 0.01, 0.04]);

        Assert.Equal([0.08, 0.03, 0.08], holm.Select(p => p.Adjusted), new Tolerance(1e-12));
        Assert.Equal([false, true, false], holm.Select(p => p.Reject));
    }

    [Fact]
    public void Adjusted_p_values_are_capped_at_1()
    {
        Assert.Equal(1.0, MultipleComparisons.Bonferroni([0.5, 0.9])[0].Adjusted);
    }

    [Fact]
    public void P_value_outside_0_1_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MultipleComparisons.Holm([1.5]));
    }

    [Fact]
    public void Segment_changes_lose_their_arrow_when_the_correction_makes_them_insignificant()
    {
        var definition = KpiCatalog.Get(KpiId.CsatPct);
        // Region A: 160/200 vs 140/200, p = 0.02108 alone (ProportionTests); region B: p far below 0.01;
        // region C: tiny base, left out of the family; region D: p ≈ 0.5.
        var changes = new[]
        {
            MetricChange.ForProportion(definition, 140, 200, 160, 200),
            MetricChange.ForProportion(definition, 100, 200, 160, 200),
            MetricChange.ForProportion(definition, 1, 10, 9, 10),
            MetricChange.ForProportion(definition, 100, 200, 107, 200),
        };
        Assert.Equal(MetricChangeArrow.Up, changes[0].Arrow);

        var adjusted = MultipleComparisons.Adjust(changes);

        // Family of 3 (A, B, D). Holm: B·3 < 0.05; A·2 = 0.04216 ≤ 0.05 → still significant.
        Assert.Equal(changes[0].PValue!.Value * 2, adjusted[0].AdjustedPValue!.Value, 1e-12);
        Assert.Equal(MetricChangeArrow.Up, adjusted[0].Arrow);
        Assert.Equal(MetricChangeArrow.Up, adjusted[1].Arrow);
        Assert.Null(adjusted[2].AdjustedPValue);
        Assert.Equal(MetricChangeArrow.None, adjusted[3].Arrow);

        // Bonferroni: A·3 = 0.0632 > 0.05 → the arrow goes.
        var bonferroni = MultipleComparisons.Adjust(changes, MultipleComparisonMethod.Bonferroni);
        Assert.Equal(MetricChangeArrow.None, bonferroni[0].Arrow);
        Assert.Equal(MetricChangeVerdict.NotSignificant, bonferroni[0].Verdict);
        Assert.Equal(MetricChangeArrow.Up, bonferroni[1].Arrow);
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
