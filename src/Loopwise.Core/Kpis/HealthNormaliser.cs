using System.Text.Json.Serialization;
using Loopwise.Core.Surveys;

namespace Loopwise.Core.Kpis;

/// <summary>
/// Maps one raw health signal to a component score sᵢ ∈ [0, 100] (cx-reference.md §3, "Customer health score").
/// A closed set: <see cref="MinMaxNormaliser"/>, <see cref="ReversedMinMaxNormaliser"/>, <see cref="BandsNormaliser"/>,
/// <see cref="NpsToScoreNormaliser"/>, <see cref="CsatPercentNormaliser"/>, <see cref="CesEffort1To5Normaliser"/> and
/// <see cref="CesAgree1To7Normaliser"/>. Fixed bounds and band rules only: no percentile ranks, so a customer's score
/// never moves because other customers changed. Serialised with a <c>kind</c> discriminator.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(MinMaxNormaliser), "minMax")]
[JsonDerivedType(typeof(ReversedMinMaxNormaliser), "reversedMinMax")]
[JsonDerivedType(typeof(BandsNormaliser), "bands")]
[JsonDerivedType(typeof(NpsToScoreNormaliser), "nps")]
[JsonDerivedType(typeof(CsatPercentNormaliser), "csatPercent")]
[JsonDerivedType(typeof(CesEffort1To5Normaliser), "cesEffort1To5")]
[JsonDerivedType(typeof(CesAgree1To7Normaliser), "cesAgree1To7")]
public abstract record HealthNormaliser
{
    private protected HealthNormaliser()
    {
    }

    /// <summary>
    /// The component score in [0, 100] for a raw signal value, or null when <paramref name="value"/> is NaN or
    /// infinite (the component then counts as missing). Values outside the signal's range are clamped.
    /// </summary>
    /// <exception cref="InvalidOperationException">The normaliser's own parameters are invalid (see <see cref="Validate"/>).</exception>
    public double? Normalise(double value)
    {
        if (!double.IsFinite(value))
        {
            return null;
        }

        var errors = Validate("normaliser");
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(errors[0].Message);
        }

        return Math.Clamp(Score(value), 0.0, 100.0);
    }

    /// <summary>The problems of this normaliser's parameters, with paths under <paramref name="path"/>; empty when valid.</summary>
    public IReadOnlyList<ValidationError> Validate(string path)
    {
        var errors = new List<ValidationError>();
        AddErrors(path, errors);
        return errors;
    }

    /// <summary>The unclamped score of a finite value; parameters are known to be valid.</summary>
    private protected abstract double Score(double value);

    /// <summary>Adds the problems of this normaliser's parameters.</summary>
    private protected virtual void AddErrors(string path, List<ValidationError> errors)
    {
    }

    /// <summary>Adds an error unless lo &lt; hi and both are finite.</summary>
    private protected static void CheckBounds(double lo, double hi, string path, List<ValidationError> errors)
    {
        if (!double.IsFinite(lo) || !double.IsFinite(hi))
        {
            errors.Add(new(path + ".lo", "Both bounds must be finite numbers."));
        }
        else if (!(lo < hi))
        {
            errors.Add(new(path + ".lo", FormattableString.Invariant($"The lower bound ({lo}) must be below the upper bound ({hi}).")));
        }
    }
}
