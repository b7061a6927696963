using System.Text.Json;
using Loopwise.Features.Users;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Loopwise.Features.CustomerHealth;

/// <summary>
/// Customer health (cx-reference.md §3): versioned weighted models, scoring runs and a customer's latest score. Reading
/// needs dashboards.read; adding a model version or running a scoring needs targets.write. Changes are audited.
/// </summary>
internal static class CustomerHealthApi
{
    public static RouteGroupBuilder MapCustomerHealthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/health").WithTags("Customer health").RequireAuthorization(Permissions.DashboardsRead);
        group.MapGet("/models", ListModelsAsync).WithName("ListHealthModels")
            .WithSummary("Each health model with the version in force today and its latest version number; the shipped default when the workspace has none.");
        group.MapGet("/models/{modelId}/versions", VersionsAsync).WithName("ListHealthModelVersions")
            .WithSummary("Every version of a health model, oldest first (append-only history).");
        group.MapPost("/models/{modelId}/versions", AddVersionAsync).WithName("AddHealthModelVersion").RequireAuthorization(Permissions.TargetsWrite)
            .WithSummary("Stores the next version of a model: {effectiveFrom, segmentFilter, components: [{signal, weight, normaliser: {kind, ...}}]}. Invalid models are refused with field paths such as components[1].weight.");
        group.MapPost("/score", ScoreAsync).WithName("ScoreCustomerHealth").RequireAuthorization(Permissions.TargetsWrite)
            .WithSummary("Scores every customer now with the model version in force today, stores the scores and returns the counts per band and with insufficient data.");
        group.MapGet("/customers/{externalId}", CustomerAsync).WithName("GetCustomerHealth")
            .WithSummary("A customer's latest stored health score with its contributions and the model version that produced it; ?model= picks a model.");
        return group;
    }

    private static async Task<Ok<List<HealthModelSummaryDto>>> ListModelsAsync(HealthModelStore models, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await models.ListCurrentAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct));

    private static async Task<Results<Ok<List<HealthModelVersionDto>>, ProblemHttpResult>> VersionsAsync(string modelId, HealthModelStore models, CancellationToken ct)
    {
        var result = await models.VersionsAsync(modelId, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
    }

    private static async Task<Results<Created<HealthModelVersionDto>, ProblemHttpResult>> AddVersionAsync(
        string modelId, JsonElement body, HealthModelStore models, HttpContext http, CancellationToken ct)
    {
        var result = await models.AddVersionAsync(modelId, body, http.User.Actor(), ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/health/models/{Uri.EscapeDataString(modelId)}/versions", result.Value!)
            : result.Error!.ToProblem();
    }

    private static async Task<Ok<HealthScoreRunDto>> ScoreAsync(HealthScoring scoring, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await scoring.ScoreAllAsync(http.User.Actor(), null, ct));

    private static async Task<Results<Ok<CustomerHealthDto>, ProblemHttpResult>> CustomerAsync(
        string externalId, string? model, HealthScoring scoring, CancellationToken ct)
    {
        var result = await scoring.LatestAsync(externalId, model, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
    }
}
