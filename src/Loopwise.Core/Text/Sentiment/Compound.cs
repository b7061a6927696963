namespace Loopwise.Core.Text.Sentiment;

/// <summary>The compound normalisation of cx-reference §6.</summary>
public static class Compound
{
    /// <summary>The α of the normalisation.</summary>
    public const double Alpha = 15;

    /// <summary>x/√(x² + α), clipped to [−1, 1]: 1, 2, 3, 4 give .2500, .4588, .6124, .7184.</summary>
    public static double Normalize(double sum) => Math.Clamp(sum / Math.Sqrt((sum * sum) + Alpha), -1.0, 1.0);
}
