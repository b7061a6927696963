using Loopwise.Core.Support;
using Loopwise.Data;
using Loopwise.Features.Users;
using Loopwise.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Loopwise.Features.Support;

internal static class SupportApi
{
    public static RouteGroupBuilder MapSupportApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Support");
        group.MapPost("/tickets/batch", CreateBatchAsync).RequireAuthorization(Permissions.ResponsesWrite)
            .Accepts<TicketBatchInput>("application/json").Produces<TicketBatchResult>(StatusCodes.Status201Created)
            .WithName("CreateTicketBatch").WithSummary("Stores up to 10 000 tickets with their events, or events for stored tickets, all or none. Requires an Idempotency-Key header.");
        group.MapGet("/support/settings", GetSettingsAsync).RequireAuthorization(Permissions.DashboardsRead)
            .WithName("GetSupportSettings").WithSummary("The business calendar, FCR window and first-response SLA target.");
        group.MapPut("/support/settings", PutSettingsAsync).RequireAuthorization(Permissions.TouchpointsWrite)
            .WithName("PutSupportSettings").WithSummary("Replaces the support settings; they apply to ticket summaries derived afterwards.");
        return group;
    }

    private static Task<IResult> CreateBatchAsync(
        IdempotentBody<TicketBatchInput> body, IngestTickets ingest, IdempotencyService idempotency, WorkspaceScope scope, CancellationToken ct) =>
        idempotency.RunAsync(scope.WorkspaceId, body, keyRequired: true, async (batch, record) =>
        {
            var result = await ingest.HandleAsync(
                scope.WorkspaceId, batch.Tickets ?? [], record is null ? null : (outcome, token) => record.RecordAsync(StatusCodes.Status201Created, outcome, token), ct);
            return result.IsSuccess ? TypedResults.Json(result.Value, statusCode: StatusCodes.Status201Created) : result.Error!.ToProblem();
        }, ct);

    private static async Task<Ok<SupportSettingsDto>> GetSettingsAsync(SupportSettingsService settings, CancellationToken ct)
    {
        var rules = await settings.RulesAsync(ct);
        return TypedResults.Ok(new SupportSettingsDto(CalendarInput.From(rules.Calendar), rules.FcrWindowDays, rules.SlaTargetSeconds / 3600.0));
    }

    private static async Task<Results<Ok<SupportSettingsDto>, ProblemHttpResult>> PutSettingsAsync(
        SupportSettingsDto input, SupportSettingsService settings, WorkspaceScope scope, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        BusinessCalendar? calendar = null;
        if (input.Calendar is null)
        {
            errors["calendar"] = ["The calendar is required: timeZone, hours and holidays."];
        }
        else
        {
            (calendar, var calendarErrors) = input.Calendar.ToCalendar("calendar.");
            foreach (var (key, value) in calendarErrors)
            {
                errors[key] = value;
            }
        }

        if (input.FcrWindowDays is not (>= 1 and <= 90))
        {
            errors["fcrWindowDays"] = ["The FCR window is 1 to 90 days."];
        }

        if (input.SlaFirstResponseHours is not (> 0 and <= 720))
        {
            errors["slaFirstResponseHours"] = ["The SLA target is more than 0 and at most 720 business hours."];
        }

        if (errors.Count > 0)
        {
            return new Error.Invalid(errors, "The support settings are invalid; nothing was saved.").ToProblem();
        }

        var seconds = (long)Math.Round(input.SlaFirstResponseHours!.Value * 3600);
        await settings.SaveAsync(scope.WorkspaceId, CalendarInput.From(calendar!), input.FcrWindowDays!.Value, seconds, ct);
        return TypedResults.Ok(new SupportSettingsDto(CalendarInput.From(calendar!), input.FcrWindowDays, seconds / 3600.0));
    }
}
