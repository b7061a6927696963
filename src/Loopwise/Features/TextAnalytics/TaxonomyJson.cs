using System.Text.Json;
using System.Text.Json.Serialization;
using Loopwise.Core.Text.Topics;

namespace Loopwise.Features.TextAnalytics;

/// <summary>The stored and exchanged form of a taxonomy: <c>[{key, name, rule}, ...]</c>.</summary>
public static class TaxonomyJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static string Serialize(IReadOnlyList<TopicDefinition> topics) =>
        JsonSerializer.Serialize(topics.Select(t => new TopicDto(t.Key, t.Name, t.Rule)).ToList(), Options);

    public static List<TopicDefinition> Deserialize(string json) =>
        [.. (JsonSerializer.Deserialize<List<TopicDto>>(json, Options) ?? []).Select(t => t.ToDefinition())];
}

/// <summary>One topic as the API and the editor exchange it.</summary>
public sealed record TopicDto(string Key, string Name, string Rule)
{
    public TopicDefinition ToDefinition() => new(Key ?? "", Name ?? "", Rule ?? "");
}
