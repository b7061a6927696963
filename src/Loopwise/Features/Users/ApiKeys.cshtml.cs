using Loopwise.Data;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Users;

[Authorize(Policy = Permissions.KeysManage)]
public sealed class ApiKeysModel(ApiKeyService keys, LoopwiseDbContext db, WorkspaceScope scope) : PageModel
{
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    public ApiKeyService.CreatedKey? Created { get; private set; }

    [BindProperty]
    public string Name { get; set; } = string.Empty;

    [BindProperty]
    public List<string> Scopes { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var result = await keys.CreateAsync(scope.WorkspaceId, Name, Scopes, ct, User.Actor());
        if (result.IsSuccess)
        {
            Created = result.Value;
            Name = string.Empty;
            Scopes = [];
        }
        else
        {
            result.Error!.AddTo(ModelState);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        TempData["Flash"] = await keys.RevokeAsync(id, User.Actor(), ct) ? "Key revoked." : "That key was not found or is already revoked.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Keys = await db.Set<ApiKey>().AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(ct);
}
