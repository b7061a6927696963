using System.Text.Json;

namespace Loopwise.Core.Surveys;

/// <summary>
/// Loopwise's own storage format for survey definitions and answer sets: camelCase JSON, enums as
/// camelCase strings, localized texts as <c>{"en": "...", "fr": "..."}</c>, null members omitted.
/// Reading is strict: unknown members, missing required members and nulls where none are allowed are errors.
/// Reading does not check survey rules: run <see cref="SurveyDefinitionValidator"/> afterwards.
/// </summary>
public static class SurveyJson
{
    /// <summary>The definition as JSON.</summary>
    public static string Serialize(SurveyDefinition definition) =>
        JsonSerializer.Serialize(definition, SurveyJsonContext.Default.SurveyDefinition);

    /// <summary>The answers as JSON.</summary>
    public static string Serialize(AnswerSet answers) =>
        JsonSerializer.Serialize(answers, SurveyJsonContext.Default.AnswerSet);

    /// <summary>Reads a definition.</summary>
    /// <exception cref="SurveyFormatException">The JSON is malformed or does not fit the format; carries the JSON path.</exception>
    public static SurveyDefinition Deserialize(string json) =>
        Read(json, static j => JsonSerializer.Deserialize(j, SurveyJsonContext.Default.SurveyDefinition));

    /// <summary>Reads an answer set.</summary>
    /// <exception cref="SurveyFormatException">The JSON is malformed or does not fit the format; carries the JSON path.</exception>
    public static AnswerSet DeserializeAnswers(string json) =>
        Read(json, static j => JsonSerializer.Deserialize(j, SurveyJsonContext.Default.AnswerSet));

    private static T Read<T>(string json, Func<string, T?> read)
        where T : class
    {
        try
        {
            return read(json) ?? throw new SurveyFormatException("The document is null.", "$");
        }
        catch (JsonException ex)
        {
            throw new SurveyFormatException(Describe(ex), ex.Path ?? "$", ex);
        }
    }

    // The serializer's message repeats the path and names internal types; keep what helps people.
    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return "The value has the wrong JSON type or is not one of the allowed names.";
        }

        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
