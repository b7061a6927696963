using Loopwise.Core.Surveys;

namespace Loopwise.Core.Kpis;

/// <summary>
/// Configurable band thresholds of the health score (cx-reference.md §3; our default, from the seed's
/// "Health 70%+" [42] and the §10 target <c>health_score &gt;= 70</c>): ≥ 70 healthy, 40–69 at risk, &lt; 40 critical.
/// Thresholds apply to the unrounded score, so 69.6 is at risk even though it displays as 70.
/// </summary>
/// <param name="HealthyFrom">Lowest healthy score.</param>
/// <param name="AtRiskFrom">Lowest at-risk score; scores below it are critical.</param>
public sealed record HealthBands(double HealthyFrom = HealthBands.DefaultHealthyFrom, double AtRiskFrom = HealthBands.DefaultAtRiskFrom)
{
    /// <summary>Default lowest healthy score (70, the §10 health_score target).</summary>
    public const double DefaultHealthyFrom = 70.0;

    /// <summary>Default lowest at-risk score (40).</summary>
    public const double DefaultAtRiskFrom = 40.0;

    /// <summary>The default bands: ≥ 70 healthy, 40–69 at risk, &lt; 40 critical.</summary>
    public static HealthBands Default { get; } = new();

    /// <summary>The band of a score in [0, 100].</summary>
    public HealthBand Classify(double score) => score >= HealthyFrom
        ? HealthBand.Healthy
        : score >= AtRiskFrom ? HealthBand.AtRisk : HealthBand.Critical;

    /// <summary>Problems of the thresholds (0 ≤ AtRiskFrom ≤ HealthyFrom ≤ 100); empty when valid.</summary>
    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        if (!(HealthyFrom >= 0.0 && HealthyFrom <= 100.0))
        {
            errors.Add(new("healthyFrom", "The healthy threshold must lie in [0, 100]."));
        }

        if (!(AtRiskFrom >= 0.0 && AtRiskFrom <= 100.0))
        {
            errors.Add(new("atRiskFrom", "The at-risk threshold must lie in [0, 100]."));
        }
        else if (AtRiskFrom > HealthyFrom)
        {
            errors.Add(new("atRiskFrom", "The at-risk threshold must not exceed the healthy threshold."));
        }

        return errors;
    }
}
