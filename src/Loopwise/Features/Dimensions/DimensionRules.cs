using System.Text.Json;

namespace Loopwise.Features.Dimensions;

/// <summary>What a dimension and its values may be, and how a customer's attributes become a response's snapshot.</summary>
public static class DimensionRules
{
    public const int MaxDimensions = 8;
    public const int MaxAttributeLength = 64;
    public const int MaxValueLength = 100;

    /// <summary>Lower-case letters, digits and underscores, starting with a letter (the key in customers' attributes).</summary>
    public static bool IsValidAttribute(string attribute) =>
        attribute.Length is > 0 and <= MaxAttributeLength && attribute[0] is >= 'a' and <= 'z'
        && attribute.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

    /// <summary>
    /// The values of <paramref name="dimensions"/> in a customer's attributes (a JSON object): trimmed, cut to
    /// <see cref="MaxValueLength"/>, blanks and non-strings left out. Null when nothing is left.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? Snapshot(string? attributesJson, IReadOnlyList<string> dimensions)
    {
        if (string.IsNullOrWhiteSpace(attributesJson) || dimensions.Count == 0)
        {
            return null;
        }

        Dictionary<string, string>? values = null;
        try
        {
            using var document = JsonDocument.Parse(attributesJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var dimension in dimensions)
            {
                if (document.RootElement.TryGetProperty(dimension, out var element)
                    && element.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
                    && (element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText())?.Trim() is { Length: > 0 } text)
                {
                    values ??= new Dictionary<string, string>(StringComparer.Ordinal);
                    values[dimension] = text.Length > MaxValueLength ? text[..MaxValueLength] : text;
                }
            }
        }
        catch (JsonException)
        {
            return null; // attributes are validated when stored; an unreadable value slices as "unknown"
        }

        return values;
    }

    /// <summary>The snapshot as stored in <c>responses.dimensions_json</c>: a JSON object with keys in ordinal order.</summary>
    public static string? Serialize(IReadOnlyDictionary<string, string>? snapshot)
    {
        if (snapshot is null || snapshot.Count == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in snapshot.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
