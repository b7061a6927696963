namespace Loopwise.Core.Text;

/// <summary>An emotion found in a comment: how many cues expressed it and their summed, rule-adjusted intensity.</summary>
public readonly record struct EmotionScore(Emotion Emotion, int Cues, double Intensity);
