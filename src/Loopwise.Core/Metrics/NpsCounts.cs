namespace Loopwise.Core.Metrics;

/// <summary>
/// The sufficient statistics of an NPS: promoters (9–10), passives (7–8) and detractors (0–6)
/// (cx-reference.md §1). Add counts to combine segments; never average scores.
/// </summary>
/// <param name="Promoters">Answers 9–10.</param>
/// <param name="Passives">Answers 7–8.</param>
/// <param name="Detractors">Answers 0–6.</param>
public readonly record struct NpsCounts(long Promoters, long Passives, long Detractors)
{
    /// <summary>Answers 9–10.</summary>
    public long Promoters { get; init; } = Promoters >= 0
        ? Promoters
        : throw new ArgumentOutOfRangeException(nameof(Promoters), Promoters, "Counts cannot be negative.");

    /// <summary>Answers 7–8.</summary>
    public long Passives { get; init; } = Passives >= 0
        ? Passives
        : throw new ArgumentOutOfRangeException(nameof(Passives), Passives, "Counts cannot be negative.");

    /// <summary>Answers 0–6.</summary>
    public long Detractors { get; init; } = Detractors >= 0
        ? Detractors
        : throw new ArgumentOutOfRangeException(nameof(Detractors), Detractors, "Counts cannot be negative.");

    /// <summary>n = P + A + D.</summary>
    public long N => checked(Promoters + Passives + Detractors);

    /// <summary>Groups the counts of a 0–10 scale.</summary>
    /// <exception cref="ArgumentException">The scale is not 0–10: a 1–10 or 0–5 "recommend" question is not NPS.</exception>
    public static NpsCounts FromScale(ScaleCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Scale.Min != 0 || counts.Scale.Max != 10)
        {
            throw new ArgumentException(
                $"NPS needs a 0-10 scale; '{counts.Scale.Id}' is {counts.Scale.Min}-{counts.Scale.Max}.", nameof(counts));
        }

        return new NpsCounts(counts.CountBetween(9, 10), counts.CountBetween(7, 8), counts.CountBetween(0, 6));
    }

    /// <summary>Counts of the union of two disjoint groups of respondents.</summary>
    public static NpsCounts operator +(NpsCounts a, NpsCounts b) => a.Add(b);

    /// <summary>Counts of the union of this and another disjoint group of respondents.</summary>
    public NpsCounts Add(NpsCounts other) => new(
        checked(Promoters + other.Promoters),
        checked(Passives + other.Passives),
        checked(Detractors + other.Detractors));
}
