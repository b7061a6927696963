using System.Text.Json.Serialization;
using Loopwise.Core.Surveys;
using static System.FormattableString;

namespace Loopwise.Core.Kpis;

/// <summary>
/// A versioned, weighted health-score model (cx-reference.md §3):
/// <c>HealthModel {id, version, effectiveFrom, segmentFilter, components[{signal, weight, normaliser, params}]}</c>.
/// A weight edit creates a new version with <see cref="NextVersion(DateOnly, IReadOnlyList{HealthComponent})"/> and
/// never rewrites history: every stored score records the <see cref="Id"/> and <see cref="Version"/> that produced it.
/// Check a model with <see cref="Validate"/> before storing it. Equality compares components element by element.
/// </summary>
/// <param name="Id">Stable model id shared by all its versions.</param>
/// <param name="Version">1 for the first version, then +1 per change.</param>
/// <param name="EffectiveFrom">First UTC day this version applies to.</param>
/// <param name="SegmentFilter">
/// Customers the model applies to, as <c>attribute=value</c> pairs separated by <c>;</c> (all must match), e.g.
/// <c>region=EU;plan=Pro</c>; null or empty for every customer. Keys and values compare ordinally.
/// </param>
/// <param name="Components">The weighted components (copied, so the caller's list cannot change the model).</param>
public sealed record HealthModel(
    string Id,
    int Version,
    DateOnly EffectiveFrom,
    string? SegmentFilter,
    IReadOnlyList<HealthComponent> Components)
{
    /// <summary>The weighted components.</summary>
    public IReadOnlyList<HealthComponent> Components { get; init; } =
        (Components ?? throw new ArgumentNullException(nameof(Components))).ToArray();

    /// <summary>Σ wᵢ over all components.</summary>
    [JsonIgnore]
    public double TotalWeight => Components.Sum(c => c.Weight);

    /// <summary>
    /// Every problem of the model, with paths such as <c>components[1].weight</c>; empty when valid. Checks a
    /// non-empty id, version ≥ 1, at least one component, non-empty signal names unique ignoring case, weights
    /// finite and ≥ 0 with Σw &gt; 0, each normaliser's parameters (lo &lt; hi, ordered bands) and the segment
    /// filter syntax. With <paramref name="previous"/> it also checks that this model is its successor: same id,
    /// version + 1, and an effective date not before the previous one.
    /// </summary>
    public IReadOnlyList<ValidationError> Validate(HealthModel? previous = null)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(Id))
        {
            errors.Add(new("id", "A health model needs an id."));
        }

        if (Version < 1)
        {
            errors.Add(new("version", "The version starts at 1."));
        }

        if (previous is not null)
        {
            CheckSuccession(previous, errors);
        }

        if (TryParseSegmentFilter(SegmentFilter, out _) is { } filterError)
        {
            errors.Add(new("segmentFilter", filterError));
        }

        CheckComponents(errors);
        return errors;
    }

    /// <summary>
    /// The next version (<see cref="Version"/> + 1) with new components, the same id and segment filter. Never
    /// mutates this model; validate the result (passing this model as <c>previous</c>) before storing it.
    /// </summary>
    public HealthModel NextVersion(DateOnly effectiveFrom, IReadOnlyList<HealthComponent> components) =>
        NextVersion(effectiveFrom, components, SegmentFilter);

    /// <summary>The next version (<see cref="Version"/> + 1) with new components and segment filter.</summary>
    public HealthModel NextVersion(DateOnly effectiveFrom, IReadOnlyList<HealthComponent> components, string? segmentFilter) =>
        new(Id, checked(Version + 1), effectiveFrom, segmentFilter, components);

    /// <summary>The next version with one component's weight changed (a "weight edit").</summary>
    /// <exception cref="ArgumentException">No component has that signal name (compared ignoring case).</exception>
    public HealthModel WithWeight(string signal, double weight, DateOnly effectiveFrom)
    {
        var index = IndexOf(signal);
        if (index < 0)
        {
            throw new ArgumentException(Invariant($"The model has no component '{signal}'."), nameof(signal));
        }

        var components = Components.ToArray();
        components[index] = components[index] with { Weight = weight };
        return NextVersion(effectiveFrom, components);
    }

    /// <summary>
    /// True when a customer with these attributes belongs to the model's segment (always true without a filter).
    /// </summary>
    /// <exception cref="InvalidOperationException">The segment filter is malformed (see <see cref="Validate"/>).</exception>
    public bool AppliesTo(IReadOnlyDictionary<string, string> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (TryParseSegmentFilter(SegmentFilter, out var pairs) is { } error)
        {
            throw new InvalidOperationException(error);
        }

        return pairs.All(p => attributes.TryGetValue(p.Key, out var value) && string.Equals(value, p.Value, StringComparison.Ordinal));
    }

    /// <summary>
    /// The version of a model in force on <paramref name="day"/>: the highest version whose
    /// <see cref="EffectiveFrom"/> is on or before the day; null when none is in force yet.
    /// </summary>
    public static HealthModel? EffectiveOn(IEnumerable<HealthModel> versions, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return versions.Where(v => v.EffectiveFrom <= day).MaxBy(v => v.Version);
    }

    /// <summary>
    /// Parses a segment filter such as <c>region=EU;plan=Pro</c> into (attribute, value) pairs, trimming blanks.
    /// Returns null and sets <paramref name="pairs"/> on success (empty for a null or blank filter), or a readable
    /// error when a pair lacks <c>=</c>, has an empty attribute, or repeats an attribute.
    /// </summary>
    public static string? TryParseSegmentFilter(string? filter, out IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        var result = new List<KeyValuePair<string, string>>();
        pairs = result;
        if (string.IsNullOrWhiteSpace(filter))
        {
            return null;
        }

        foreach (var part in filter.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return Invariant($"'{part}' is not an attribute=value pair.");
            }

            var key = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (key.Length == 0)
            {
                return Invariant($"'{part}' has an empty attribute name.");
            }

            if (result.Exists(p => string.Equals(p.Key, key, StringComparison.Ordinal)))
            {
                return Invariant($"The attribute '{key}' appears twice.");
            }

            result.Add(new(key, value));
        }

        return null;
    }

    /// <inheritdoc />
    public bool Equals(HealthModel? other) =>
        other is not null
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && Version == other.Version
        && EffectiveFrom == other.EffectiveFrom
        && string.Equals(SegmentFilter, other.SegmentFilter, StringComparison.Ordinal)
        && Components.SequenceEqual(other.Components);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Id, StringComparer.Ordinal);
        hash.Add(Version);
        hash.Add(EffectiveFrom);
        hash.Add(SegmentFilter, StringComparer.Ordinal);
        foreach (var component in Components)
        {
            hash.Add(component);
        }

        return hash.ToHashCode();
    }

    private int IndexOf(string signal)
    {
        for (var i = 0; i < Components.Count; i++)
        {
            if (string.Equals(Components[i].Signal, signal, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private void CheckSuccession(HealthModel previous, List<ValidationError> errors)
    {
        if (!string.Equals(previous.Id, Id, StringComparison.Ordinal))
        {
            errors.Add(new("id", "A new version must keep the model id."));
        }

        if (Version != previous.Version + 1)
        {
            errors.Add(new("version", Invariant($"The next version after {previous.Version} is {previous.Version + 1}.")));
        }

        if (EffectiveFrom < previous.EffectiveFrom)
        {
            errors.Add(new("effectiveFrom", Invariant(
                $"A new version cannot take effect before the previous one ({previous.EffectiveFrom:yyyy-MM-dd}): history is never rewritten.")));
        }
    }

    private void CheckComponents(List<ValidationError> errors)
    {
        if (Components.Count == 0)
        {
            errors.Add(new("components", "A health model needs at least one component."));
            return;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var total = 0.0;
        var weightsValid = true;
        for (var i = 0; i < Components.Count; i++)
        {
            var path = Invariant($"components[{i}]");
            var component = Components[i];
            if (component is null)
            {
                errors.Add(new(path, "A component is missing."));
                weightsValid = false;
                continue;
            }

            if (string.IsNullOrWhiteSpace(component.Signal))
            {
                errors.Add(new(path + ".signal", "A component needs a signal name."));
            }
            else if (!seen.Add(component.Signal))
            {
                errors.Add(new(path + ".signal", Invariant($"The signal '{component.Signal}' is used by two components.")));
            }

            if (!(double.IsFinite(component.Weight) && component.Weight >= 0.0))
            {
                errors.Add(new(path + ".weight", "A weight must be a finite number ≥ 0."));
                weightsValid = false;
            }
            else
            {
                total += component.Weight;
            }

            if (component.Normaliser is null)
            {
                errors.Add(new(path + ".normaliser", "A component needs a normaliser."));
            }
            else
            {
                errors.AddRange(component.Normaliser.Validate(path + ".normaliser"));
            }
        }

        if (weightsValid && !(total > 0.0))
        {
            errors.Add(new("components", "At least one weight must be above 0."));
        }
    }
}
