using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Loopwise.Core.Kpis;

namespace Loopwise.Features.Targets;

/// <summary>
/// The stored JSON of a target entry, in the spelling of the cx-reference.md §10 YAML (snake_case fields, operators
/// as symbols, enum values in snake_case), written with <see cref="Utf8JsonWriter"/> and read with
/// <see cref="JsonDocument"/> (no reflection, AOT-safe). Example:
/// <c>{"benchmark":{"op":"between","low":70,"high":75},"action":{"op":"&lt;","value":65},"enabled":true,"derived":false,"settings":{"variant":"repeat_contact","window_days":7}}</c>.
/// </summary>
public static class KpiTargetJson
{
    // Stored and audited text, never written into HTML unencoded: keep "<" and ">" readable instead of \u003C.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(KpiTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            WriteThreshold(json, "target", target.Target);
            WriteThreshold(json, "benchmark", target.Benchmark);
            WriteThreshold(json, "action", target.Action);
            if (target.MinN is { } minN)
            {
                json.WriteNumber("min_n", minN);
            }

            if (target.Frequency is { } frequency)
            {
                json.WriteString("frequency", Snake(frequency));
            }

            json.WriteBoolean("enabled", target.Enabled);
            json.WriteBoolean("derived", target.Derived);
            WriteIfSet(json, "note", target.Note);
            WriteIfSet(json, "label_at_target", target.LabelAtTarget);
            WriteIfSet(json, "scale", target.ScaleId);
            var s = target.Settings;
            if (s != KpiTargetSettings.None)
            {
                json.WriteStartObject("settings");
                if (s.Variant is { } variant)
                {
                    json.WriteString("variant", Snake(variant));
                }

                if (s.WindowDays is { } days)
                {
                    json.WriteNumber("window_days", days);
                }

                if (s.Clock is { } clock)
                {
                    json.WriteString("clock", Snake(clock));
                }

                if (s.ShortAbandonSeconds is { } seconds)
                {
                    json.WriteNumber("short_abandon_seconds", seconds);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads an entry written by <see cref="Write"/> for <paramref name="id"/>.</summary>
    /// <exception cref="JsonException">The text is not such an entry.</exception>
    public static KpiTarget Read(KpiId id, string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A target entry is a JSON object.");
        }

        var settings = KpiTargetSettings.None;
        if (root.TryGetProperty("settings", out var s) && s.ValueKind == JsonValueKind.Object)
        {
            settings = new KpiTargetSettings(
                Variant: String(s, "variant") is { } v ? ParseSnake<FcrVariant>(v) ?? throw new JsonException($"Unknown variant '{v}'.") : null,
                WindowDays: s.TryGetProperty("window_days", out var days) ? days.GetInt32() : null,
                Clock: String(s, "clock") is { } c ? ParseSnake<ResponseClock>(c) ?? throw new JsonException($"Unknown clock '{c}'.") : null,
                ShortAbandonSeconds: s.TryGetProperty("short_abandon_seconds", out var seconds) ? seconds.GetDouble() : null);
        }

        return new KpiTarget(
            id,
            Target: ReadThreshold(root, "target"),
            Benchmark: ReadThreshold(root, "benchmark"),
            Action: ReadThreshold(root, "action"),
            MinN: root.TryGetProperty("min_n", out var minN) ? minN.GetInt32() : null,
            Frequency: String(root, "frequency") is { } f ? ParseSnake<KpiFrequency>(f) ?? throw new JsonException($"Unknown frequency '{f}'.") : null,
            Enabled: !root.TryGetProperty("enabled", out var enabled) || enabled.GetBoolean(),
            Derived: root.TryGetProperty("derived", out var derived) && derived.GetBoolean(),
            Note: String(root, "note"),
            LabelAtTarget: String(root, "label_at_target"),
            ScaleId: String(root, "scale"),
            Settings: settings);
    }

    /// <summary>snake_case of an enum value: <c>RepeatContact</c> → <c>repeat_contact</c>.</summary>
    public static string Snake<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    /// <summary>The enum value whose <see cref="Snake{T}"/> spelling is <paramref name="text"/>, or null.</summary>
    public static T? ParseSnake<T>(string text)
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(Snake(value), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteThreshold(Utf8JsonWriter json, string name, KpiThreshold? threshold)
    {
        if (threshold is null)
        {
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("op", KpiThreshold.Symbol(threshold.Operator));
        if (threshold.Value is { } value)
        {
            json.WriteNumber("value", value);
        }

        if (threshold.Low is { } low)
        {
            json.WriteNumber("low", low);
        }

        if (threshold.High is { } high)
        {
            json.WriteNumber("high", high);
        }

        json.WriteEndObject();
    }

    private static KpiThreshold? ReadThreshold(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var t) || t.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var op = String(t, "op") ?? throw new JsonException($"{name}.op is missing.");
        return new KpiThreshold(
            KpiThreshold.ParseOperator(op) ?? throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"Unknown operator '{op}'.")),
            Number(t, "value"),
            Number(t, "low"),
            Number(t, "high"));
    }

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
