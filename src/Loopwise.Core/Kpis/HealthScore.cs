using static System.FormattableString;

namespace Loopwise.Core.Kpis;

/// <summary>Computes a customer health score from a <see cref="HealthModel"/> (cx-reference.md §3).</summary>
public static class HealthScore
{
    /// <summary>Minimum coverage for a score (our default): below 60% the result is "insufficient data".</summary>
    public const double DefaultMinimumCoverage = 0.6;

    /// <summary>Tolerance on the coverage comparison, so 0.2 + 0.4 counts as exactly 60%.</summary>
    private const double CoverageTolerance = 1e-9;

    /// <summary>
    /// H = Σᵢ wᵢ·sᵢ / Σᵢ wᵢ over the components whose signal is present in <paramref name="signals"/> (key lookup
    /// uses the dictionary's own comparer; NaN and ±∞ count as missing). Coverage = Σw(present)/Σw(all); with
    /// coverage below <paramref name="minimumCoverage"/> (or no positive weight present) Score and Band are null.
    /// The band uses <paramref name="bands"/> (default ≥ 70 healthy, 40–69 at risk, &lt; 40 critical).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The model or the bands are invalid (validate user-edited models with <see cref="HealthModel.Validate"/>
    /// before using them), or <paramref name="minimumCoverage"/> is outside [0, 1].
    /// </exception>
    public static HealthScoreResult Compute(
        HealthModel model,
        IReadOnlyDictionary<string, double> signals,
        HealthBands? bands = null,
        double minimumCoverage = DefaultMinimumCoverage)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(signals);
        bands ??= HealthBands.Default;
        ThrowIfInvalid(model, bands, minimumCoverage);

        var scores = new double?[model.Components.Count];
        var raws = new double?[model.Components.Count];
        var presentWeight = 0.0;
        var weightedSum = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            var component = model.Components[i];
            if (signals.TryGetValue(component.Signal, out var raw) && component.Normaliser.Normalise(raw) is { } score)
            {
                raws[i] = raw;
                scores[i] = score;
                presentWeight += component.Weight;
                weightedSum += component.Weight * score;
            }
        }

        var coverage = Math.Clamp(presentWeight / model.TotalWeight, 0.0, 1.0);
        var contributions = new HealthContribution[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            var component = model.Components[i];
            double? share = scores[i] is not null && presentWeight > 0.0 ? component.Weight / presentWeight : null;
            contributions[i] = new HealthContribution(component.Signal, component.Weight, raws[i], scores[i], share, share * scores[i]);
        }

        double? value = presentWeight > 0.0 && coverage >= minimumCoverage - CoverageTolerance
            ? Math.Clamp(weightedSum / presentWeight, 0.0, 100.0)
            : null;
        HealthBand? band = value is { } v ? bands.Classify(v) : null;
        return new HealthScoreResult(model.Id, model.Version, value, coverage, band, contributions);
    }

    private static void ThrowIfInvalid(HealthModel model, HealthBands bands, double minimumCoverage)
    {
        var errors = model.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(
                "The health model is invalid: " + string.Join("; ", errors.Select(e => e.Path + ": " + e.Message)), nameof(model));
        }

        var bandErrors = bands.Validate();
        if (bandErrors.Count > 0)
        {
            throw new ArgumentException(
                "The health bands are invalid: " + string.Join("; ", bandErrors.Select(e => e.Path + ": " + e.Message)), nameof(bands));
        }

        if (!(minimumCoverage >= 0.0 && minimumCoverage <= 1.0))
        {
            throw new ArgumentException(Invariant($"The minimum coverage must lie in [0, 1], not {minimumCoverage}."), nameof(minimumCoverage));
        }
    }
}
