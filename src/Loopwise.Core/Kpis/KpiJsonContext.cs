using System.Text.Json;
using System.Text.Json.Serialization;
using Loopwise.Core.Surveys;

namespace Loopwise.Core.Kpis;

/// <summary>Source-generated (reflection-free, AOT-safe) serialization of stored KPI configuration.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    WriteIndented = false,
    Converters = [typeof(CamelCaseEnumConverter<ShareUnit>)])]
[JsonSerializable(typeof(HealthModel))]
[JsonSerializable(typeof(HealthBands))]
internal sealed partial class KpiJsonContext : JsonSerializerContext;
