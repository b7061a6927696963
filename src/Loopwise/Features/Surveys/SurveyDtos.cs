using System.Text.Json;
using Loopwise.Features.Touchpoints;

namespace Loopwise.Features.Surveys;

/// <summary>Create a survey. <c>definition</c> is in Loopwise's format; when absent the survey starts blank.</summary>
public sealed record CreateSurveyRequest(string? Name, string? Kind, JsonElement? Definition);

/// <summary>Replace a definition. With <c>expectedVersion</c>, a concurrent edit is a 409 instead of an overwrite.</summary>
public sealed record UpdateDefinitionRequest(JsonElement? Definition, int? ExpectedVersion);

/// <summary>Import a SurveyJS survey: <c>surveyJs</c> is the SurveyJS JSON (an object, or a string holding it).</summary>
public sealed record ImportSurveyJsRequest(string? Name, string? Kind, JsonElement? SurveyJs);

public sealed record SurveySummaryDto(Guid Id, string Name, SurveyKind Kind, SurveyStatus Status, int Version, string LinkToken, long CompletedResponses, DateTime UpdatedAt);

/// <summary>Where to find related resources of a survey (absolute URLs).</summary>
public sealed record SurveyLinkRefs(string Self, string Public, string Links, string Qr, string ExportSurveyJs);

/// <summary>A survey with its definition in Loopwise's JSON format.</summary>
public sealed record SurveyDto(
    Guid Id,
    string Name,
    SurveyKind Kind,
    SurveyStatus Status,
    int Version,
    string LinkToken,
    JsonElement Definition,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    SurveyLinkRefs Links)
{
    public static SurveyDto From(Survey s, string origin, string workspaceSlug)
    {
        using var definition = JsonDocument.Parse(s.DefinitionJson);
        var self = $"{origin}/api/v1/surveys/{s.Id}";
        return new SurveyDto(
            s.Id, s.Name, s.Kind, s.Status, s.Version, s.LinkToken, definition.RootElement.Clone(), s.CreatedAt, s.UpdatedAt,
            new SurveyLinkRefs(self, SurveyLinks.Public(origin, workspaceSlug, s.LinkToken), self + "/links", self + "/qr.svg", self + "/export/surveyjs"));
    }
}

/// <summary>The created survey and everything in the SurveyJS document that was not carried over.</summary>
public sealed record SurveyImportDto(SurveyDto Survey, IReadOnlyList<string> Unmapped);

public sealed record TouchpointLinkDto(string TouchpointKey, string TouchpointName, Channel Channel, string Url, string Qr, string WidgetSnippet);

/// <summary>The survey-wide public link and one link per touchpoint, each with its QR code and widget snippet.</summary>
public sealed record SurveyLinksDto(Guid SurveyId, SurveyStatus Status, string Url, string Qr, string WidgetSnippet, IReadOnlyList<TouchpointLinkDto> Touchpoints);
