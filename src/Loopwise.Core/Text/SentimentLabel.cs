namespace Loopwise.Core.Text;

/// <summary>The three sentiment classes: compound ≥ 0.05 is positive, ≤ −0.05 negative, between them neutral (cx-reference §6).</summary>
public enum SentimentLabel
{
    Negative,
    Neutral,
    Positive,
}
