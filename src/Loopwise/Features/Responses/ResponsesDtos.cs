using System.Text.Json;
using System.Text.Json.Serialization;

namespace Loopwise.Features.Responses;

/// <summary>One response sent to the API. Only <see cref="Answers"/> is required.</summary>
/// <param name="Answers">Answer per question id: a number (ratings), a string (text, or one choice value or label) or an array of strings (choices).</param>
/// <param name="TouchpointKey">Key of the touchpoint the response came through, if any.</param>
/// <param name="CustomerExternalId">The workspace's own customer id; an unknown id creates the customer.</param>
/// <param name="Language">Language the survey was answered in; default: the survey's default language.</param>
/// <param name="StartedAt">When the respondent started; default: <paramref name="CompletedAt"/>.</param>
/// <param name="CompletedAt">When the response was submitted; default: now.</param>
/// <param name="Channel">How the response arrived; default <c>Api</c>.</param>
/// <param name="ExternalId">The sender's id for the response; a second response with the same id is refused.</param>
public sealed record ResponseInput(
    Dictionary<string, AnswerInput>? Answers,
    string? TouchpointKey = null,
    string? CustomerExternalId = null,
    string? Language = null,
    DateTime? StartedAt = null,
    DateTime? CompletedAt = null,
    DistributionChannel? Channel = null,
    string? ExternalId = null);

/// <summary>Up to <see cref="IngestResponses.MaxBatchSize"/> responses stored together: all of them or none.</summary>
public sealed record ResponseBatchInput(List<ResponseInput>? Responses);

/// <summary>The stored response.</summary>
public sealed record CreatedResponse(Guid Id);

/// <summary>The stored responses, in the order sent.</summary>
public sealed record CreatedResponses(int Accepted, IReadOnlyList<Guid> Ids);

/// <summary>One answer as sent: a JSON number, string or array of strings.</summary>
[JsonConverter(typeof(AnswerInputJsonConverter))]
public sealed record AnswerInput(double? Number = null, string? Text = null, IReadOnlyList<string>? Choices = null)
{
    public static AnswerInput Of(double number) => new(Number: number);

    public static AnswerInput Of(string text) => new(Text: text);

    public static AnswerInput Of(params string[] choices) => new(Choices: choices);
}

/// <summary>Reads an answer without building a JsonElement per value (a batch holds tens of thousands).</summary>
internal sealed class AnswerInputJsonConverter : JsonConverter<AnswerInput>
{
    public override AnswerInput? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return new AnswerInput(Number: reader.GetDouble());
            case JsonTokenType.String:
                return new AnswerInput(Text: reader.GetString());
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartArray:
                var choices = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    choices.Add(reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString()!,
                        JsonTokenType.Number => reader.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture),
                        _ => throw new JsonException("A choice answer is an array of strings."),
                    });
                }

                return new AnswerInput(Choices: choices);
            default:
                throw new JsonException("An answer is a number, a string or an array of strings.");
        }
    }

    public override void Write(Utf8JsonWriter writer, AnswerInput value, JsonSerializerOptions options)
    {
        if (value.Number is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else if (value.Choices is { } choices)
        {
            writer.WriteStartArray();
            foreach (var choice in choices)
            {
                writer.WriteStringValue(choice);
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteStringValue(value.Text);
        }
    }
}
