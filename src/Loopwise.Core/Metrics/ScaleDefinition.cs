namespace Loopwise.Core.Metrics;

/// <summary>Which end of a rating scale is good (cx-reference.md §2).</summary>
public enum ScalePolarity
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>
/// A bounded integer rating scale. Every rating question references one, so that targets,
/// status colours and favourable-box shares always know the scale's direction (cx-reference.md §2).
/// </summary>
/// <param name="Id">Stable identifier, e.g. <c>ces_effort_1_5</c>.</param>
/// <param name="Min">Lowest valid answer.</param>
/// <param name="Max">Highest valid answer.</param>
/// <param name="Polarity">Which end is good.</param>
/// <param name="Favourable">The answers counted as favourable (top- or bottom-box).</param>
public sealed record ScaleDefinition(string Id, int Min, int Max, ScalePolarity Polarity, IReadOnlyList<int> Favourable)
{
    /// <summary>Number of points on the scale.</summary>
    public int Points => Max - Min + 1;

    /// <summary>True when <paramref name="value"/> is a valid answer on this scale.</summary>
    public bool Contains(int value) => value >= Min && value <= Max;

    /// <summary>True when <paramref name="value"/> is in the favourable set.</summary>
    public bool IsFavourable(int value) => Favourable.Contains(value);
}

/// <summary>The built-in scales of cx-reference.md §1-2.</summary>
public static class Scales
{
    /// <summary>Net Promoter: 0-10, promoters 9-10.</summary>
    public static readonly ScaleDefinition Nps = new("nps_0_10", 0, 10, ScalePolarity.HigherIsBetter, [9, 10]);

    /// <summary>CSAT: 1-5, top-2-box {4, 5}.</summary>
    public static readonly ScaleDefinition Csat = new("csat_1_5", 1, 5, ScalePolarity.HigherIsBetter, [4, 5]);

    /// <summary>CES 1.0: 1 very low effort .. 5 very high effort; lower is better; favourable {1, 2}.</summary>
    public static readonly ScaleDefinition CesEffort = new("ces_effort_1_5", 1, 5, ScalePolarity.LowerIsBetter, [1, 2]);

    /// <summary>CES 2.0: 1 strongly disagree .. 7 strongly agree that it was easy; favourable {5, 6, 7}.</summary>
    public static readonly ScaleDefinition CesAgree = new("ces_agree_1_7", 1, 7, ScalePolarity.HigherIsBetter, [5, 6, 7]);

    /// <summary>A generic 1-5 star rating, top-2-box favourable.</summary>
    public static readonly ScaleDefinition Rating5 = new("rating_1_5", 1, 5, ScalePolarity.HigherIsBetter, [4, 5]);

    /// <summary>A generic 1-10 rating, top-2-box favourable.</summary>
    public static readonly ScaleDefinition Rating10 = new("rating_1_10", 1, 10, ScalePolarity.HigherIsBetter, [9, 10]);

    /// <summary>All built-in scales.</summary>
    public static IReadOnlyList<ScaleDefinition> All { get; } = [Nps, Csat, CesEffort, CesAgree, Rating5, Rating10];

    /// <summary>Finds a built-in scale by id, or null.</summary>
    public static ScaleDefinition? Find(string id) => All.FirstOrDefault(s => s.Id == id);
}
