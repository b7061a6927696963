namespace Loopwise.Core.Drivers;

/// <summary>What a driver predictor measures, which decides the guards it must pass (cx-reference.md §5).</summary>
public enum DriverVariableKind
{
    /// <summary>A rating or other numeric score (attribute rating, sentiment); performance is its mean or top-box share.</summary>
    Rating,

    /// <summary>A 0/1 flag (a topic mentioned or not); needs enough ones and zeros, and performance is the share of ones.</summary>
    Flag,
}
