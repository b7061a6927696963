using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Loopwise.Core.Text;

namespace Loopwise.Features.TextAnalytics;

/// <summary>
/// The compact JSON kept beside each comment's analysis: sentences <c>[[start, length, compound], ...]</c>, topics
/// <c>[{"key", "sentiment", "phrases": [[start, length], ...]}, ...]</c> and emotions <c>{"anger": intensity, ...}</c>.
/// Spans are in the redacted text, so a drill-down can highlight them without running the pipeline again.
/// </summary>
public static class AnalysisJson
{
    public static string Sentences(IReadOnlyList<SentenceAnalysis> sentences) => Write(json =>
    {
        json.WriteStartArray();
        foreach (var sentence in sentences)
        {
            json.WriteStartArray();
            json.WriteNumberValue(sentence.Span.Start);
            json.WriteNumberValue(sentence.Span.Length);
            json.WriteNumberValue(Math.Round(sentence.Sentiment.Compound, 4));
            json.WriteEndArray();
        }

        json.WriteEndArray();
    });

    public static string Topics(IReadOnlyList<TopicMatch> topics) => Write(json =>
    {
        json.WriteStartArray();
        foreach (var topic in topics)
        {
            json.WriteStartObject();
            json.WriteString("key"u8, topic.Key);
            json.WriteNumber("sentiment"u8, Math.Round(topic.Sentiment.Compound, 4));
            json.WriteStartArray("phrases"u8);
            foreach (var phrase in topic.Phrases)
            {
                json.WriteStartArray();
                json.WriteNumberValue(phrase.Start);
                json.WriteNumberValue(phrase.Length);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    public static string Emotions(IReadOnlyList<EmotionScore> emotions) => Write(json =>
    {
        json.WriteStartObject();
        foreach (var emotion in emotions)
        {
            json.WriteNumber(EmotionName(emotion.Emotion), Math.Round(emotion.Intensity, 4));
        }

        json.WriteEndObject();
    });

    public static string EmotionName(Emotion emotion) => emotion.ToString().ToLowerInvariant();

    public static string LabelName(SentimentLabel label) => label switch
    {
        SentimentLabel.Positive => "positive",
        SentimentLabel.Negative => "negative",
        _ => "neutral",
    };

    public static List<SentenceDto> ReadSentences(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(s => new SentenceDto(s[0].GetInt32(), s[1].GetInt32(), s[2].GetDouble()))];
    }

    public static List<CommentTopicDto> ReadTopics(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(t => new CommentTopicDto(
            t.GetProperty("key").GetString()!,
            t.GetProperty("sentiment").GetDouble(),
            [.. t.GetProperty("phrases").EnumerateArray().Select(p => new SpanDto(p[0].GetInt32(), p[1].GetInt32()))]))];
    }

    public static Dictionary<string, double> ReadEmotions(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal);
    }

    public static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
