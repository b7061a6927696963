using System.Globalization;
using Loopwise.Core.Cases;
using Loopwise.Data;
using Loopwise.Features.Users;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Cases;

/// <summary>
/// The case owners' inbox (issue 5): my open cases, the ones due within 4 hours, the breached ones, and for
/// people who run the team (cases.configure, or any CX role that is not a Responder) the unassigned queue and every
/// open case. Each card's primary action is the one-click acknowledge (a plain form that htmx upgrades to update the
/// card in place) or "Open".
/// </summary>
[Authorize(Policy = Permissions.CasesRead)]
public sealed class CasesInboxModel(CaseQueries queries, CaseService cases, LoopwiseDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The inbox's views: key, tab label, and what it lists.</summary>
    public static IReadOnlyList<(string Key, string Label, string Caption)> Views { get; } =
    [
        ("mine", "My cases", "My open cases, most urgent first"),
        ("due", "Due soon", "My open cases due within 4 hours"),
        ("breached", "Breached", "My open cases past an SLA target"),
        ("unassigned", "Unassigned", "Open cases nobody owns yet"),
        ("all", "All open", "Every open case, most urgent first"),
    ];

    [BindProperty(SupportsGet = true)]
    public string? View { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public CasePageDto? Result { get; private set; }

    public IReadOnlyList<CaseCardView> Cards { get; private set; } = [];

    public string CurrentView => Views.Any(v => v.Key == View && Visible(v.Key)) ? View! : "mine";

    /// <summary>
    /// Unassigned and All open: for people with cases.configure, or who read cases through a role other than
    /// Responder (a CX role); a person who is only a Responder sees their own lists.
    /// </summary>
    public bool ShowsTeamViews =>
        User.HasClaim(Permissions.ClaimType, Permissions.CasesConfigure)
        || User.FindAll(LoopwiseClaims.Role).Any(c => Enum.TryParse<Role>(c.Value, out var role) && role != Role.Responder
            && Permissions.ForRole(role).Contains(Permissions.CasesRead));

    public bool CanWork => User.HasClaim(Permissions.ClaimType, Permissions.CasesWork);

    public IEnumerable<(string Key, string Label, string Caption)> VisibleViews => Views.Where(v => Visible(v.Key));

    /// <summary>
    /// The team views for team-view people; Unassigned also for everyone who works cases, since a team whose cases wait
    /// in a shared queue relies on its members acknowledging them from there.
    /// </summary>
    private bool Visible(string key) =>
        !IsTeamView(key) || ShowsTeamViews || (key == "unassigned" && User.HasClaim(Permissions.ClaimType, Permissions.CasesWork));

    public string Caption => Views.Single(v => v.Key == CurrentView).Caption;

    public static string InboxUrl(string view, int page = 1) =>
        "/cases" + QueryString.Create(new KeyValuePair<string, string?>[]
        {
            new("view", view == "mine" ? null : view), new("p", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null),
        }.Where(p => p.Value is not null));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (owner, sla) = CurrentView switch
        {
            "due" => ("me", "due_soon"),
            "breached" => ("me", "breached"),
            "unassigned" => ("none", (string?)null),
            "all" => ("any", null),
            _ => ("me", null),
        };
        var result = await queries.ListAsync(owner, "open", sla, User.UserId(), Math.Max(1, PageNumber ?? 1), PageSize, ct);
        if (!result.IsSuccess)
        {
            result.Error!.AddTo(ModelState);
            return Page();
        }

        Result = result.Value!;
        var now = clock.GetUtcNow().UtcDateTime;
        var unacknowledged = await UnacknowledgedAsync([.. Result.Cases.Select(c => c.Id)], ct);
        Cards = [.. Result.Cases.Select(c => new CaseCardView(c, CanAcknowledge(c, unacknowledged.Contains(c.Id)), CurrentView, now))];
        return Page();
    }

    /// <summary>
    /// The one-click acknowledge: a New case becomes Assigned to the person acknowledging; an assigned case of theirs
    /// is marked acknowledged. htmx gets the card back (with the outcome in words); a plain form post goes back to the inbox.
    /// </summary>
    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, int? version, CancellationToken ct)
    {
        var htmx = Request.Headers.ContainsKey("HX-Request");
        if (!CanWork)
        {
            return Forbid();
        }

        var acted = await cases.ActAsync(id, new CaseActionRequest(nameof(CaseAction.Acknowledge), Version: version), User.Actor(), User.UserId(), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (acted.IsSuccess)
        {
            var c = acted.Value!.Case;
            var message = $"Case #{c.Number.ToString(CultureInfo.InvariantCulture)} acknowledged: it is {(c.Owner?.Id == User.UserId() ? "yours" : "assigned to " + c.Owner?.Name)}.";
            if (htmx)
            {
                return Partial("_CaseCard", new CaseCardView(c, false, CurrentView, now, message));
            }

            TempData["Flash"] = message;
            return Redirect(InboxUrl(CurrentView, PageNumber ?? 1));
        }

        var error = acted.Error is Error.Invalid invalid ? string.Join(" ", invalid.Fields.SelectMany(f => f.Value)) : acted.Error!.Message;
        if (htmx)
        {
            var current = await cases.ReadAsync(id, ct);
            if (current.IsSuccess)
            {
                var c = current.Value!.Case;
                var unacknowledged = await UnacknowledgedAsync([c.Id], ct);
                return Partial("_CaseCard", new CaseCardView(c, CanAcknowledge(c, unacknowledged.Contains(c.Id)), CurrentView, now, error, IsError: true));
            }
        }

        TempData["Flash"] = error;
        return Redirect(InboxUrl(CurrentView, PageNumber ?? 1));
    }

    private bool CanAcknowledge(CaseDto c, bool unacknowledged) =>
        CanWork && (c.State == CaseState.New || (c.State == CaseState.Assigned && unacknowledged && c.Owner?.Id == User.UserId()));

    private async Task<HashSet<Guid>> UnacknowledgedAsync(List<Guid> ids, CancellationToken ct) =>
        [.. await db.Set<Case>().AsNoTracking().Where(c => ids.Contains(c.Id) && c.AcknowledgedAt == null).Select(c => c.Id).ToListAsync(ct)];

    private static bool IsTeamView(string key) => key is "unassigned" or "all";
}
