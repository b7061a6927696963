namespace Loopwise.Core.Drivers;

/// <summary>What a <see cref="DriverMessage"/> reports.</summary>
public enum DriverMessageCode
{
    /// <summary>Responses with a missing value were left out (listwise deletion). Information.</summary>
    MissingData,

    /// <summary>A predictor does not vary across the complete cases and was dropped from the model.</summary>
    ZeroVariance,

    /// <summary>A flag has fewer ones or zeros than the minimum and was dropped from the model.</summary>
    RareFlag,

    /// <summary>A predictor's VIF exceeds the threshold: its weight is shared with correlated predictors. Warning.</summary>
    HighVif,

    /// <summary>Too few complete cases for the number of predictors: output suppressed.</summary>
    InsufficientSample,

    /// <summary>No predictor is left in the model.</summary>
    NoPredictors,

    /// <summary>The outcome is constant over the complete cases.</summary>
    ConstantOutcome,

    /// <summary>R_xx is singular or not positive definite; names the predictors involved in the dependency.</summary>
    Singular,

    /// <summary>The exact Shapley decomposition was skipped because p exceeds its maximum. Information.</summary>
    ShapleySkipped,

    /// <summary>Too many bootstrap resamples could not be fitted (constant or collinear in the resample): no intervals.</summary>
    BootstrapUnstable,
}
