using System.Security.Claims;
using System.Text.Encodings.Web;
using Loopwise.Features.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Loopwise.Web.Auth;

/// <summary>Authenticates machine clients by <c>Authorization: Bearer lw_...</c> or <c>X-Api-Key</c>.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public static string? ReadKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var header) && header.Count > 0)
        {
            return header[0];
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ReadKey(Request);
        if (string.IsNullOrEmpty(presented))
        {
            return AuthenticateResult.NoResult();
        }

        var key = await keys.VerifyAsync(presented, Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("Invalid or revoked API key.");
        }

        var claims = new List<Claim>
        {
            new(LoopwiseClaims.Workspace, key.WorkspaceId.ToString()),
            new(LoopwiseClaims.ApiKey, key.Id.ToString()),
            new(ClaimTypes.Name, $"key:{key.Name}"),
        };
        claims.AddRange(key.ScopeList.Where(Permissions.IsKnown).Select(p => new Claim(Permissions.ClaimType, p)));
        var identity = new ClaimsIdentity(claims, Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
