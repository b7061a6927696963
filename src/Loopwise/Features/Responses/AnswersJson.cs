using System.Buffers;
using System.Text;
using System.Text.Json;
using Loopwise.Core.Surveys;

namespace Loopwise.Features.Responses;

/// <summary>
/// Writes an <see cref="AnswerSet"/> in the storage format of <see cref="SurveyJson"/>, compactly (no indentation)
/// and without the serializer's metadata walk: it runs once per stored response. <see cref="SurveyJson.DeserializeAnswers"/>
/// reads it back (tested).
/// </summary>
public static class AnswersJson
{
    public static string Serialize(AnswerSet answers)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("answers"u8);
            foreach (var (id, value) in answers.Answers)
            {
                json.WriteStartObject(id);
                if (value.Number is { } number)
                {
                    json.WriteNumber("number"u8, number);
                }

                if (value.Choices is { } choices)
                {
                    json.WriteStartArray("choices"u8);
                    foreach (var choice in choices)
                    {
                        json.WriteStringValue(choice);
                    }

                    json.WriteEndArray();
                }

                if (value.Text is { } text)
                {
                    json.WriteString("text"u8, text);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
