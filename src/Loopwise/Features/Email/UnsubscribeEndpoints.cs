using System.Net;
using Loopwise.Data;
using Loopwise.Features.Audit;
using Loopwise.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Email;

/// <summary>
/// The public unsubscribe link of a message (<c>/u/{token}</c>, an unguessable per-message token): GET shows a page
/// asking to confirm (a mail scanner following links unsubscribes nobody); POST unsubscribes, from that page's button
/// or as the one-click POST of RFC 8058 that mail clients send for <c>List-Unsubscribe-Post</c>. Unsubscribing sets the
/// customer's <see cref="Customer.UnsubscribedAt"/>: the contact rules then keep them from invitations, and their
/// queued invitation e-mails are suppressed. Anonymous; the workspace comes from the token. Reveals nothing about
/// the customer.
/// </summary>
public static class UnsubscribeEndpoints
{
    public static IEndpointRouteBuilder MapUnsubscribe(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(string.Empty).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        pages.MapGet("/u/{token}", ConfirmAsync);
        pages.MapPost("/u/{token}", UnsubscribeAsync);
        return app;
    }

    private static async Task ConfirmAsync(HttpContext http, string token, LoopwiseDbContext db)
    {
        var found = await FindAsync(db, token, http.RequestAborted);
        if (found is null)
        {
            await PageAsync(http, StatusCodes.Status404NotFound, "Link not valid", "<p>This unsubscribe link is not valid. It may have been mistyped.</p>");
            return;
        }

        if (found.Value.UnsubscribedAt is not null)
        {
            await PageAsync(http, StatusCodes.Status200OK, "Unsubscribed", "<p>You are unsubscribed: you will not receive survey invitations from us.</p>");
            return;
        }

        var action = WebUtility.HtmlEncode(http.Request.PathBase + "/u/" + Uri.EscapeDataString(token));
        await PageAsync(http, StatusCodes.Status200OK, "Unsubscribe",
            $"<p>Stop receiving survey invitations from us by e-mail?</p><form method=\"post\" action=\"{action}\"><button type=\"submit\">Unsubscribe</button></form>");
    }

    private static async Task UnsubscribeAsync(HttpContext http, string token, LoopwiseDbContext db, SqliteWriteGate gate, TimeProvider clock)
    {
        var ct = http.RequestAborted;
        var found = await FindAsync(db, token, ct);
        if (found is null)
        {
            await PageAsync(http, StatusCodes.Status404NotFound, "Link not valid", "<p>This unsubscribe link is not valid. It may have been mistyped.</p>");
            return;
        }

        var (workspaceId, customerId, _) = found.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var changed = await db.Set<Customer>().IgnoreQueryFilters()
                .Where(c => c.WorkspaceId == workspaceId && c.Id == customerId && c.UnsubscribedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.UnsubscribedAt, now), ct);
            if (changed > 0)
            {
                db.Add(AuditEntry.Of(workspaceId, now, "unsubscribe-link", "customer.unsubscribe", $"customer:{customerId}"));
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }

        await PageAsync(http, StatusCodes.Status200OK, "Unsubscribed", "<p>You are unsubscribed: you will not receive survey invitations from us.</p>");
    }

    private static async Task<(Guid WorkspaceId, Guid CustomerId, DateTime? UnsubscribedAt)?> FindAsync(LoopwiseDbContext db, string token, CancellationToken ct)
    {
        if (token.Length != EmailOutbox.UnsubscribeTokenLength)
        {
            return null;
        }

        var row = await db.Set<EmailMessage>().IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UnsubscribeToken == token && m.CustomerId != null)
            .Join(db.Set<Customer>().IgnoreQueryFilters(), m => new { m.WorkspaceId, Id = m.CustomerId!.Value }, c => new { c.WorkspaceId, c.Id },
                (m, c) => new { m.WorkspaceId, CustomerId = c.Id, c.UnsubscribedAt })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : (row.WorkspaceId, row.CustomerId, row.UnsubscribedAt);
    }

    private static async Task PageAsync(HttpContext http, int status, string title, string body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        await http.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\"><title>{WebUtility.HtmlEncode(title)}</title></head>" +
            $"<body><main><h1>{WebUtility.HtmlEncode(title)}</h1>{body}</main></body></html>", http.RequestAborted);
    }
}
