using Loopwise.Core.Surveys;

namespace Loopwise.Core.Kpis;

/// <summary>
/// Reversed min–max (cx-reference.md §3): <c>clamp((hi − x)/(hi − lo), 0, 1)·100</c>, for signals where less is
/// better (tickets per 30 days, open P1s, escalations).
/// </summary>
/// <param name="Lo">The value that scores 100; must be below <paramref name="Hi"/>.</param>
/// <param name="Hi">The value that scores 0.</param>
public sealed record ReversedMinMaxNormaliser(double Lo, double Hi) : HealthNormaliser
{
    private protected override double Score(double value) => (Hi - value) / (Hi - Lo) * 100.0;

    private protected override void AddErrors(string path, List<ValidationError> errors) => CheckBounds(Lo, Hi, path, errors);
}
