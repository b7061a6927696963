using Loopwise.Core.Text.Tokenization;

namespace Loopwise.Core.Text.Language;

/// <summary>Detects the language of a comment. Implementations are immutable and thread-safe.</summary>
public interface ILanguageDetector
{
    /// <summary>The language of <paramref name="text"/>, "und" when the text is too short or undecidable.</summary>
    LanguageDetection Detect(TokenizedText text);
}
