using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loopwise.Core.Surveys;

/// <summary>Small readers for SurveyJS JSON nodes.</summary>
internal static class SurveyJsNodes
{
    internal static string Label(string path, JsonObject element)
    {
        var type = String(element["type"]);
        var name = String(element["name"]);
        return type is null && name is null ? path
            : type is null ? $"{path} (\"{name}\")"
            : $"{path} ({type} \"{name}\")";
    }

    internal static string ToId(string name)
    {
        var id = new StringBuilder(name.Length);
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            id.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-' ? c : '_');
        }

        return id.ToString();
    }

    internal static string? String(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    internal static int? Integer(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) ? number : null;

    /// <summary>A string, number or boolean as the invariant string SurveyJS would compare.</summary>
    internal static string? Scalar(JsonNode? node) =>
        node is not JsonValue value ? null
        : value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.TryGetValue<long>(out var whole)
                ? whole.ToString(CultureInfo.InvariantCulture)
                : value.GetValue<double>().ToString(CultureInfo.InvariantCulture),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
}
