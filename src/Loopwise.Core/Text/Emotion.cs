namespace Loopwise.Core.Text;

/// <summary>The emotions Loopwise tags in customer comments (a CX lexicon of our own, not NRC EmoLex).</summary>
public enum Emotion
{
    Anger,
    Frustration,
    Joy,
    Trust,
    Sadness,
    Surprise,
    Confusion,
    Gratitude,
}
