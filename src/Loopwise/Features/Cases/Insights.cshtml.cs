using Loopwise.Data;
using Loopwise.Features.Initiatives;
using Loopwise.Features.Kpis;
using Loopwise.Features.Touchpoints;
using Loopwise.Features.Users;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Cases;

/// <summary>
/// The closed-loop dashboard (issue 5, item 6): the inner loop's KPIs (time to first contact, resolved within SLA,
/// detractor recovery), the outer loop's root-cause view, and the improvement initiatives, with a form that turns a
/// root cause into an initiative and buttons that move initiatives on.
/// </summary>
[Authorize(Policy = Permissions.CasesRead)]
public sealed class ClosedLoopInsightsModel(LoopwiseDbContext db, ClosedLoopQuery query, InitiativeService initiatives) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty]
    public InitiativeForm Form { get; set; } = new();

    public ClosedLoopDto? Insights { get; private set; }

    public IReadOnlyList<InitiativeDto> Initiatives { get; private set; } = [];

    public IReadOnlyList<Touchpoint> Touchpoints { get; private set; } = [];

    public bool CanWriteInitiatives => User.HasClaim(Permissions.ClaimType, Permissions.InitiativesWrite);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Creates an initiative (from a root cause when the form came from its row).</summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!CanWriteInitiatives)
        {
            return Forbid();
        }

        var result = await initiatives.CreateAsync(
            new InitiativeInput(Form.Title, Form.Description, User.UserId(), Form.RootCause, Form.Touchpoint, Form.Kpi, Form.ExpectedImpact, Form.Effort),
            User.Actor(), ct);
        if (!result.IsSuccess)
        {
            result.Error!.AddTo(ModelState, "Form");
            await LoadAsync(ct);
            return Page();
        }

        TempData["Flash"] = $"Initiative “{result.Value!.Title}” proposed.";
        return Redirect(Url.Page("/Cases/Insights", new { from = From, to = To }) + "#initiatives");
    }

    /// <summary>Moves an initiative one step on.</summary>
    public async Task<IActionResult> OnPostAdvanceAsync(Guid id, string status, CancellationToken ct)
    {
        if (!CanWriteInitiatives)
        {
            return Forbid();
        }

        var result = await initiatives.ChangeStatusAsync(id, new InitiativeStatusInput(status), User.Actor(), ct);
        TempData["Flash"] = result.IsSuccess ? $"“{result.Value!.Title}” is now {InitiativeLabel(result.Value.Status)}." : result.Error!.Message;
        return Redirect(Url.Page("/Cases/Insights", new { from = From, to = To }) + "#initiatives");
    }

    public static string InitiativeLabel(InitiativeStatus status) => status switch
    {
        InitiativeStatus.InProgress => "in progress",
        _ => status.ToString().ToLowerInvariant(),
    };

    public string? ErrorOf(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private async Task LoadAsync(CancellationToken ct)
    {
        Touchpoints = await db.Set<Touchpoint>().AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        var result = await query.HandleAsync(From, To, ct);
        if (result.IsSuccess)
        {
            Insights = result.Value!;
        }
        else
        {
            result.Error!.AddTo(ModelState);
        }

        Initiatives = await initiatives.ListAsync(ct);
    }

    public sealed class InitiativeForm
    {
        public string? Title { get; set; }

        public string? Description { get; set; }

        public string? RootCause { get; set; }

        public string? Touchpoint { get; set; }

        public string? Kpi { get; set; } = SurveyKpis.TransactionalNps.Id;

        public double? ExpectedImpact { get; set; }

        public double? Effort { get; set; }
    }
}
