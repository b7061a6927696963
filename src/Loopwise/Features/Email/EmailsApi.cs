using Loopwise.Features.Users;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Loopwise.Features.Email;

/// <summary>
/// The workspace's outbound e-mail (ADR 13), for its integration managers (integrations.manage): the delivery log
/// with each message's attempts, resending a failed message, and the workspace's sending limit.
/// </summary>
internal static class EmailsApi
{
    public static IEndpointRouteBuilder MapEmailsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/emails").WithTags("E-mail").RequireAuthorization(Permissions.IntegrationsManage);
        group.MapGet("/", ListAsync).WithName("ListEmails")
            .WithSummary("The delivery log, newest first (?status=queued|sent|failed|suppressed&purpose=invitation|alert|case&page=1&pageSize=50); configured is false when no SMTP server is set up.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetEmail")
            .WithSummary("One message with its bodies and every SMTP attempt (outcome, server reply, error). 404 when the workspace has no such message.");
        group.MapPost("/{id:guid}/resend", ResendAsync).WithName("ResendEmail")
            .WithSummary("Queues a failed message again with a fresh set of attempts and the same Message-ID (audited). 404 when the workspace has no such message; 409 unless it failed.");

        var settings = app.MapGroup("/api/v1/email-settings").WithTags("E-mail").RequireAuthorization(Permissions.IntegrationsManage);
        settings.MapGet("/", SettingsAsync).WithName("GetEmailSettings")
            .WithSummary("The workspace's sending limit (messages per hour; its own or the server default) and whether SMTP is configured.");
        settings.MapPut("/", SetSettingsAsync).WithName("SetEmailSettings")
            .WithSummary("Sets the workspace's sending limit ({\"maxPerHour\": 200}; null for the server default). Audited.");
        return app;
    }

    private static async Task<Results<Ok<EmailPageDto>, ProblemHttpResult>> ListAsync(
        EmailLog log, string? status, string? purpose, int? page, int? pageSize, CancellationToken ct)
    {
        var result = await log.ListAsync(status, purpose, page ?? 1, pageSize ?? 50, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<EmailDetailDto>, ProblemHttpResult>> GetAsync(Guid id, EmailLog log, CancellationToken ct)
    {
        var result = await log.GetAsync(id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<EmailDto>, ProblemHttpResult>> ResendAsync(Guid id, EmailLog log, HttpContext http, CancellationToken ct)
    {
        var result = await log.ResendAsync(id, http.User.Actor(), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
    }

    private static async Task<Ok<EmailSettingsDto>> SettingsAsync(EmailLog log, CancellationToken ct) =>
        TypedResults.Ok(await log.SettingsAsync(ct));

    private static async Task<Results<Ok<EmailSettingsDto>, ProblemHttpResult>> SetSettingsAsync(
        EmailSettingsRequest? body, EmailLog log, HttpContext http, CancellationToken ct)
    {
        var result = await log.SetMaxPerHourAsync(body?.MaxPerHour, http.User.Actor(), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
    }
}
