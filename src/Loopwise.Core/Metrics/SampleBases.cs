namespace Loopwise.Core.Metrics;

/// <summary>The minimum-n product defaults of cx-reference.md §1 (ours, not an industry standard).</summary>
public static class SampleBases
{
    /// <summary>Below this n the score is hidden and only counts are shown.</summary>
    public const long MinimumToShowScore = 10;

    /// <summary>Below this n the score is flagged as a low base, and no significance arrows are drawn.</summary>
    public const long MinimumForFullBase = 30;

    /// <summary>The flag shown next to a <see cref="SampleBase.Low"/> result.</summary>
    public const string LowBaseWarning = "low base: ±28 pts or worse";

    /// <summary>Classifies a sample size (for weighted data pass the Kish effective n, rounded down).</summary>
    /// <exception cref="ArgumentOutOfRangeException">n is negative.</exception>
    public static SampleBase Classify(long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return n switch
        {
            0 => SampleBase.None,
            < MinimumToShowScore => SampleBase.Hidden,
            < MinimumForFullBase => SampleBase.Low,
            _ => SampleBase.Ok,
        };
    }

    /// <summary>True when the score itself may be displayed (n ≥ 10).</summary>
    public static bool ShowsScore(this SampleBase sampleBase) => sampleBase is SampleBase.Low or SampleBase.Ok;

    /// <summary>Significance arrows are shown only if both groups have n ≥ 30.</summary>
    public static bool AllowsSignificance(long n1, long n2) => n1 >= MinimumForFullBase && n2 >= MinimumForFullBase;
}
