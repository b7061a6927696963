using Loopwise.Core.Metrics;

namespace Loopwise.Core.Kpis;

/// <summary>
/// One cohort of a retention table (cx-reference.md §3): cell k is active-in-period-k / cohort size, with its Wilson
/// interval; k = 0 is 100% by definition; a cell in the future (AcquisitionPeriod + k &gt; current period) is null,
/// not 0 (right-censoring).
/// </summary>
/// <param name="AcquisitionPeriod">The cohort's acquisition period index.</param>
/// <param name="Size">Customers acquired in that period.</param>
/// <param name="Cells">Cells for k = 0..K; null for the future.</param>
public sealed record CohortRow(int AcquisitionPeriod, long Size, IReadOnlyList<ProportionEstimate?> Cells)
{
    /// <summary>The retention share of cell k in 0..1, or null when the cell is in the future or k is beyond K.</summary>
    public double? ValueAt(int k) => k >= 0 && k < Cells.Count ? Cells[k]?.Value : null;
}
