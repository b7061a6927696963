using Loopwise.Core.Metrics;

namespace Loopwise.Core.Drivers;

/// <summary>
/// One predictor's importance in a key driver analysis (cx-reference.md §5), with its performance, ready for an
/// importance–performance quadrant (x = <see cref="Importance"/>, y = <see cref="Performance"/>). Every figure comes
/// from the same complete cases.
/// </summary>
/// <param name="Key">The predictor key.</param>
/// <param name="Kind">Rating or flag.</param>
/// <param name="Sign">
/// The direction of the driver: the sign of the bivariate correlation r(xⱼ, y) (+1, −1, or 0 when r = 0). Relative
/// weights are unsigned, and the sign of an OLS beta can flip under collinearity, so the sign shown is the one a
/// reader checks against the raw data: "more of xⱼ goes with a higher (or lower) outcome".
/// </param>
/// <param name="RawWeight">Johnson's εⱼ: the share of R² attributed to the predictor (the raw weights sum to R²).</param>
/// <param name="RescaledWeight">100·εⱼ/R²: percent of the explained variance (sums to 100 over the model).</param>
/// <param name="RescaledInterval">Bootstrap percentile interval of <see cref="RescaledWeight"/> (90% by default), or null when not bootstrapped.</param>
/// <param name="ShapleyWeight">The exact Shapley/LMG share Iⱼ of R², or null when not computed (p &gt; 12 or not requested).</param>
/// <param name="ShapleyRescaled">100·Iⱼ/R², or null when not computed.</param>
/// <param name="PearsonR">The bivariate correlation r(xⱼ, y).</param>
/// <param name="OlsBeta">The standardised multiple-regression coefficient (R_xx⁻¹·r_xy)ⱼ, for comparison only.</param>
/// <param name="Vif">VIFⱼ = 1/(1 − Rⱼ²) = (R_xx⁻¹)ⱼⱼ.</param>
/// <param name="HighVif">True when <see cref="Vif"/> exceeds the threshold of the options (5 by default).</param>
/// <param name="Mean">The predictor's mean over the complete cases (for a flag: the share of responses mentioning it).</param>
/// <param name="TopBoxShare">The share of complete cases at or above the variable's top-box minimum, or null when none was set.</param>
public sealed record DriverImportance(
    string Key,
    DriverVariableKind Kind,
    int Sign,
    double RawWeight,
    double RescaledWeight,
    Interval? RescaledInterval,
    double? ShapleyWeight,
    double? ShapleyRescaled,
    double PearsonR,
    double OlsBeta,
    double Vif,
    bool HighVif,
    double Mean,
    double? TopBoxShare)
{
    /// <summary>The quadrant's x: the rescaled weight in percent of R².</summary>
    public double Importance => RescaledWeight;

    /// <summary>The quadrant's y: the top-box share when a top box was defined, else the mean.</summary>
    public double Performance => TopBoxShare ?? Mean;
}
