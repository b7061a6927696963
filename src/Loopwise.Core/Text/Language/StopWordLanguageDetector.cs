using System.Collections.Frozen;
using Loopwise.Core.Text.Tokenization;

namespace Loopwise.Core.Text.Language;

/// <summary>
/// Tells English from French, Spanish, German, Italian, Portuguese and Dutch with our own stop-word profiles
/// (stopwords.tsv) and letters particular to a language (ñ, ß, ã, ç, ...), and recognises non-Latin scripts. Each
/// word counts for every profile that lists it, in proportion (a word of 3 profiles adds 1/3 to each). A language
/// is detected when it has at least 2 points and 1.5 times the points of the next one; otherwise the text is "und".
/// </summary>
public sealed class StopWordLanguageDetector : ILanguageDetector
{
    /// <summary>The shared instance (the detector is immutable).</summary>
    public static StopWordLanguageDetector Instance { get; } = new();

    /// <summary>The minimum points of the detected language.</summary>
    public const double MinimumPoints = 2.0;

    /// <summary>How many times the next language's points the detected language needs.</summary>
    public const double Margin = 1.5;

    private const string English = "en";

    private readonly string[] _languages;
    private readonly FrozenDictionary<string, int> _profiles;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Loads the embedded profiles.</summary>
    public StopWordLanguageDetector()
    {
        var rows = EmbeddedTable.Read("stopwords.tsv");
        var languages = new List<string>();
        var masks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var l = languages.IndexOf(row[0]);
            if (l < 0)
            {
                l = languages.Count;
                languages.Add(row[0]);
            }

            foreach (var word in row[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                masks[word] = (masks.TryGetValue(word, out var mask) ? mask : 0) | (1 << l);
            }
        }

        _languages = [.. languages];
        _profiles = masks.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = _profiles.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The languages this detector tells apart (ISO 639-1).</summary>
    public IReadOnlyList<string> Languages => _languages;

    /// <inheritdoc />
    public LanguageDetection Detect(TokenizedText text)
    {
        if (Script(text.Text) is { } script)
        {
            return new LanguageDetection(script, false);
        }

        Span<double> points = stackalloc double[_languages.Length];
        points.Clear();
        foreach (var token in text.TokenSpan)
        {
            if (token.Kind == TokenKind.Word && _lookup.TryGetValue(text.LowerOf(token), out var mask))
            {
                var share = 1.0 / int.PopCount(mask);
                for (var l = 0; l < points.Length; l++)
                {
                    points[l] += (mask & (1 << l)) != 0 ? share : 0;
                }
            }
        }

        AddLetters(text.Lower, points);

        int best = 0, second = -1;
        for (var l = 1; l < points.Length; l++)
        {
            if (points[l] > points[best])
            {
                second = best;
                best = l;
            }
            else if (second < 0 || points[l] > points[second])
            {
                second = l;
            }
        }

        var runnerUp = second < 0 ? 0 : points[second];
        if (points[best] < MinimumPoints || points[best] < Margin * runnerUp)
        {
            return new LanguageDetection(LanguageDetection.Undetermined, true);
        }

        var language = _languages[best];
        return new LanguageDetection(language, language == English);
    }

    /// <summary>Letters that belong to few of the profiles add points (at most 3 per language).</summary>
    private void AddLetters(ReadOnlySpan<char> lower, Span<double> points)
    {
        Span<double> letters = stackalloc double[points.Length];
        letters.Clear();
        foreach (var c in lower)
        {
            if (c < 0xC0)
            {
                continue;
            }

            switch (c)
            {
                case 'ñ' or '¿' or '¡':
                    Add(letters, "es", 1);
                    break;
                case 'ß':
                    Add(letters, "de", 1);
                    break;
                case 'ä' or 'ö' or 'ü':
                    Add(letters, "de", 0.7);
                    break;
                case 'ã' or 'õ':
                    Add(letters, "pt", 1);
                    break;
                case 'ç':
                    Add(letters, "fr", 0.5);
                    Add(letters, "pt", 0.5);
                    break;
                case 'è' or 'ù':
                    Add(letters, "fr", 0.5);
                    Add(letters, "it", 0.5);
                    break;
                case 'ê' or 'â' or 'ô':
                    Add(letters, "fr", 0.4);
                    Add(letters, "pt", 0.4);
                    break;
                case 'î' or 'û' or 'ë' or 'ï' or 'œ':
                    Add(letters, "fr", 0.6);
                    break;
                case 'ì' or 'ò':
                    Add(letters, "it", 0.8);
                    break;
                case 'á' or 'í' or 'ó' or 'ú':
                    Add(letters, "es", 0.3);
                    Add(letters, "pt", 0.3);
                    break;
                default:
                    break;
            }
        }

        for (var l = 0; l < points.Length; l++)
        {
            points[l] += Math.Min(letters[l], 3.0);
        }
    }

    private void Add(Span<double> letters, string language, double amount)
    {
        var l = Array.IndexOf(_languages, language);
        if (l >= 0)
        {
            letters[l] += amount;
        }
    }

    /// <summary>The language of a text written mostly in a non-Latin script, "und" when the script has many; null for Latin text.</summary>
    private static string? Script(string text)
    {
        int latin = 0, other = 0;
        int cyrillic = 0, greek = 0, arabic = 0, hebrew = 0, han = 0, kana = 0, hangul = 0, thai = 0, devanagari = 0;
        bool russian = false, ukrainian = false;
        foreach (var c in text)
        {
            if (c < 0x80)
            {
                latin += char.IsAsciiLetter(c) ? 1 : 0;
                continue;
            }

            if (!char.IsLetter(c))
            {
                continue;
            }

            switch (c)
            {
                case < '\u0250' or (>= '\u1E00' and <= '\u1EFF'):
                    latin++;
                    continue;
                case >= '\u0370' and <= '\u03FF':
                    greek++;
                    break;
                case >= '\u0400' and <= '\u04FF':
                    cyrillic++;
                    russian |= c is 'ы' or 'э' or 'ъ' or 'Ы' or 'Э';
                    ukrainian |= c is 'і' or 'ї' or 'є' or 'ґ' or 'І' or 'Ї' or 'Є';
                    break;
                case >= '\u0590' and <= '\u05FF':
                    hebrew++;
                    break;
                case >= '\u0600' and <= '\u06FF':
                    arabic++;
                    break;
                case >= '\u0900' and <= '\u097F':
                    devanagari++;
                    break;
                case >= '\u0E00' and <= '\u0E7F':
                    thai++;
                    break;
                case >= '\u3040' and <= '\u30FF':
                    kana++;
                    break;
                case (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF'):
                    han++;
                    break;
                case >= '\uAC00' and <= '\uD7AF':
                    hangul++;
                    break;
                default:
                    break;
            }

            other++;
        }

        if (other <= latin)
        {
            return null;
        }

        var half = other / 2;
        return kana > 0 && kana + han >= half ? "ja"
            : han >= half ? "zh"
            : hangul >= half ? "ko"
            : greek >= half ? "el"
            : hebrew >= half ? "he"
            : arabic >= half ? "ar"
            : thai >= half ? "th"
            : devanagari >= half ? "hi"
            : cyrillic >= half && russian && !ukrainian ? "ru"
            : cyrillic >= half && ukrainian && !russian ? "uk"
            : LanguageDetection.Undetermined;
    }
}
