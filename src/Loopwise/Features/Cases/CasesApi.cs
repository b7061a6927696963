using Loopwise.Features.Users;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Loopwise.Features.Cases;

internal static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/cases").WithTags("Cases").RequireAuthorization(Permissions.CasesRead);
        group.MapGet("/", ListAsync).WithName("ListCases")
            .WithSummary("Cases, most urgent first: ?owner=me|none|{userId}&state=open|all|New,Assigned,...&sla=breached|at_risk|due_soon&page=&pageSize=.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetCase")
            .WithSummary("A case with its SLA clocks (first response and resolution, in working hours), the actions its state allows and its event log.");
        group.MapPost("/", CreateAsync).WithName("CreateCase").RequireAuthorization(Permissions.CasesWork)
            .WithSummary("Opens a case by hand {title, priority?, customerId?, responseId?, topicKey?, ownerUserId?, teamId?}; assignment rules pick the owner when none is given, and a customer's open case on the same topic is returned instead of a second one.");
        group.MapPost("/{id:guid}/actions", ActAsync).WithName("ActOnCase").RequireAuthorization(Permissions.CasesWork)
            .WithSummary("Moves the case through the workflow {action: Assign|Acknowledge|ContactCustomer|WaitOnCustomer|CustomerReplied|Escalate|Resolve|Reopen|Close, ownerUserId?, reason?, rootCause?, resolutionCode?, priority?, note?, version?}. Resolve needs rootCause and resolutionCode; an illegal move is 409 with what the state allows.");
        group.MapPost("/{id:guid}/notes", NoteAsync).WithName("AddCaseNote").RequireAuthorization(Permissions.CasesWork)
            .WithSummary("Adds a note {body} to the case's log.");
        group.MapPost("/{id:guid}/contacts", ContactAsync).WithName("LogCaseContact").RequireAuthorization(Permissions.CasesWork)
            .WithSummary("Logs a contact with the customer {channel: phone|email|sms|chat|in_person, outcome: reached|no_answer|left_message, note?}; reaching the customer moves the case to InProgress.");

        group.MapGet("/insights", InsightsAsync).WithName("GetClosedLoopInsights")
            .WithSummary("Closed-loop KPIs over ?from=&to= (UTC days; the last 90 by default): cases opened, open, breached, resolved; time to first contact (mean, median, P90 hours); share resolved within SLA; detractor recovery (NPS of detractors re-surveyed within 90 days of their case's resolution); resolved cases by root cause, touchpoint and topic.");

        var setup = app.MapGroup("/api/v1/case-setup").WithTags("Cases").RequireAuthorization(Permissions.CasesRead);
        setup.MapGet("/settings", async (CaseService cases, CancellationToken ct) => TypedResults.Ok(await cases.SettingsAsync(ct)))
            .WithName("GetCaseSettings").WithSummary("The working calendar, SLA targets by priority (working hours) and the auto-close delay.");
        setup.MapPut("/settings", SaveSettingsAsync).WithName("SaveCaseSettings").RequireAuthorization(Permissions.CasesConfigure)
            .WithSummary("Saves the calendar {timeZone, hours: [{day, opens, closes}], holidays: [date]}, targets {Urgent: {firstResponseHours, resolutionHours}, ...} and closeResolvedAfterDays.");
        setup.MapGet("/teams", async (CaseSetup s, CancellationToken ct) => TypedResults.Ok(await s.TeamsAsync(ct)))
            .WithName("ListCaseTeams").WithSummary("The case teams with their members, capacity and strategy.");
        setup.MapPut("/teams", SaveTeamsAsync).WithName("SaveCaseTeams").RequireAuthorization(Permissions.CasesConfigure)
            .WithSummary("Replaces the teams [{key, name, strategy: RoundRobin|LeastLoaded|Queue, isFallback, members: [{userId, capacity}]}].");
        setup.MapGet("/assignment-rules", async (CaseSetup s, CancellationToken ct) => TypedResults.Ok(await s.RulesAsync(ct)))
            .WithName("ListAssignmentRules").WithSummary("The ordered assignment rules; the first that matches a new case wins.");
        setup.MapPut("/assignment-rules", SaveRulesAsync).WithName("SaveAssignmentRules").RequireAuthorization(Permissions.CasesConfigure)
            .WithSummary("Replaces the ordered rules [{name, match: {touchpoints, dimensions, topics}, teamKey | userId}].");
        return group;
    }

    private static async Task<Results<Ok<CasePageDto>, ProblemHttpResult>> ListAsync(
        string? owner, string? state, string? sla, int? page, int? pageSize, CaseQueries queries, HttpContext http, CancellationToken ct)
    {
        var result = await queries.ListAsync(owner, state, sla, http.User.UserId(), page ?? 1, pageSize ?? 50, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<CaseDetailDto>, ProblemHttpResult>> GetAsync(Guid id, CaseService cases, CancellationToken ct) =>
        Respond(await cases.ReadAsync(id, ct));

    private static async Task<Results<Created<CaseDetailDto>, ProblemHttpResult>> CreateAsync(CreateCaseRequest body, CaseService cases, HttpContext http, CancellationToken ct)
    {
        var result = await cases.CreateAsync(body, http.User.Actor(), ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/cases/{result.Value!.Case.Id}", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<CaseDetailDto>, ProblemHttpResult>> ActAsync(Guid id, CaseActionRequest body, CaseService cases, HttpContext http, CancellationToken ct) =>
        Respond(await cases.ActAsync(id, body, http.User.Actor(), http.User.UserId(), ct));

    private static async Task<Results<Ok<CaseDetailDto>, ProblemHttpResult>> NoteAsync(Guid id, CaseNoteRequest body, CaseService cases, HttpContext http, CancellationToken ct) =>
        Respond(await cases.AddNoteAsync(id, body, http.User.Actor(), ct));

    private static async Task<Results<Ok<CaseDetailDto>, ProblemHttpResult>> ContactAsync(Guid id, CaseContactRequest body, CaseService cases, HttpContext http, CancellationToken ct) =>
        Respond(await cases.LogContactAsync(id, body, http.User.Actor(), ct));

    private static async Task<Results<Ok<CaseSettingsDto>, ProblemHttpResult>> SaveSettingsAsync(CaseSettingsDto body, CaseSetup setup, HttpContext http, CancellationToken ct)
    {
        var result = await setup.SaveSettingsAsync(body, http.User.Actor(), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<IReadOnlyList<CaseTeamDto>>, ProblemHttpResult>> SaveTeamsAsync(List<CaseTeamDto> body, CaseSetup setup, HttpContext http, CancellationToken ct)
    {
        var result = await setup.SaveTeamsAsync(body, http.User.Actor(), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<IReadOnlyList<AssignmentRuleDto>>, ProblemHttpResult>> SaveRulesAsync(List<AssignmentRuleDto> body, CaseSetup setup, HttpContext http, CancellationToken ct)
    {
        var result = await setup.SaveRulesAsync(body, http.User.Actor(), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<ClosedLoopDto>, ProblemHttpResult>> InsightsAsync(string? from, string? to, ClosedLoopQuery query, CancellationToken ct)
    {
        var result = await query.HandleAsync(from, to, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
    }

    private static Results<Ok<CaseDetailDto>, ProblemHttpResult> Respond(Result<CaseDetailDto> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
}
