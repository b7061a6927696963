using Loopwise.Core.Text.Tokenization;

namespace Loopwise.Core.Text.Emotions;

/// <summary>Finds the emotions a comment expresses. Implementations are immutable and thread-safe.</summary>
public interface IEmotionTagger
{
    /// <summary>The emotions of <paramref name="text"/>, strongest first; empty when it expresses none.</summary>
    IReadOnlyList<EmotionScore> Tag(TokenizedText text);
}
