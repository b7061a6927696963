using System.Text.Json;

namespace Loopwise.Core.Kpis;

/// <summary>
/// The storage format of a <see cref="HealthModel"/> (cx-reference.md §3): camelCase JSON, normalisers tagged by a
/// <c>kind</c> discriminator that comes first in their object (<c>minMax</c>, <c>reversedMinMax</c>, <c>bands</c>,
/// <c>nps</c>, <c>csatPercent</c>, <c>cesEffort1To5</c>, <c>cesAgree1To7</c>). Reflection-free (AOT-safe).
/// </summary>
public static class HealthModelJson
{
    /// <summary>The model as compact JSON.</summary>
    public static string Serialize(HealthModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return JsonSerializer.Serialize(model, KpiJsonContext.Default.HealthModel);
    }

    /// <summary>
    /// Reads a model; returns null and a readable <paramref name="error"/> for malformed JSON or unknown members.
    /// The result is not validated: call <see cref="HealthModel.Validate"/> on it.
    /// </summary>
    public static HealthModel? Parse(string json, out string? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var model = JsonSerializer.Deserialize(json, KpiJsonContext.Default.HealthModel);
            error = model is null ? "The JSON is null, not a health model." : null;
            return model;
        }
        catch (JsonException exception)
        {
            error = exception.Message;
            return null;
        }
    }
}
