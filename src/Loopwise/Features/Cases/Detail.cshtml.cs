using System.Globalization;
using Loopwise.Core.Cases;
using Loopwise.Data;
using Loopwise.Features.Responses;
using Loopwise.Features.Surveys;
using Loopwise.Features.Users;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Cases;

/// <summary>
/// One case for the person working it: who and what it is about, its two SLA clocks, the moves its state allows
/// (acknowledge, log a call, resolve with a root cause and resolution code, wait on the customer, escalate, reopen,
/// close with a reason, add a note) as plain forms, and its history. A refused move comes back with the message
/// beside the field or at the top of its form, and everything typed kept.
/// </summary>
[Authorize(Policy = Permissions.CasesRead)]
public sealed class CaseDetailModel(CaseService cases, LoopwiseDbContext db, TimeProvider clock) : PageModel
{
    public sealed class ContactForm
    {
        public string? Channel { get; set; } = "phone";

        public string? Outcome { get; set; }

        public string? Note { get; set; }
    }

    public sealed class ResolveForm
    {
        public string? RootCause { get; set; }

        public string? RootCauseOther { get; set; }

        public string? ResolutionCode { get; set; }

        public string? Note { get; set; }
    }

    public sealed class MoveForm
    {
        public string? Action { get; set; }

        public string? Reason { get; set; }

        public string? Note { get; set; }
    }

    public sealed class AssignForm
    {
        public Guid? OwnerUserId { get; set; }

        public string? Note { get; set; }
    }

    public sealed class NoteForm
    {
        public string? Body { get; set; }
    }

    [BindProperty]
    public ContactForm Contact { get; set; } = new();

    [BindProperty]
    public ResolveForm Resolve { get; set; } = new();

    [BindProperty]
    public MoveForm Move { get; set; } = new();

    [BindProperty]
    public MoveForm Closing { get; set; } = new();

    [BindProperty]
    public AssignForm Assign { get; set; } = new();

    [BindProperty]
    public NoteForm Note { get; set; } = new();

    /// <summary>
    /// The case version the page showed: a move made on an older page is a conflict, not a surprise. A page shown
    /// again after a refusal carries the current version (the person now sees the current state).
    /// </summary>
    [BindProperty]
    public int? Version { get; set; }

    public CaseDetailDto? Detail { get; private set; }

    public DateTime Now { get; private set; }

    /// <summary>The form that failed ("contact", "resolve", "assign", "move", "close", "note", "acknowledge"), whose alert shows <see cref="FormError"/>.</summary>
    public string? FailedForm { get; private set; }

    public string? FormError { get; private set; }

    public string? CustomerEmail { get; private set; }

    /// <summary>The comments of the case's response, PII redacted.</summary>
    public IReadOnlyList<string> Comments { get; private set; } = [];

    public string? CustomerReference { get; private set; }

    public (Guid SurveyId, string Survey, DateTime? CompletedAt)? Feedback { get; private set; }

    public IReadOnlyDictionary<string, string> Actors { get; private set; } = new Dictionary<string, string>();

    /// <summary>The members who may work cases (Manager, Practitioner, Responder), by name: whom a case can be assigned to.</summary>
    public IReadOnlyList<PersonDto> Assignees { get; private set; } = [];

    public bool CanWork => User.HasClaim(Permissions.ClaimType, Permissions.CasesWork);

    public bool CanReadResponses => User.HasClaim(Permissions.ClaimType, Permissions.ResponsesRead);

    public bool Allows(CaseAction action) => CanWork && Detail is { } d && d.AllowedActions.Contains(action);

    /// <summary>Acknowledge is offered for a New case, and for an assigned case of mine nobody acknowledged yet.</summary>
    public bool CanAcknowledge => Allows(CaseAction.Acknowledge) && Detail is { } d
        && (d.Case.State == CaseState.New || (d.AcknowledgedAt is null && d.Case.Owner?.Id == User.UserId()));

    /// <summary>Contacts are logged on open cases once someone has taken them (not while New).</summary>
    public bool CanLogContact => CanWork && Detail is { } d && CaseWorkflow.IsOpen(d.Case.State) && d.Case.State != CaseState.New;

