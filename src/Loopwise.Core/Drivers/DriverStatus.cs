namespace Loopwise.Core.Drivers;

/// <summary>Whether a key driver analysis produced weights, and if not, why.</summary>
public enum DriverStatus
{
    /// <summary>Weights were computed (warnings such as high VIF may still be in the messages).</summary>
    Ok,

    /// <summary>Fewer complete cases than 15·p: the weights are suppressed (n and, when it can be fitted, R² are still given).</summary>
    InsufficientSample,

    /// <summary>No predictor is left after dropping zero-variance predictors and rare flags.</summary>
    NoPredictors,

    /// <summary>The outcome does not vary across the complete cases, so nothing can explain it.</summary>
    ConstantOutcome,

    /// <summary>R_xx is singular or not positive definite (exact collinearity): the analysis refuses to run.</summary>
    Singular,
}
