using Loopwise.Data;
using Loopwise.Features.Workspaces;
using Loopwise.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Users;

/// <summary>Adds people to workspaces and checks their passwords (ASP.NET Core's <see cref="PasswordHasher{TUser}"/>).</summary>
public sealed class UserService(LoopwiseDbContext db, TimeProvider clock)
{
    private static readonly PasswordHasher<User> Hasher = new();

    public const int MinimumPasswordLength = 10;

    public sealed record SignedIn(User User, Workspace Workspace, IReadOnlyList<Role> Roles);

    /// <summary>Creates the user if new (or updates the password when given), and grants <paramref name="roles"/> in the workspace.</summary>
    public async Task<Result<User>> AddAsync(Guid workspaceId, string email, string displayName, string password, IReadOnlyList<Role> roles, CancellationToken ct)
    {
        email = email.Trim().ToLowerInvariant();
        if (!email.Contains('@', StringComparison.Ordinal) || email.Length > 320)
        {
            return Error.Invalid.Field("email", "Enter a valid e-mail address.");
        }

        if (password.Length < MinimumPasswordLength)
        {
            return Error.Invalid.Field("password", $"Use a password of at least {MinimumPasswordLength} characters.");
        }

        if (roles.Count == 0)
        {
            return Error.Invalid.Field("roles", "Give the user at least one role.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = await db.Set<User>().FirstOrDefaultAsync(u => u.Email == email, ct);
        if (user is null)
        {
            user = new User { Id = Guid.CreateVersion7(), Email = email, DisplayName = displayName.Trim(), PasswordHash = string.Empty, CreatedAt = now };
            db.Add(user);
        }

        user.PasswordHash = Hasher.HashPassword(user, password);
        var existing = await db.Set<Membership>().IgnoreQueryFilters()
            .Where(m => m.WorkspaceId == workspaceId && m.UserId == user.Id)
            .Select(m => m.Role).ToListAsync(ct);
        foreach (var role in roles.Except(existing))
        {
            db.Add(new Membership { WorkspaceId = workspaceId, UserId = user.Id, Role = role, CreatedAt = now });
        }

        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>Checks the password and returns the user's first workspace (or <paramref name="workspaceSlug"/>) with its roles.</summary>
    public async Task<SignedIn?> SignInAsync(string email, string password, string? workspaceSlug, CancellationToken ct)
    {
        email = email.Trim().ToLowerInvariant();
        var user = await db.Set<User>().FirstOrDefaultAsync(u => u.Email == email, ct);
        if (user is null || Hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            return null;
        }

        var memberships = await db.Set<Membership>().IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == user.Id)
            .Join(db.Set<Workspace>(), m => m.WorkspaceId, w => w.Id, (m, w) => new { m.Role, Workspace = w })
            .ToListAsync(ct);
        var chosen = memberships
            .Where(m => workspaceSlug is null || m.Workspace.Slug == workspaceSlug)
            .OrderBy(m => m.Workspace.CreatedAt)
            .Select(m => m.Workspace)
            .FirstOrDefault();
        return chosen is null
            ? null
            : new SignedIn(user, chosen, memberships.Where(m => m.Workspace.Id == chosen.Id).Select(m => m.Role).ToList());
    }
}
