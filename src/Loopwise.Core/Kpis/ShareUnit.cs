namespace Loopwise.Core.Kpis;

/// <summary>
/// The unit of an NPS or CSAT% signal fed to a health model (cx-reference.md §3). Loopwise.Core keeps shares as
/// proportions (an <c>NpsResult.Score</c> is −1..1, a CSAT% <c>ProportionEstimate.Value</c> is 0..1), so
/// <see cref="Proportion"/> is the default; <see cref="Points"/> is for signals already in points.
/// </summary>
public enum ShareUnit
{
    /// <summary>NPS in −1..1, CSAT% in 0..1 (the Loopwise.Core convention).</summary>
    Proportion,

    /// <summary>NPS in −100..100 points, CSAT% in 0..100.</summary>
    Points,
}
