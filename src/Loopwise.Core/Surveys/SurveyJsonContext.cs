using System.Text.Json;
using System.Text.Json.Serialization;

namespace Loopwise.Core.Surveys;

/// <summary>Source-generated (reflection-free, AOT-safe) serialization of the survey storage format.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DictionaryKeyPolicy = JsonKnownNamingPolicy.Unspecified,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    WriteIndented = false,
    Converters = [typeof(CamelCaseEnumConverter<QuestionType>), typeof(CamelCaseEnumConverter<ConditionOperator>)])]
[JsonSerializable(typeof(SurveyDefinition))]
[JsonSerializable(typeof(AnswerSet))]
internal sealed partial class SurveyJsonContext : JsonSerializerContext;

/// <summary>Enums as camelCase names (<c>singleChoice</c>); numbers are rejected.</summary>
internal sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
