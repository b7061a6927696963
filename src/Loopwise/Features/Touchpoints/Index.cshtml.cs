using Loopwise.Features.Users;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Loopwise.Features.Touchpoints;

[Authorize(Policy = Permissions.SurveysRead)]
public sealed class IndexModel(TouchpointService touchpoints) : PageModel
{
    public sealed class TouchpointForm
    {
        public Guid? Id { get; set; }

        public string? Key { get; set; }

        public string? Name { get; set; }

        public string? Channel { get; set; } = nameof(Touchpoints.Channel.Web);

        public string? JourneyStage { get; set; }
    }

    [BindProperty]
    public TouchpointForm Input { get; set; } = new();

    public IReadOnlyList<Touchpoint> Items { get; private set; } = [];

    public bool CanWrite => User.HasClaim(Permissions.ClaimType, Permissions.TouchpointsWrite);

    public async Task<IActionResult> OnGetAsync(Guid? edit, CancellationToken ct)
    {
        if (edit is { } id)
        {
            var found = await touchpoints.GetAsync(id, ct);
            if (!found.IsSuccess)
            {
                return NotFound();
            }

            var t = found.Value!;
            Input = new TouchpointForm { Id = t.Id, Key = t.Key, Name = t.Name, Channel = t.Channel.ToString(), JourneyStage = t.JourneyStage };
        }

        Items = await touchpoints.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        var input = new TouchpointInput(Input.Key, Input.Name, Input.Channel, Input.JourneyStage);
        var result = Input.Id is { } id
            ? await touchpoints.UpdateAsync(id, input, User.Actor(), ct)
            : await touchpoints.CreateAsync(input, User.Actor(), ct);
        if (!result.IsSuccess)
        {
            // Conflicts (a duplicate key) belong beside the key field.
            if (result.Error is Error.Conflict conflict)
            {
                ModelState.AddModelError("Input.Key", conflict.Message);
            }
            else
            {
                result.Error!.AddTo(ModelState, "Input");
            }

            Items = await touchpoints.ListAsync(ct);
            return Page();
        }

        TempData["Flash"] = Input.Id is null ? $"Touchpoint '{result.Value!.Key}' created." : $"Touchpoint '{result.Value!.Key}' saved.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        var result = await touchpoints.DeleteAsync(id, User.Actor(), ct);
        TempData["Flash"] = result.IsSuccess ? $"Touchpoint '{result.Value!.Key}' deleted." : result.Error!.Message;
        return RedirectToPage();
    }
}
