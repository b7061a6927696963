using Loopwise.Features.Users;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Loopwise.Features.Touchpoints;

internal static class TouchpointsApi
{
    public static RouteGroupBuilder MapTouchpointsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/touchpoints").WithTags("Touchpoints").RequireAuthorization(Permissions.SurveysRead);
        group.MapGet("/", ListAsync).WithName("ListTouchpoints").WithSummary("Lists the workspace's touchpoints by key.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetTouchpoint").WithSummary("Gets one touchpoint.");
        group.MapPost("/", CreateAsync).WithName("CreateTouchpoint").WithSummary("Creates a touchpoint; its key must be unique in the workspace.")
            .RequireAuthorization(Permissions.TouchpointsWrite);
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateTouchpoint").WithSummary("Changes a touchpoint's key, name, channel or journey stage.")
            .RequireAuthorization(Permissions.TouchpointsWrite);
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteTouchpoint").WithSummary("Deletes a touchpoint no response or invitation refers to (409 otherwise).")
            .RequireAuthorization(Permissions.TouchpointsWrite);
        return group;
    }

    private static async Task<Ok<TouchpointDto[]>> ListAsync(TouchpointService touchpoints, CancellationToken ct) =>
        TypedResults.Ok((await touchpoints.ListAsync(ct)).Select(TouchpointDto.From).ToArray());

    private static async Task<Results<Ok<TouchpointDto>, ProblemHttpResult>> GetAsync(Guid id, TouchpointService touchpoints, CancellationToken ct)
    {
        var result = await touchpoints.GetAsync(id, ct);
        return result.IsSuccess ? TypedResults.Ok(TouchpointDto.From(result.Value!)) : result.Error!.ToProblem();
    }

    private static async Task<Results<Created<TouchpointDto>, ProblemHttpResult>> CreateAsync(
        TouchpointInput input, TouchpointService touchpoints, HttpContext http, CancellationToken ct)
    {
        var result = await touchpoints.CreateAsync(input, http.User.Actor(), ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/touchpoints/{result.Value!.Id}", TouchpointDto.From(result.Value))
            : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<TouchpointDto>, ProblemHttpResult>> UpdateAsync(
        Guid id, TouchpointInput input, TouchpointService touchpoints, HttpContext http, CancellationToken ct)
    {
        var result = await touchpoints.UpdateAsync(id, input, http.User.Actor(), ct);
        return result.IsSuccess ? TypedResults.Ok(TouchpointDto.From(result.Value!)) : result.Error!.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, TouchpointService touchpoints, HttpContext http, CancellationToken ct)
    {
        var result = await touchpoints.DeleteAsync(id, http.User.Actor(), ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem();
    }
}
