using Loopwise.Data;
using Loopwise.Features.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Loopwise.Web.Auth;

internal static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddLoopwiseAuth(this IServiceCollection services)
    {
        services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "Cookie or API key", o =>
                o.ForwardDefaultSelector = context => ApiKeyAuthenticationHandler.ReadKey(context.Request) is null ? AuthSchemes.Cookie : AuthSchemes.ApiKey)
            .AddCookie(AuthSchemes.Cookie, o =>
            {
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.AccessDeniedPath = "/denied";
                o.Cookie.Name = "loopwise";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                // The API answers 401/403 with ProblemDetails; only pages redirect to the sign-in page.
                o.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, _ => { });

        services.AddAuthorization(o =>
        {
            foreach (var permission in Permissions.All)
            {
                o.AddPolicy(permission, p => p.RequireAuthenticatedUser().RequireClaim(Permissions.ClaimType, permission));
            }

            o.AddPolicy(Policies.Member, p => p.RequireAuthenticatedUser().RequireClaim(LoopwiseClaims.Workspace));
        });
        return services;
    }

    private static Task Challenge(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context.HttpContext,
                ProblemDetails = { Status = status, Title = status == 401 ? "Sign in or send an API key" : "Not allowed" },
            }).AsTask();
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Fills the scoped <see cref="WorkspaceScope"/> from the authenticated principal, once per request.</summary>
    public static IApplicationBuilder UseWorkspaceScope(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.WorkspaceId() is { } workspaceId)
            {
                context.RequestServices.GetRequiredService<WorkspaceScope>().Set(workspaceId, context.User.UserId());
            }

            await next(context);
        });
}

/// <summary>Policies beyond the per-capability ones.</summary>
public static class Policies
{
    /// <summary>Any signed-in member of a workspace (or key), whatever the role.</summary>
    public const string Member = "member";
}
