using System.Text.Json.Serialization;

namespace Loopwise.Core.Surveys;

/// <summary>
/// A text in one or more languages (language tag → text). Language tags are matched
/// case-insensitively; blank texts count as missing.
/// </summary>
[JsonConverter(typeof(LocalizedTextJsonConverter))]
public sealed class LocalizedText : IEquatable<LocalizedText>
{
    private readonly Dictionary<string, string> _values;

    /// <summary>A text in a single language.</summary>
    /// <param name="language">Language tag, e.g. <c>en</c>.</param>
    /// <param name="text">The text.</param>
    public LocalizedText(string language, string text)
    {
        _values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [language] = text };
    }

    /// <summary>A text in several languages. A later duplicate language tag replaces an earlier one.</summary>
    public LocalizedText(IEnumerable<KeyValuePair<string, string>> values)
    {
        _values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (language, text) in values)
        {
            _values[language] = text;
        }
    }

    /// <summary>The texts by language tag, in insertion order.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>The language tags present, including those whose text is blank.</summary>
    public IEnumerable<string> Languages => _values.Keys;

    /// <summary>True when a non-blank text exists for exactly <paramref name="language"/>.</summary>
    public bool Has(string language) =>
        _values.TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text);

    /// <summary>
    /// The text to show in <paramref name="language"/>: that language, else its primary subtag
    /// (<c>fr-CA</c> → <c>fr</c>), else <paramref name="fallbackLanguage"/> (and its primary subtag),
    /// else the first non-blank text. Empty string when there is no text at all.
    /// </summary>
    public string Get(string language, string fallbackLanguage)
    {
        foreach (var candidate in Candidates(language, fallbackLanguage))
        {
            if (_values.TryGetValue(candidate, out var text) && !string.IsNullOrWhiteSpace(text))
            {
                return text;
            }
        }

        return _values.Values.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) ?? string.Empty;
    }

    /// <summary>A copy with <paramref name="text"/> set for <paramref name="language"/>.</summary>
    public LocalizedText With(string language, string text) =>
        new(_values.Where(kv => !string.Equals(kv.Key, language, StringComparison.OrdinalIgnoreCase))
            .Append(new KeyValuePair<string, string>(language, text)));

    /// <inheritdoc />
    public bool Equals(LocalizedText? other)
    {
        if (other is null)
        {
            return false;
        }

        return ReferenceEquals(this, other)
            || (_values.Count == other._values.Count
                && _values.All(kv => other._values.TryGetValue(kv.Key, out var text) && string.Equals(text, kv.Value, StringComparison.Ordinal)));
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LocalizedText);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        // Order-independent, so that equal texts built in different orders hash alike.
        var hash = 0;
        foreach (var (language, text) in _values)
        {
            hash ^= HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(language), StringComparer.Ordinal.GetHashCode(text));
        }

        return hash;
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(", ", _values.Select(kv => kv.Key + ": " + kv.Value));

    private static IEnumerable<string> Candidates(string language, string fallbackLanguage)
    {
        yield return language;
        yield return PrimarySubtag(language);
        yield return fallbackLanguage;
        yield return PrimarySubtag(fallbackLanguage);
    }

    private static string PrimarySubtag(string language)
    {
        var dash = language.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? language[..dash] : language;
    }
}
