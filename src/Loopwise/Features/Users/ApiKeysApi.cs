using System.ComponentModel.DataAnnotations;
using Loopwise.Data;
using Loopwise.Web;
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
        CreateApiKeyRequest request, ApiKeyService keys, WorkspaceScope scope, CancellationToken ct)
    {
        var result = await keys.CreateAsync(scope.WorkspaceId, request.Name, request.Scopes, ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/api-keys/{result.Value!.Id}", result.Value)
            : result.Error!.ToProblem();
    }

    private static async Task<Results<NoContent, NotFound>> RevokeAsync(Guid id, LoopwiseDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await db.Set<ApiKey>().Where(k => k.Id == id && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), ct);
        return updated == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }
}
