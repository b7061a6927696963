using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Loopwise.Data;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Users;

internal static class ApiKeysApi
{
    public sealed record CreateApiKeyRequest([property: Required, StringLength(200, MinimumLength = 1)] string Name, [property: Required] string[] Scopes);

    public sealed record ApiKeyItem(Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTime CreatedAt, DateTime? RevokedAt);

    public static RouteGroupBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/api-keys").WithTags("API keys").RequireAuthorization(Permissions.KeysManage);
        group.MapGet("/", ListAsync).WithName("ListApiKeys").WithSummary("Lists the workspace's API keys (never their secrets).");
        group.MapPost("/", CreateAsync).WithName("CreateApiKey").WithSummary("Creates a key; the secret is in this response only.");
        group.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeApiKey").WithSummary("Revokes a key at once.");
        return group;
    }

    private static async Task<Ok<ApiKeyItem[]>> ListAsync(LoopwiseDbContext db, CancellationToken ct)
    {
        var keys = await db.Set<ApiKey>().AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(keys.Select(k => new ApiKeyItem(k.Id, k.Name, k.Prefix, k.ScopeList, k.CreatedAt, k.RevokedAt)).ToArray());
    }

    private static async Task<Results<Created<ApiKeyService.CreatedKey>, ProblemHttpResult>> CreateAsync(
        CreateApiKeyRequest request, ApiKeyService keys, WorkspaceScope scope, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await keys.CreateAsync(scope.WorkspaceId, request.Name, request.Scopes, ct, user.Actor());
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/api-keys/{result.Value!.Id}", result.Value)
            : result.Error!.ToProblem();
    }

    private static async Task<Results<NoContent, NotFound>> RevokeAsync(Guid id, ApiKeyService keys, ClaimsPrincipal user, CancellationToken ct) =>
        await keys.RevokeAsync(id, user.Actor(), ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
