using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Loopwise.Features.Users;

[AllowAnonymous]
public sealed class SignInModel(UserService users) : PageModel
{
    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your password.")]
        public string Password { get; set; } = string.Empty;
    }

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var signedIn = await users.SignInAsync(Input.Email, Input.Password, workspaceSlug: null, ct);
        if (signedIn is null)
        {
            ModelState.AddModelError(string.Empty, "That e-mail and password do not match an account with access to a workspace.");
            return Page();
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, signedIn.User.DisplayName),
            new(ClaimTypes.Email, signedIn.User.Email),
            new(LoopwiseClaims.User, signedIn.User.Id.ToString()),
            new(LoopwiseClaims.Workspace, signedIn.Workspace.Id.ToString()),
        };
        var permissions = Permissions.ForRoles(signedIn.Roles).ToList();
        claims.AddRange(signedIn.Roles.Select(r => new Claim(LoopwiseClaims.Role, r.ToString())));
        claims.AddRange(permissions.Select(p => new Claim(Permissions.ClaimType, p)));
        await HttpContext.SignInAsync(AuthSchemes.Cookie, new ClaimsPrincipal(new ClaimsIdentity(claims, AuthSchemes.Cookie)));
        // "/" is where the sign-in redirect sends everyone who opened the home page: it means "the start", so it lands
        // where this person starts.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl : LandingPage(permissions));
    }

    /// <summary>
    /// Where a sign-in without a return URL (or returning to "/") lands: the case inbox for people who work cases and read no dashboards
    /// (a Responder), the overview for everyone else.
    /// </summary>
    public static string LandingPage(IReadOnlyCollection<string> permissions)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        return permissions.Contains(Permissions.CasesRead) && !permissions.Contains(Permissions.DashboardsRead) ? "/cases" : "/";
    }
}
