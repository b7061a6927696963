using Loopwise.Core.Metrics;

namespace Loopwise.Core.Kpis;

/// <summary>
/// Back-tests a health model against later churn (cx-reference.md §3: "validate each new model by back-testing
/// against later churn, e.g. the churn rate per band").
/// </summary>
public static class HealthBackTest
{
    /// <summary>
    /// The churn rate per band, in the order Healthy, AtRisk, Critical, then insufficient data (band null), each
    /// with its Wilson interval; every row is present, with a null value when nobody fell in it.
    /// </summary>
    public static IReadOnlyList<BandChurnRate> ChurnByBand(IEnumerable<(HealthBand? Band, bool Churned)> outcomes, double z = 1.96)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var n = new long[4];
        var churned = new long[4];
        foreach (var (band, lost) in outcomes)
        {
            var slot = band is { } b ? (int)b : 3;
            n[slot]++;
            if (lost)
            {
                churned[slot]++;
            }
        }

        return
        [
            new(HealthBand.Healthy, Proportion.Estimate(churned[0], n[0], z)),
            new(HealthBand.AtRisk, Proportion.Estimate(churned[1], n[1], z)),
            new(HealthBand.Critical, Proportion.Estimate(churned[2], n[2], z)),
            new(null, Proportion.Estimate(churned[3], n[3], z)),
        ];
    }

    /// <summary>
    /// True when churn never falls as the band worsens (Healthy ≤ AtRisk ≤ Critical, skipping empty bands): the
    /// minimum a useful model must show. Insufficient-data rows are ignored.
    /// </summary>
    public static bool IsMonotone(IReadOnlyList<BandChurnRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        double? previous = null;
        foreach (var rate in rates.Where(r => r.Band is not null).OrderBy(r => (int)r.Band!.Value))
        {
            if (rate.Churn.Value is not { } value)
            {
                continue;
            }

            if (previous is { } p && value < p)
            {
                return false;
            }

            previous = value;
        }

        return true;
    }
}
