namespace Loopwise.Core.Kpis;

/// <summary>One weighted component of a <see cref="HealthModel"/> (cx-reference.md §3).</summary>
/// <param name="Signal">Name of the raw signal, e.g. <c>seat_utilisation</c>; unique in its model (ignoring case).</param>
/// <param name="Weight">wᵢ ≥ 0; weights need not sum to 1 or 100, the score divides by their sum.</param>
/// <param name="Normaliser">Maps the raw signal to sᵢ ∈ [0, 100].</param>
public sealed record HealthComponent(string Signal, double Weight, HealthNormaliser Normaliser);
