using Loopwise.Features.Users;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Loopwise.Features.Initiatives;

internal static class InitiativesApi
{
    public static RouteGroupBuilder MapInitiativesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/initiatives").WithTags("Initiatives").RequireAuthorization(Permissions.CasesRead);
        group.MapGet("/", async (InitiativeService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(ct)))
            .WithName("ListInitiatives").WithSummary("The improvement portfolio, highest expected impact per person-day first (measured ones last).");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetInitiative")
            .WithSummary("One initiative with the cases linked by its root cause and, once delivered, its KPI before and after the delivery day.");
        group.MapPost("/", CreateAsync).WithName("CreateInitiative").RequireAuthorization(Permissions.InitiativesWrite)
            .WithSummary("Creates an initiative {title, description?, ownerUserId?, rootCause?, touchpointKey?, kpi, expectedImpact, effort} in status Proposed.");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateInitiative").RequireAuthorization(Permissions.InitiativesWrite)
            .WithSummary("Changes an initiative's fields (with its version to detect concurrent edits).");
        group.MapPost("/{id:guid}/status", StatusAsync).WithName("ChangeInitiativeStatus").RequireAuthorization(Permissions.InitiativesWrite)
            .WithSummary("Moves an initiative one step on {status: Approved|InProgress|Delivered|Measured, deliveredOn?}; Measured stores the before/after comparison.");
        return group;
    }

    private static async Task<Results<Ok<InitiativeDto>, ProblemHttpResult>> GetAsync(Guid id, InitiativeService s, CancellationToken ct) =>
        Respond(await s.GetAsync(id, ct));

    private static async Task<Results<Created<InitiativeDto>, ProblemHttpResult>> CreateAsync(InitiativeInput body, InitiativeService s, HttpContext http, CancellationToken ct)
    {
        var result = await s.CreateAsync(body, http.User.Actor(), ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/initiatives/{result.Value!.Id}", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<InitiativeDto>, ProblemHttpResult>> UpdateAsync(Guid id, InitiativeInput body, InitiativeService s, HttpContext http, CancellationToken ct) =>
        Respond(await s.UpdateAsync(id, body, http.User.Actor(), ct));

    private static async Task<Results<Ok<InitiativeDto>, ProblemHttpResult>> StatusAsync(Guid id, InitiativeStatusInput body, InitiativeService s, HttpContext http, CancellationToken ct) =>
        Respond(await s.ChangeStatusAsync(id, body, http.User.Actor(), ct));

    private static Results<Ok<InitiativeDto>, ProblemHttpResult> Respond(Result<InitiativeDto> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
}
