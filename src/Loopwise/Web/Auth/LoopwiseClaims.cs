using System.Security.Claims;

namespace Loopwise.Web.Auth;

/// <summary>Claim types of a Loopwise principal (a signed-in user or an API key).</summary>
public static class LoopwiseClaims
{
    public const string Workspace = "lw:ws";
    public const string User = "lw:user";
    public const string ApiKey = "lw:key";
    public const string Role = "lw:role";

    public static Guid? WorkspaceId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(Workspace), out var id) ? id : null;

    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(User), out var id) ? id : null;

    /// <summary>"user:{id}", "key:{id}" for the audit log.</summary>
    public static string Actor(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(User) is { } user ? $"user:{user}"
        : principal.FindFirstValue(ApiKey) is { } key ? $"key:{key}"
        : "anonymous";
}
