namespace Loopwise.Core.Drivers;

/// <summary>
/// Guards and settings of a key driver analysis. The defaults are cx-reference.md §5: complete cases ≥ 15·p
/// (Harrell's m/15), ≥ 30 ones per flag, VIF flagged above 5, singular R_xx refused, a bootstrap 90% interval
/// from 200 resamples, and the exact Shapley decomposition alongside for p ≤ 12.
/// </summary>
public sealed record DriverOptions
{
    /// <summary>The default options.</summary>
    public static DriverOptions Default { get; } = new();

    /// <summary>Complete cases needed per predictor in the model; fewer suppresses the output.</summary>
    public int CasesPerPredictor { get; init; } = 15;

    /// <summary>
    /// A flag needs at least this many ones (mentions) and this many zeros among the complete cases; otherwise it is
    /// dropped from the model with a message.
    /// </summary>
    public int MinimumFlagCount { get; init; } = 30;

    /// <summary>A predictor with VIF above this is flagged as collinear (a warning; the analysis still runs).</summary>
    public double VifThreshold { get; init; } = 5.0;

    /// <summary>R_xx is refused as singular when its smallest eigenvalue is ≤ this times its largest.</summary>
    public double SingularityTolerance { get; init; } = RelativeWeights.DefaultSingularityTolerance;

    /// <summary>Bootstrap resamples for the weight intervals (0: no intervals). Needs a <see cref="Random"/> too.</summary>
    public int BootstrapResamples { get; init; } = 200;

    /// <summary>Coverage of the bootstrap percentile interval (0.90: the 5th and 95th percentiles).</summary>
    public double BootstrapConfidence { get; init; } = 0.90;

    /// <summary>Also compute the exact Shapley (LMG) decomposition when p ≤ <see cref="Shapley.MaxPredictors"/>.</summary>
    public bool IncludeShapley { get; init; } = true;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CasesPerPredictor);
        ArgumentOutOfRangeException.ThrowIfNegative(MinimumFlagCount);
        ArgumentOutOfRangeException.ThrowIfNegative(BootstrapResamples);
        if (!(VifThreshold > 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(VifThreshold), VifThreshold, "A VIF threshold must exceed 1.");
        }

        if (!(SingularityTolerance > 0.0 && SingularityTolerance < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(SingularityTolerance), SingularityTolerance, "The tolerance must lie in (0, 1).");
        }

        if (!(BootstrapConfidence > 0.0 && BootstrapConfidence < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(BootstrapConfidence), BootstrapConfidence, "The confidence must lie in (0, 1).");
        }
    }
}
