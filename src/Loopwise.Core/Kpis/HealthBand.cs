namespace Loopwise.Core.Kpis;

/// <summary>Colour band of a health score (cx-reference.md §3; thresholds in <see cref="HealthBands"/>).</summary>
public enum HealthBand
{
    /// <summary>Score ≥ 70 by default (the seed's "Health 70%+" target, §10).</summary>
    Healthy,

    /// <summary>40 ≤ score &lt; 70 by default.</summary>
    AtRisk,

    /// <summary>Score &lt; 40 by default.</summary>
    Critical,
}
