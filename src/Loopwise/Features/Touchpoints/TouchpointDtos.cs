namespace Loopwise.Features.Touchpoints;

/// <summary>
/// What a person or a client sends to create or change a touchpoint. Channel is a string so that an unknown
/// channel comes back as a validation problem on <c>channel</c>, like every other field.
/// </summary>
public sealed record TouchpointInput(string? Key, string? Name, string? Channel, string? JourneyStage);

/// <summary>A touchpoint as the API returns it.</summary>
public sealed record TouchpointDto(Guid Id, string Key, string Name, Channel Channel, string? JourneyStage, DateTime CreatedAt)
{
    public static TouchpointDto From(Touchpoint t) => new(t.Id, t.Key, t.Name, t.Channel, t.JourneyStage, t.CreatedAt);
}
