using System.Linq.Expressions;
using Loopwise.Features.Users;
using Loopwise.Web.Auth;

namespace Loopwise.Features.Cases;

/// <summary>
/// Which cases the caller may see (cx-reference.md §11: a Responder reads and works "own cases"; scope checks run in
/// the query, not the view). A person whose only case-reading role is Responder sees the cases they own and the
/// unassigned ones (the queue they pick from); everyone else, API keys and background jobs see the workspace's cases.
/// </summary>
public sealed class CaseVisibility(IHttpContextAccessor http)
{
    /// <summary>The user the caller is limited to, or null when not limited.</summary>
    public Guid? OwnOnly
    {
        get
        {
            var user = http.HttpContext?.User;
            if (user?.UserId() is not { } me)
            {
                return null;
            }

            var roles = user.FindAll(LoopwiseClaims.Role).Select(c => Enum.TryParse<Role>(c.Value, out var r) ? r : (Role?)null).OfType<Role>().ToList();
            var limited = roles.Contains(Role.Responder)
                && !roles.Any(r => r != Role.Responder && Permissions.ForRole(r).Contains(Permissions.CasesRead));
            return limited ? me : null;
        }
    }

    /// <summary>The filter to put on every case query answering the caller.</summary>
    public Expression<Func<Case, bool>> Filter => OwnOnly is { } me ? c => c.OwnerUserId == me || c.OwnerUserId == null : c => true;
}
