using Loopwise.Core.Metrics;

namespace Loopwise.Core.Kpis;

/// <summary>The later churn of the customers scored in one band (cx-reference.md §3, back-testing a model).</summary>
/// <param name="Band">The band, or null for customers with insufficient data.</param>
/// <param name="Churn">Churned / scored in the band, with its Wilson interval; null value when the band is empty.</param>
public sealed record BandChurnRate(HealthBand? Band, ProportionEstimate Churn);
