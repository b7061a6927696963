using System.Text.RegularExpressions;
using Loopwise.Data;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Workspaces;

public sealed partial class WorkspaceService(LoopwiseDbContext db, TimeProvider clock)
{
    public async Task<Result<Workspace>> CreateAsync(string slug, string name, CancellationToken ct)
    {
        slug = slug.Trim().ToLowerInvariant();
        if (!SlugPattern().IsMatch(slug))
        {
            return Error.Invalid.Field("slug", "Use 2 to 64 lower-case letters, digits or dashes, starting with a letter.");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return Error.Invalid.Field("name", "A workspace needs a name.");
        }

        if (await db.Set<Workspace>().AnyAsync(w => w.Slug == slug, ct))
        {
            return new Error.Conflict($"A workspace with slug '{slug}' already exists.");
        }

        var workspace = new Workspace { Id = Guid.CreateVersion7(), Slug = slug, Name = name.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(workspace);
        await db.SaveChangesAsync(ct);
        return workspace;
    }

    public Task<Workspace?> FindBySlugAsync(string slug, CancellationToken ct) =>
        db.Set<Workspace>().FirstOrDefaultAsync(w => w.Slug == slug, ct);

    [GeneratedRegex("^[a-z][a-z0-9-]{1,63}$")]
    private static partial Regex SlugPattern();
}
