using System.Text.Json;
using Loopwise.Core.Surveys;
using Loopwise.Features.Touchpoints;
using Loopwise.Features.Users;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Loopwise.Features.Surveys;

internal static class SurveysApi
{
    /// <summary>Response header of the SurveyJS export: a JSON array (ASCII-escaped) of what SurveyJS cannot express.</summary>
    public const string UnmappedHeader = "Loopwise-Unmapped";

    public static RouteGroupBuilder MapSurveysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/surveys").WithTags("Surveys").RequireAuthorization(Permissions.SurveysRead);
        group.MapGet("/", ListAsync).WithName("ListSurveys").WithSummary("Lists the workspace's surveys, newest first.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetSurvey").WithSummary("Gets a survey: definition (Loopwise format), status, version and links.");
        group.MapPost("/", CreateAsync).WithName("CreateSurvey").WithSummary("Creates a draft survey (name, kind, optional definition).")
            .RequireAuthorization(Permissions.SurveysWrite);
        group.MapPut("/{id:guid}/definition", UpdateDefinitionAsync).WithName("UpdateSurveyDefinition")
            .WithSummary("Replaces the definition and bumps the version; answered questions cannot be removed or retyped.")
            .RequireAuthorization(Permissions.SurveysWrite);
        group.MapPost("/{id:guid}/publish", PublishAsync).WithName("PublishSurvey").WithSummary("Publishes (or reopens) a survey with a complete, valid definition.")
            .RequireAuthorization(Permissions.SurveysPublish);
        group.MapPost("/{id:guid}/close", CloseAsync).WithName("CloseSurvey").WithSummary("Closes a survey to new responses.")
            .RequireAuthorization(Permissions.SurveysPublish);
        group.MapPost("/import/surveyjs", ImportSurveyJsAsync).WithName("ImportSurveyJs")
            .WithSummary("Creates a draft from SurveyJS JSON; the response lists every unmapped part in 'unmapped'.")
            .RequireAuthorization(Permissions.SurveysWrite);
        group.MapGet("/{id:guid}/export/surveyjs", ExportSurveyJsAsync).WithName("ExportSurveyJs")
            .WithSummary($"The survey as SurveyJS JSON (body, as is); parts SurveyJS cannot express are in the {UnmappedHeader} header as a JSON array.");
        group.MapGet("/{id:guid}/links", LinksAsync).WithName("GetSurveyLinks")
            .WithSummary("Public links of the survey, one per touchpoint, with QR code URLs and the web widget snippet.");
        group.MapGet("/{id:guid}/qr.svg", QrAsync).WithName("GetSurveyQr").WithSummary("SVG QR code of the public link (?touchpoint=key for one touchpoint).");
        return group;
    }

    private static async Task<Ok<SurveySummaryDto[]>> ListAsync(SurveyService surveys, CancellationToken ct)
    {
        var counts = await surveys.CompletedCountsAsync(ct);
        var list = await surveys.ListAsync(ct);
        return TypedResults.Ok(list.Select(s => new SurveySummaryDto(
            s.Id, s.Name, s.Kind, s.Status, s.Version, s.LinkToken, counts.GetValueOrDefault(s.Id), s.UpdatedAt)).ToArray());
    }

    private static async Task<Results<Ok<SurveyDto>, ProblemHttpResult>> GetAsync(Guid id, SurveyService surveys, HttpRequest request, CancellationToken ct)
    {
        var result = await surveys.GetAsync(id, ct);
        return result.IsSuccess ? TypedResults.Ok(await ToDtoAsync(result.Value!, surveys, request, ct)) : result.Error!.ToProblem();
    }

    private static async Task<Results<Created<SurveyDto>, ProblemHttpResult>> CreateAsync(
        CreateSurveyRequest body, SurveyService surveys, HttpRequest request, CancellationToken ct)
    {
        var result = await surveys.CreateFromJsonAsync(body.Name, body.Kind, RawJson(body.Definition), request.HttpContext.User.Actor(), ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var dto = await ToDtoAsync(result.Value!, surveys, request, ct);
        return TypedResults.Created(dto.Links.Self, dto);
    }

    private static async Task<Results<Ok<SurveyDto>, ProblemHttpResult>> UpdateDefinitionAsync(
        Guid id, UpdateDefinitionRequest body, SurveyService surveys, HttpRequest request, CancellationToken ct)
    {
        if (RawJson(body.Definition) is not { } json)
        {
            return Error.Invalid.Field("definition", "Send the definition in Loopwise's format.").ToProblem();
        }

        var definition = SurveyService.ParseDefinition(json, null);
        if (!definition.IsSuccess)
        {
            return definition.Error!.ToProblem();
        }

        var result = await surveys.UpdateDefinitionAsync(id, definition.Value!, body.ExpectedVersion, request.HttpContext.User.Actor(), ct);
        return result.IsSuccess ? TypedResults.Ok(await ToDtoAsync(result.Value!, surveys, request, ct)) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<SurveyDto>, ProblemHttpResult>> PublishAsync(Guid id, SurveyService surveys, HttpRequest request, CancellationToken ct)
    {
        var result = await surveys.PublishAsync(id, request.HttpContext.User.Actor(), ct);
        return result.IsSuccess ? TypedResults.Ok(await ToDtoAsync(result.Value!, surveys, request, ct)) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<SurveyDto>, ProblemHttpResult>> CloseAsync(Guid id, SurveyService surveys, HttpRequest request, CancellationToken ct)
    {
        var result = await surveys.CloseAsync(id, request.HttpContext.User.Actor(), ct);
        return result.IsSuccess ? TypedResults.Ok(await ToDtoAsync(result.Value!, surveys, request, ct)) : result.Error!.ToProblem();
    }

    private static async Task<Results<Created<SurveyImportDto>, ProblemHttpResult>> ImportSurveyJsAsync(
        ImportSurveyJsRequest body, SurveyService surveys, HttpRequest request, CancellationToken ct)
    {
        var result = await surveys.ImportSurveyJsAsync(RawJson(body.SurveyJs), body.Name, body.Kind, request.HttpContext.User.Actor(), ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var dto = await ToDtoAsync(result.Value!.Survey, surveys, request, ct);
        return TypedResults.Created(dto.Links.Self, new SurveyImportDto(dto, result.Value.Unmapped));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ExportSurveyJsAsync(
        Guid id, SurveyService surveys, HttpResponse response, CancellationToken ct)
    {
        var result = await surveys.GetAsync(id, ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var exported = SurveyJsConverter.Export(SurveyService.DefinitionOf(result.Value!));
        response.Headers[UnmappedHeader] = UnmappedHeaderValue(exported.Unmapped);
        return TypedResults.Content(exported.Json, "application/json");
    }

    private static async Task<Results<Ok<SurveyLinksDto>, ProblemHttpResult>> LinksAsync(
        Guid id, SurveyService surveys, TouchpointService touchpoints, HttpRequest request, CancellationToken ct)
    {
        var result = await surveys.GetAsync(id, ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var slug = await surveys.WorkspaceSlugAsync(ct);
        return TypedResults.Ok(SurveyLinks.Build(SurveyLinks.OriginOf(request), slug, result.Value!, await touchpoints.ListAsync(ct)));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> QrAsync(
        Guid id, string? touchpoint, SurveyService surveys, TouchpointService touchpoints, HttpRequest request, CancellationToken ct)
    {
        var result = await surveys.GetAsync(id, ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        if (touchpoint is not null && await touchpoints.FindByKeyAsync(touchpoint, ct) is null)
        {
            return new Error.NotFound($"No touchpoint with key '{touchpoint}' in this workspace.").ToProblem();
        }

        var slug = await surveys.WorkspaceSlugAsync(ct);
        var url = SurveyLinks.Public(SurveyLinks.OriginOf(request), slug, result.Value!.LinkToken, touchpoint);
        return TypedResults.Content(SurveyLinks.QrSvg(url), "image/svg+xml");
    }

    /// <summary>JSON with every non-ASCII character escaped, so it is a valid HTTP header value.</summary>
    public static string UnmappedHeaderValue(IReadOnlyList<string> unmapped) => JsonSerializer.Serialize(unmapped);

    private static string? RawJson(JsonElement? element) => element switch
    {
        null => null,
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { ValueKind: JsonValueKind.String } e => e.GetString(),
        { } e => e.GetRawText(),
    };

    private static async Task<SurveyDto> ToDtoAsync(Survey survey, SurveyService surveys, HttpRequest request, CancellationToken ct) =>
        SurveyDto.From(survey, SurveyLinks.OriginOf(request), await surveys.WorkspaceSlugAsync(ct));
}
