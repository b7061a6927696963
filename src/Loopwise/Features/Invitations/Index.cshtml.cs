using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Loopwise.Data;
using Loopwise.Features.Surveys;
using Loopwise.Features.Touchpoints;
using Loopwise.Features.Users;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Invitations;

/// <summary><c>/invitations</c>: upload a customers CSV, choose survey and touchpoint, download the links CSV.</summary>
[Authorize(Policy = Permissions.DistributionWrite)]
public sealed class IndexModel(InvitationService invitations, LoopwiseDbContext db, Email.EmailOutbox outbox) : PageModel
{
    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Choose a survey.")]
        public Guid? SurveyId { get; set; }

        public string? TouchpointKey { get; set; }

        [Range(1, InvitationService.MaxExpiresDays, ErrorMessage = "Use a number of days from 1 to 365.")]
        public int ExpiresDays { get; set; } = InvitationService.DefaultExpiresDays;

        [Required(ErrorMessage = "Choose a CSV file of customers.")]
        public IFormFile? Customers { get; set; }

        /// <summary>Also e-mail each invitation to its customer.</summary>
        public bool SendEmail { get; set; }
    }

    /// <summary>False when no SMTP server is configured: invitations cannot be e-mailed.</summary>
    public bool EmailConfigured => outbox.IsConfigured;

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public IReadOnlyList<Survey> Surveys { get; private set; } = [];

    public IReadOnlyList<Touchpoint> Touchpoints { get; private set; } = [];

    public InvitationBatch? Batch { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        string text;
        using (var reader = new StreamReader(Input.Customers!.OpenReadStream(), Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync(ct);
        }

        var parsed = CustomerCsv.Parse(text);
        if (parsed.Error is not null)
        {
            ModelState.AddModelError("Input.Customers", parsed.Error);
            return Page();
        }

        var result = await invitations.CreateAsync(new CreateInvitations(
            Input.SurveyId!.Value.ToString(), Input.TouchpointKey, parsed.Rows, parsed.Rejected, Input.ExpiresDays,
            InvitationsApi.BaseUrl(Request), User.Actor()) { SendEmail = Input.SendEmail && outbox.IsConfigured }, null, ct);
        if (!result.IsSuccess)
        {
            result.Error!.AddTo(ModelState, nameof(Input));
            return Page();
        }

        Batch = result.Value;
        return Page();
    }

    /// <summary>The links CSV of one batch: <c>?handler=links&amp;survey=ID&amp;batch=UNIX_MS</c>.</summary>
    public async Task<IActionResult> OnGetLinksAsync(Guid survey, long batch, CancellationToken ct)
    {
        var created = DateTimeOffset.FromUnixTimeMilliseconds(batch).UtcDateTime;
        var links = await invitations.LinksAsync(survey, created, InvitationsApi.BaseUrl(Request), ct);
        var name = string.Create(CultureInfo.InvariantCulture, $"invitation-links-{created:yyyyMMdd-HHmmss}.csv");
        return File(Encoding.UTF8.GetBytes(LinksCsv.Write(links)), "text/csv; charset=utf-8", name);
    }

    public static long BatchKey(DateTime createdAt) => new DateTimeOffset(createdAt, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private async Task LoadAsync(CancellationToken ct)
    {
        Surveys = await db.Set<Survey>().AsNoTracking().Where(s => s.Status != SurveyStatus.Closed).OrderBy(s => s.Name).ToListAsync(ct);
        Touchpoints = await db.Set<Touchpoint>().AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
    }
}
