namespace Loopwise.Core.Drivers;

/// <summary>
/// The outcome of a key driver analysis. n, p and R² are always given next to the weights (cx-reference.md §5:
/// "always show n and R²"); when <see cref="Status"/> is not <see cref="DriverStatus.Ok"/>, <see cref="Drivers"/> is
/// empty and <see cref="Messages"/> says why.
/// </summary>
/// <param name="Status">Ok, or why no weights were produced.</param>
/// <param name="Responses">Responses given (rows), before listwise deletion.</param>
/// <param name="N">Complete cases used: responses with the outcome and every predictor in the model present.</param>
/// <param name="P">Predictors in the model (after dropped ones).</param>
/// <param name="RSquared">
/// The model R² on the complete cases; null when the model could not be fitted (no predictors, a constant outcome,
/// a singular R_xx). With <see cref="DriverStatus.InsufficientSample"/> it is still given when it can be fitted.
/// </param>
/// <param name="Predictors">The keys of the predictors in the model, in input order.</param>
/// <param name="Drivers">One row per predictor in the model, in input order; empty unless the status is Ok.</param>
/// <param name="Messages">Reasons, warnings and notes, in the order they arose.</param>
/// <param name="BootstrapResamples">Resamples that entered the intervals (0 when not bootstrapped).</param>
public sealed record DriverResult(
    DriverStatus Status,
    int Responses,
    int N,
    int P,
    double? RSquared,
    IReadOnlyList<string> Predictors,
    IReadOnlyList<DriverImportance> Drivers,
    IReadOnlyList<DriverMessage> Messages,
    int BootstrapResamples)
{
    /// <summary>The keys of predictors dropped from the model (zero variance or a rare flag), in the order they were dropped.</summary>
    public IReadOnlyList<string> Dropped => Messages
        .Where(m => m.Code is DriverMessageCode.ZeroVariance or DriverMessageCode.RareFlag && m.Predictor is not null)
        .Select(m => m.Predictor!)
        .ToArray();
}
