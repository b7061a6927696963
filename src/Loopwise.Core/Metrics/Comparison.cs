namespace Loopwise.Core.Metrics;

/// <summary>
/// The result of a two-sided test of the difference between two independent groups.
/// </summary>
/// <param name="Difference">Group a minus group b, in the metric's internal units (0..1 or −1..1).</param>
/// <param name="Z">The test statistic.</param>
/// <param name="PValue">Two-sided p = 2·(1 − Φ(|z|)).</param>
/// <param name="Significant">
/// |z| ≥ the critical value <b>and</b> both groups have n ≥ 30 (the product default for significance arrows).
/// </param>
public sealed record Comparison(double Difference, double Z, double PValue, bool Significant)
{
    /// <summary>Two-sided p-value of a standard normal statistic.</summary>
    public static double TwoSidedP(double z) => 2.0 * Normal.Survival(Math.Abs(z));
}