    /// <summary>The simple moves of the "Move the case" form, in the order offered.</summary>
    public IReadOnlyList<(CaseAction Action, string Label)> Moves =>
        [.. new (CaseAction, string)[]
        {
            (CaseAction.WaitOnCustomer, "Wait on customer"), (CaseAction.CustomerReplied, "Customer replied"),
            (CaseAction.Escalate, "Escalate"), (CaseAction.Reopen, "Reopen"),
        }.Where(m => Allows(m.Item1))];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "acknowledge", c => cases.ActAsync(id, new CaseActionRequest(nameof(CaseAction.Acknowledge), Version: Version), User.Actor(), User.UserId(), c),
            d => $"Case #{Number(d)} acknowledged.", ct);

    public Task<IActionResult> OnPostContactAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "contact", c => cases.LogContactAsync(id, new CaseContactRequest(Contact.Channel, Contact.Outcome, Blank(Contact.Note)), User.Actor(), c),
            d => $"{CaseFormat.Channel(Contact.Channel)} logged: {CaseFormat.Outcome(Contact.Outcome).ToLowerInvariant()}. The case is {CaseFormat.State(d.Case.State).ToLowerInvariant()}.", ct);

    public Task<IActionResult> OnPostResolveAsync(Guid id, CancellationToken ct)
    {
        var rootCause = Resolve.RootCause == CaseFormat.OtherRootCause ? Blank(Resolve.RootCauseOther) : Blank(Resolve.RootCause);
        if (Resolve.RootCause == CaseFormat.OtherRootCause && rootCause is null)
        {
            return FailAsync(id, "resolve", Error.Invalid.Field("rootCauseOther", "Name the root cause, or pick one of the list."), ct);
        }

        return ActAsync(id, "resolve", c => cases.ActAsync(id, new CaseActionRequest(
                nameof(CaseAction.Resolve), RootCause: rootCause, ResolutionCode: Blank(Resolve.ResolutionCode), Note: Blank(Resolve.Note), Version: Version),
                User.Actor(), User.UserId(), c),
            d => $"Case #{Number(d)} resolved: root cause {d.RootCause}, {d.ResolutionCode?.ToLowerInvariant()}.", ct);
    }

    public Task<IActionResult> OnPostMoveAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "move", c => cases.ActAsync(id, new CaseActionRequest(Move.Action, Note: Blank(Move.Note), Version: Version), User.Actor(), User.UserId(), c),
            d => $"Case #{Number(d)} is {CaseFormat.State(d.Case.State).ToLowerInvariant()}.", ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "close", c => cases.ActAsync(id, new CaseActionRequest(nameof(CaseAction.Close), Reason: Blank(Closing.Reason), Note: Blank(Closing.Note), Version: Version),
                User.Actor(), User.UserId(), c),
            d => $"Case #{Number(d)} closed.", ct);

    public Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "assign", c => cases.ActAsync(id, new CaseActionRequest(nameof(CaseAction.Assign), OwnerUserId: Assign.OwnerUserId, Note: Blank(Assign.Note), Version: Version),
                User.Actor(), User.UserId(), c),
            d => $"Case #{Number(d)} assigned to {d.Case.Owner?.Name}.", ct);

    public Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "note", c => cases.AddNoteAsync(id, new CaseNoteRequest(Note.Body), User.Actor(), c), d => "Note added.", ct);

    public string? ErrorOf(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>A person's name for an event's actor ("user:{id}"), or what the actor is.</summary>
    public string ActorName(string actor) =>
        Actors.TryGetValue(actor, out var name) ? name
        : actor == "system" ? "Loopwise (automatic)"
        : actor.StartsWith("rule:", StringComparison.Ordinal) ? "Alert rule"
        : actor.StartsWith("key:", StringComparison.Ordinal) ? "API key"
        : actor.StartsWith("user:", StringComparison.Ordinal) ? "Former member"
        : actor;

    private async Task<IActionResult> ActAsync(
        Guid id, string form, Func<CancellationToken, Task<Result<CaseDetailDto>>> act, Func<CaseDetailDto, string> done, CancellationToken ct)
    {
        if (!CanWork)
        {
            return Forbid();
        }

        var result = await act(ct);
        if (result.IsSuccess)
        {
            TempData["Flash"] = done(result.Value!);
            return Redirect($"/cases/{id}");
        }

        return result.Error is Error.NotFound ? NotFound() : await FailAsync(id, form, result.Error!, ct);
    }

    // Shows the page again with the error beside its field (or at the top of the form) and the typed values kept.
    private async Task<IActionResult> FailAsync(Guid id, string form, Error error, CancellationToken ct)
    {
        FailedForm = form;
        if (error is Error.Invalid invalid)
        {
            var unplaced = new List<string>();
            foreach (var (field, messages) in invalid.Fields)
            {
                if (FieldKey(form, field) is { } key)
                {
                    foreach (var message in messages)
                    {
                        ModelState.AddModelError(key, message);
                    }
                }
                else
                {
                    unplaced.AddRange(messages);
                }
            }

            FormError = unplaced.Count > 0 ? string.Join(" ", unplaced) : "The case was not changed: correct the marked fields.";
        }
        else
        {
            FormError = error.Message;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private static string? FieldKey(string form, string field) => (form, field) switch
    {
        ("contact", "channel") => "Contact.Channel",
        ("contact", "outcome") => "Contact.Outcome",
        ("contact", "note") => "Contact.Note",
        ("resolve", "rootCause") => "Resolve.RootCause",
        ("resolve", "rootCauseOther") => "Resolve.RootCauseOther",
        ("resolve", "resolutionCode") => "Resolve.ResolutionCode",
        ("resolve", "note") => "Resolve.Note",
        ("move", "note") => "Move.Note",
        ("close", "reason") => "Closing.Reason",
        ("close", "note") => "Closing.Note",
        ("note", "body") => "Note.Body",
        ("assign", "ownerUserId") => "Assign.OwnerUserId",
        ("assign", "note") => "Assign.Note",
        _ => null,
    };

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var read = await cases.ReadAsync(id, ct);
        if (!read.IsSuccess)
        {
            return false;
        }

        Detail = read.Value!;
        Now = clock.GetUtcNow().UtcDateTime;
        Version = Detail.Case.Version;

        var c = Detail.Case;
        if (c.CustomerId is { } customerId)
        {
            var customer = await db.Set<Customers.Customer>().AsNoTracking().Where(x => x.Id == customerId)
                .Select(x => new { x.Email, x.ExternalId }).FirstOrDefaultAsync(ct);
            (CustomerEmail, CustomerReference) = (customer?.Email, customer?.ExternalId);
        }

        if (c.ResponseId is { } responseId && CanReadResponses)
        {
            var response = await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.Id == responseId)
                .Join(db.Set<Survey>().AsNoTracking(), r => r.SurveyId, s => s.Id, (r, s) => new { r.SurveyId, s.Name, r.CompletedAt })
                .FirstOrDefaultAsync(ct);
            Feedback = response is null ? null : (response.SurveyId, response.Name, response.CompletedAt);
        }

        // What the customer wrote, as stored by the text pipeline: PII redacted, so the case owner reads it without
        // needing the response detail permission (cx-reference §11: Responder reads "own cases").
        if (c.ResponseId is { } commented)
        {
            Comments = await db.Set<TextAnalytics.CommentAnalysisRow>().AsNoTracking().Where(a => a.ResponseId == commented)
                .OrderBy(a => a.QuestionId).Select(a => a.Text).ToListAsync(ct);
        }

        if (Allows(CaseAction.Assign))
        {
            Role[] working = [.. Enum.GetValues<Role>().Where(r => Permissions.ForRole(r).Contains(Permissions.CasesWork))];
            var members = await db.Set<Membership>().AsNoTracking().Where(m => working.Contains(m.Role)).Select(m => m.UserId).Distinct().ToListAsync(ct);
            Assignees = [.. (await db.Set<User>().AsNoTracking().Where(u => members.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
                .Select(u => new PersonDto(u.Id, u.DisplayName)).OrderBy(p => p.Name, StringComparer.InvariantCultureIgnoreCase)];
        }

        var userIds = Detail.Events.Select(e => e.Actor).Where(a => a.StartsWith("user:", StringComparison.Ordinal))
            .Select(a => Guid.TryParse(a.AsSpan(5), out var u) ? u : Guid.Empty).Where(u => u != Guid.Empty).Distinct().ToList();
        Actors = (await db.Set<User>().AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .ToDictionary(u => "user:" + u.Id.ToString(), u => u.DisplayName, StringComparer.Ordinal);
        return true;
    }

    private static string Number(CaseDetailDto d) => d.Case.Number.ToString(CultureInfo.InvariantCulture);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
