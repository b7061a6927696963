using System.Text;
using Loopwise.Data;
using Loopwise.Features.Customers;
using Loopwise.Features.Users;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Invitations;

internal static class InvitationsApi
{
    public sealed record CustomerInput(string? ExternalId, string? Email, string? Name, string? Language, Dictionary<string, string>? Attributes);

    public sealed record CreateInvitationsRequest(string? Touchpoint, int? ExpiresDays, CustomerInput[]? Customers, bool? SendEmail = null);

    public sealed record InvitationBatchDto(
        Guid SurveyId, DateTime CreatedAt, IReadOnlyList<CreatedLink> Created, IReadOnlyList<SuppressedRow> Suppressed, IReadOnlyList<RejectedRow> Rejected,
        int Emailed, IReadOnlyList<SuppressedRow> NotEmailed);

    public sealed record InvitationItem(
        Guid Id, string ExternalId, string? Email, string? Name, InvitationStatus Status, string Link,
        DateTime CreatedAt, DateTime ExpiresAt, DateTime? OpenedAt, DateTime? RespondedAt, Guid? ResponseId);

    public static RouteGroupBuilder MapInvitationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/surveys/{id}/invitations").WithTags("Invitations");
        group.MapPost("/", CreateAsync).RequireAuthorization(Permissions.DistributionWrite).WithName("CreateInvitations")
            .WithSummary("Invites customers (a JSON list, or a text/csv body) to a survey by id or link token; returns the links, the suppressed and the rejected rows. With sendEmail (JSON field or ?sendEmail=true) each invitation is also e-mailed (personal link and unsubscribe link; the workspace's sending limit applies): emailed counts them, notEmailed lists created invitations without a usable address.");
        group.MapGet("/", ListAsync).RequireAuthorization(Permissions.DistributionRead).WithName("ListInvitations")
            .WithSummary("Lists a survey's invitations with their status: sent, opened, answered or expired.");
        return group;
    }

    private static async Task<Results<Ok<InvitationBatchDto>, ProblemHttpResult>> CreateAsync(
        string id, HttpRequest request, InvitationService invitations, CancellationToken ct)
    {
        string? touchpoint;
        int expiresDays;
        bool sendEmail;
        IReadOnlyList<CustomerRow> rows;
        IReadOnlyList<RejectedRow> rejected;
        if (request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var parsed = CustomerCsv.Parse(await reader.ReadToEndAsync(ct));
            if (parsed.Error is not null)
            {
                return Error.Invalid.Field("customers", parsed.Error).ToProblem();
            }

            touchpoint = request.Query["touchpoint"].FirstOrDefault();
            expiresDays = int.TryParse(request.Query["expiresDays"], System.Globalization.CultureInfo.InvariantCulture, out var days) ? days : InvitationService.DefaultExpiresDays;
            sendEmail = bool.TryParse(request.Query["sendEmail"], out var send) && send;
            (rows, rejected) = (parsed.Rows, parsed.Rejected);
        }
        else
        {
            CreateInvitationsRequest? body;
            try
            {
                body = await request.ReadFromJsonAsync<CreateInvitationsRequest>(ct);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
            {
                return Error.Invalid.Field("body", "Send a JSON object {\"customers\": [...]} or a text/csv body.").ToProblem();
            }

            if (body?.Customers is not { Length: > 0 } customers)
            {
                return Error.Invalid.Field("customers", "List at least one customer.").ToProblem();
            }

            touchpoint = body.Touchpoint;
            expiresDays = body.ExpiresDays ?? InvitationService.DefaultExpiresDays;
            sendEmail = body.SendEmail ?? false;
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var valid = new List<CustomerRow>();
            var invalid = new List<RejectedRow>();
            for (var i = 0; i < customers.Length; i++)
            {
                var c = customers[i];
                var (row, reject) = CustomerCsv.Validate(i + 1, c.ExternalId, Blank(c.Email), Blank(c.Name), Blank(c.Language), c.Attributes ?? [], seen);
                if (row is not null)
                {
                    valid.Add(row);
                }
                else
                {
                    invalid.Add(reject!);
                }
            }

            (rows, rejected) = (valid, invalid);
        }

        var result = await invitations.CreateAsync(
            new CreateInvitations(id, touchpoint, rows, rejected, expiresDays, BaseUrl(request), request.HttpContext.User.Actor()) { SendEmail = sendEmail }, null, ct);
        return result.IsSuccess
            ? TypedResults.Ok(new InvitationBatchDto(result.Value!.SurveyId, result.Value.CreatedAt, result.Value.Created, result.Value.Suppressed, result.Value.Rejected,
                result.Value.Emailed, result.Value.NotEmailed))
            : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<InvitationItem[]>, NotFound>> ListAsync(
        string id, HttpRequest request, InvitationService invitations, LoopwiseDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await invitations.FindSurveyAsync(id, ct) is not { } survey)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var slug = await db.Set<Workspaces.Workspace>().Where(w => w.Id == survey.WorkspaceId).Select(w => w.Slug).FirstAsync(ct);
        var rows = await db.Set<Invitation>().AsNoTracking().Where(i => i.SurveyId == survey.Id)
            .Join(db.Set<Customer>(), i => i.CustomerId, c => c.Id, (i, c) => new { Invitation = i, c.ExternalId, c.Email, c.Name })
            .ToListAsync(ct);
        var baseUrl = BaseUrl(request);
        return TypedResults.Ok(rows.OrderBy(r => r.Invitation.CreatedAt).ThenBy(r => r.ExternalId, StringComparer.Ordinal).Select(r => new InvitationItem(
            r.Invitation.Id, r.ExternalId, r.Email, r.Name, InvitationService.StatusOf(r.Invitation, now), $"{baseUrl}/i/{slug}/{r.Invitation.Token}",
            r.Invitation.CreatedAt, r.Invitation.ExpiresAt, r.Invitation.OpenedAt, r.Invitation.RespondedAt, r.Invitation.ResponseId)).ToArray());
    }

    internal static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
