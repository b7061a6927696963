using Loopwise.Data;
using Loopwise.Features.Workspaces;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SurveyEntity = Loopwise.Features.Surveys.Survey;

namespace Loopwise.Features.Respond;

/// <summary>
/// <c>/s/{linkToken}</c>, the form the embeddable widget opens (it knows the survey's token, not the workspace):
/// finds the one workspace holding that token and redirects to the full link, keeping the query string.
/// </summary>
[AllowAnonymous]
public sealed class ShortLinkModel(IServiceScopeFactory scopes) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "linkToken")]
    public string LinkToken { get; set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await using var services = scopes.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<LoopwiseDbContext>();

        // Anonymous resolution of a public token to its workspace: the only cross-tenant read, and it reads the slug only.
        var slugs = await db.Set<SurveyEntity>().IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.LinkToken == LinkToken)
            .Join(db.Set<Workspace>(), s => s.WorkspaceId, w => w.Id, (s, w) => w.Slug)
            .Take(2).ToListAsync(ct);
        if (slugs.Count != 1)
        {
            return NotFound();
        }

        return Redirect($"/s/{slugs[0]}/{LinkToken}{Request.QueryString}");
    }
}
