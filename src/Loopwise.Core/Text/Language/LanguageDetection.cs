namespace Loopwise.Core.Text.Language;

/// <summary>
/// A detected language: an ISO 639-1 code, or "und" when undetermined. <paramref name="Supported"/> tells whether the
/// sentiment, emotion and topic lexicons (English) apply: true for English and for undetermined Latin-script text
/// (mostly short English such as "Great service!"), false for any other detected language or script.
/// </summary>
public readonly record struct LanguageDetection(string Language, bool Supported)
{
    /// <summary>The code for an undetermined language (ISO 639-2).</summary>
    public const string Undetermined = "und";
}
