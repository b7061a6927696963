using Loopwise.Core.Surveys;

namespace Loopwise.Core.Kpis;

/// <summary>
/// Min–max with configured bounds (cx-reference.md §3): <c>clamp((x − lo)/(hi − lo), 0, 1)·100</c>.
/// For usage and adoption signals (seats used ÷ licensed, logins/week, key features used).
/// </summary>
/// <param name="Lo">The value that scores 0; must be below <paramref name="Hi"/>.</param>
/// <param name="Hi">The value that scores 100.</param>
public sealed record MinMaxNormaliser(double Lo, double Hi) : HealthNormaliser
{
    private protected override double Score(double value) => (value - Lo) / (Hi - Lo) * 100.0;

    private protected override void AddErrors(string path, List<ValidationError> errors) => CheckBounds(Lo, Hi, path, errors);
}
