namespace Loopwise.Core.Kpis;

/// <summary>
/// A customer health score (cx-reference.md §3) with the model version that produced it, its coverage and the
/// contributions that explain it. <see cref="Score"/> and <see cref="Band"/> are null when coverage is below the
/// minimum (60% by default): report "insufficient data", never 0.
/// </summary>
/// <param name="ModelId">Id of the model used; store it with the score.</param>
/// <param name="ModelVersion">Version of the model used; store it with the score.</param>
/// <param name="Score">H = Σ wᵢ·sᵢ / Σ wᵢ over the present components, in [0, 100]; null when data is insufficient.</param>
/// <param name="Coverage">Σw(present)/Σw(all), in [0, 1].</param>
/// <param name="Band">Band of the score; null when data is insufficient.</param>
/// <param name="Contributions">One entry per model component, in model order.</param>
public sealed record HealthScoreResult(
    string ModelId,
    int ModelVersion,
    double? Score,
    double Coverage,
    HealthBand? Band,
    IReadOnlyList<HealthContribution> Contributions)
{
    /// <summary>True when coverage was below the minimum, so there is no score ("insufficient data").</summary>
    public bool IsInsufficientData => Score is null;
}
