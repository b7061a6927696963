using System.Text.Json.Nodes;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Audit;
using Loopwise.Core.Email;
using Loopwise.Features.Customers;
using Loopwise.Features.Email;
using Loopwise.Features.Surveys;
using Loopwise.Features.Touchpoints;
using Loopwise.Features.Workspaces;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Invitations;

/// <summary>
/// Creates personalised invitations in bulk (CLI, API and page alike): upserts the customers, applies the contact
/// rules (cx-reference.md §9) and creates one invitation per eligible customer, setting the customer's last
/// invitation time in the same transaction. Every suppression is returned with its reason and input line. Sent by
/// e-mail, each invitation's message (personal link, unsubscribe link) is queued in the same transaction too.
/// </summary>
public sealed class InvitationService(LoopwiseDbContext db, WorkspaceScope scope, TimeProvider clock, EmailOutbox outbox)
{
    public const int DefaultExpiresDays = 30;
    public const int MaxExpiresDays = 365;
    private const int Chunk = 500;

    /// <summary>A survey by id (GUID) or by link token.</summary>
    public Task<Survey?> FindSurveyAsync(string idOrToken, CancellationToken ct) =>
        Guid.TryParse(idOrToken, out var id)
            ? db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct)
            : db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.LinkToken == idOrToken, ct);

    public async Task<Result<InvitationBatch>> CreateAsync(CreateInvitations request, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var workspace = await db.Set<Workspace>().AsNoTracking().FirstAsync(w => w.Id == scope.WorkspaceId, ct);
        var survey = await FindSurveyAsync(request.Survey, ct);
        if (survey is null)
        {
            return new Error.NotFound($"No survey '{request.Survey}' in this workspace.");
        }

        if (survey.Status == SurveyStatus.Closed)
        {
            return new Error.Conflict($"Survey '{survey.Name}' is closed: reopen it before inviting anyone.");
        }

        if (request.ExpiresDays is < 1 or > MaxExpiresDays)
        {
            return Error.Invalid.Field("expiresDays", $"Use a number of days from 1 to {MaxExpiresDays}.");
        }

        Touchpoint? touchpoint = null;
        if (!string.IsNullOrWhiteSpace(request.TouchpointKey))
        {
            touchpoint = await db.Set<Touchpoint>().AsNoTracking().FirstOrDefaultAsync(t => t.Key == request.TouchpointKey, ct);
            if (touchpoint is null)
            {
                return Error.Invalid.Field("touchpoint", $"No touchpoint with key '{request.TouchpointKey}'.");
            }
        }

        var exact = clock.GetUtcNow().UtcDateTime;
        var now = new DateTime(exact.Ticks - (exact.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        var policy = new ContactPolicy(workspace.QuarantineDays);
        var baseUrl = request.BaseUrl.TrimEnd('/');
        var created = new List<CreatedLink>();
        var suppressed = new List<SuppressedRow>();
        var notEmailed = new List<SuppressedRow>();
        var emailed = 0;
        var total = request.Customers.Count;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var chunk in request.Customers.Chunk(Chunk))
        {
            var ids = chunk.Select(r => r.ExternalId).ToList();
            var known = await db.Set<Customer>().Where(c => ids.Contains(c.ExternalId)).ToDictionaryAsync(c => c.ExternalId, StringComparer.Ordinal, ct);
            foreach (var row in chunk)
            {
                var customer = Upsert(known.GetValueOrDefault(row.ExternalId), row, workspace.Id, now);
                var decision = ContactRules.Evaluate(policy, new ContactHistory(customer.LastInvitedAt, customer.UnsubscribedAt is not null, HasOpenCase: false), now);
                if (!decision.Allowed)
                {
                    suppressed.Add(new SuppressedRow(row.Line, row.ExternalId, decision.Reason!));
                    continue;
                }

                var invitation = new Invitation
                {
                    WorkspaceId = workspace.Id,
                    Id = Guid.CreateVersion7(),
                    Token = Tokens.Random(20),
                    SurveyId = survey.Id,
                    TouchpointId = touchpoint?.Id,
                    CustomerId = customer.Id,
                    CreatedAt = now,
                    ExpiresAt = now.AddDays(request.ExpiresDays),
                };
                db.Add(invitation);
                customer.LastInvitedAt = now;
                var link = $"{baseUrl}/i/{workspace.Slug}/{invitation.Token}";
                created.Add(new CreatedLink(row.Line, invitation.Id, customer.ExternalId, customer.Email, customer.Name, customer.Language, link, invitation.ExpiresAt));
                if (request.SendEmail)
                {
                    if (EmailAddress.IsValid(customer.Email))
                    {
                        outbox.Add(db, InvitationEmail.Compose(workspace, survey, customer, invitation, link, baseUrl));
                        emailed++;
                    }
                    else
                    {
                        notEmailed.Add(new SuppressedRow(row.Line, row.ExternalId, "No valid e-mail address: not e-mailed (the link is in the links CSV)."));
                    }
                }
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            progress?.Report((Math.Min(total, created.Count + suppressed.Count), total));
        }

        db.Add(AuditEntry.Of(workspace.Id, now, request.Actor, "invitations.create", $"survey:{survey.Id}", FormattableString.Invariant($"created {created.Count}, suppressed {suppressed.Count}, rejected {request.Rejected.Count}{(request.SendEmail ? $", e-mailed {emailed}" : string.Empty)}")));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new InvitationBatch(survey.Id, now, created, suppressed, request.Rejected) { Emailed = emailed, NotEmailed = notEmailed };
    }

    /// <summary>The links of one batch (survey + creation time), for downloading them again.</summary>
    public async Task<IReadOnlyList<CreatedLink>> LinksAsync(Guid surveyId, DateTime batch, string baseUrl, CancellationToken ct)
    {
        var slug = await db.Set<Workspace>().Where(w => w.Id == scope.WorkspaceId).Select(w => w.Slug).FirstAsync(ct);
        var rows = await db.Set<Invitation>().AsNoTracking()
            .Where(i => i.SurveyId == surveyId && i.CreatedAt == batch)
            .Join(db.Set<Customer>(), i => i.CustomerId, c => c.Id, (i, c) => new { i.Id, i.Token, i.ExpiresAt, c.ExternalId, c.Email, c.Name, c.Language })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.ExternalId, StringComparer.Ordinal).Select((r, n) =>
            new CreatedLink(n + 2, r.Id, r.ExternalId, r.Email, r.Name, r.Language, $"{baseUrl.TrimEnd('/')}/i/{slug}/{r.Token}", r.ExpiresAt))];
    }

    public static InvitationStatus StatusOf(Invitation invitation, DateTime now) =>
        invitation.RespondedAt is not null ? InvitationStatus.Answered
        : now >= invitation.ExpiresAt ? InvitationStatus.Expired
        : invitation.OpenedAt is not null ? InvitationStatus.Opened
        : InvitationStatus.Sent;

    private Customer Upsert(Customer? customer, CustomerRow row, Guid workspaceId, DateTime now)
    {
        if (customer is null)
        {
            customer = new Customer { WorkspaceId = workspaceId, Id = Guid.CreateVersion7(), ExternalId = row.ExternalId, CreatedAt = now };
            db.Add(customer);
        }

        customer.Email = row.Email ?? customer.Email;
        customer.Name = row.Name ?? customer.Name;
        customer.Language = row.Language ?? customer.Language;
        if (row.Attributes.Count > 0)
        {
            // Merge into what is stored (other tools may have stored non-string values: keep them).
            var attributes = customer.AttributesJson is { } json && JsonNode.Parse(json) is JsonObject stored ? stored : [];
            foreach (var (key, value) in row.Attributes)
            {
                attributes[key] = value;
            }

            customer.AttributesJson = attributes.ToJsonString();
        }

        return customer;
    }
}
