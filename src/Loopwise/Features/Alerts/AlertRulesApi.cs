using System.Text.Json;
using Loopwise.Data;
using Loopwise.Features.Audit;
using Loopwise.Features.Cases;
using Loopwise.Features.Users;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.Alerts;

public sealed record AlertRuleDto(Guid Id, string Name, bool Enabled, AlertConditions Conditions, AlertActions Actions, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static AlertRuleDto From(AlertRule r) => new(r.Id, r.Name, r.Enabled, r.Conditions, r.Actions, r.CreatedAt, r.UpdatedAt);
}

public sealed record AlertRuleInput(string? Name, bool? Enabled, AlertConditions? Conditions, AlertActions? Actions);

internal static class AlertRulesApi
{
    public static RouteGroupBuilder MapAlertRulesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/alert-rules").WithTags("Alerts").RequireAuthorization(Permissions.CasesRead);
        group.MapGet("/", ListAsync).WithName("ListAlertRules").WithSummary("The workspace's alert rules.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetAlertRule").WithSummary("One alert rule.");
        group.MapPost("/", CreateAsync).WithName("CreateAlertRule").RequireAuthorization(Permissions.CasesConfigure)
            .WithSummary("Creates a rule {name, enabled?, conditions: {npsAtMost, csatAtMost, cesPoor, sentimentAtMost, topics, keywords, touchpoints, dimensions}, actions: {openCase: {priority}, notifyEmails, callWebhooks, tags}}; every condition given must hold.");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateAlertRule").RequireAuthorization(Permissions.CasesConfigure)
            .WithSummary("Replaces a rule's name, conditions, actions and enabled flag; responses stored from now on are evaluated with it.");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteAlertRule").RequireAuthorization(Permissions.CasesConfigure)
            .WithSummary("Deletes a rule; the cases it opened stay.");
        return group;
    }

    private static async Task<Ok<AlertRuleDto[]>> ListAsync(LoopwiseDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Set<AlertRule>().AsNoTracking().OrderBy(r => r.CreatedAt).ToListAsync(ct)).Select(AlertRuleDto.From).ToArray());

    private static async Task<Results<Ok<AlertRuleDto>, ProblemHttpResult>> GetAsync(Guid id, LoopwiseDbContext db, CancellationToken ct) =>
        await db.Set<AlertRule>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } rule
            ? TypedResults.Ok(AlertRuleDto.From(rule))
            : new Error.NotFound($"Alert rule {id} does not exist in this workspace.").ToProblem();

    private static async Task<Results<Created<AlertRuleDto>, ProblemHttpResult>> CreateAsync(
        AlertRuleInput input, LoopwiseDbContext db, SqliteWriteGate gate, TimeProvider clock, AlertRuleCache cache, HttpContext http, CancellationToken ct)
    {
        if (Validate(input) is { } invalid)
        {
            return invalid.ToProblem();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var rule = new AlertRule
        {
            WorkspaceId = db.Scope.WorkspaceId,
            Id = Guid.CreateVersion7(),
            Name = input.Name!.Trim(),
            Enabled = input.Enabled ?? true,
            ConditionsJson = JsonSerializer.Serialize(input.Conditions, CaseJson.Options),
            ActionsJson = JsonSerializer.Serialize(input.Actions, CaseJson.Options),
            CreatedAt = now,
            UpdatedAt = now,
        };
        using (await gate.EnterAsync(ct))
        {
            db.Add(rule);
            db.Add(AuditEntry.Of(rule.WorkspaceId, now, http.User.Actor(), "alert-rule.created", $"alert-rule:{rule.Id}", rule.Name));
            await db.SaveChangesAsync(ct);
        }

        cache.Forget(rule.WorkspaceId);
        return TypedResults.Created($"/api/v1/alert-rules/{rule.Id}", AlertRuleDto.From(rule));
    }

    private static async Task<Results<Ok<AlertRuleDto>, ProblemHttpResult>> UpdateAsync(
        Guid id, AlertRuleInput input, LoopwiseDbContext db, SqliteWriteGate gate, TimeProvider clock, AlertRuleCache cache, HttpContext http, CancellationToken ct)
    {
        if (Validate(input) is { } invalid)
        {
            return invalid.ToProblem();
        }

        using (await gate.EnterAsync(ct))
        {
            var rule = await db.Set<AlertRule>().FirstOrDefaultAsync(r => r.Id == id, ct);
            if (rule is null)
            {
                return new Error.NotFound($"Alert rule {id} does not exist in this workspace.").ToProblem();
            }

            var now = clock.GetUtcNow().UtcDateTime;
            rule.Name = input.Name!.Trim();
            rule.Enabled = input.Enabled ?? rule.Enabled;
            rule.ConditionsJson = JsonSerializer.Serialize(input.Conditions, CaseJson.Options);
            rule.ActionsJson = JsonSerializer.Serialize(input.Actions, CaseJson.Options);
            rule.UpdatedAt = now;
            db.Add(AuditEntry.Of(rule.WorkspaceId, now, http.User.Actor(), "alert-rule.updated", $"alert-rule:{rule.Id}", rule.Name));
            await db.SaveChangesAsync(ct);
            cache.Forget(rule.WorkspaceId);
            return TypedResults.Ok(AlertRuleDto.From(rule));
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, LoopwiseDbContext db, SqliteWriteGate gate, TimeProvider clock, AlertRuleCache cache, HttpContext http, CancellationToken ct)
    {
        using (await gate.EnterAsync(ct))
        {
            var rule = await db.Set<AlertRule>().FirstOrDefaultAsync(r => r.Id == id, ct);
            if (rule is null)
            {
                return new Error.NotFound($"Alert rule {id} does not exist in this workspace.").ToProblem();
            }

            db.Remove(rule);
            db.Add(AuditEntry.Of(rule.WorkspaceId, clock.GetUtcNow().UtcDateTime, http.User.Actor(), "alert-rule.deleted", $"alert-rule:{rule.Id}", rule.Name));
            await db.SaveChangesAsync(ct);
            cache.Forget(rule.WorkspaceId);
            return TypedResults.NoContent();
        }
    }

    private static Error.Invalid? Validate(AlertRuleInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200)
        {
            errors["name"] = ["A rule needs a name of at most 200 characters."];
        }

        if (input.Conditions is null)
        {
            errors["conditions"] = ["A rule needs its conditions."];
        }
        else
        {
            foreach (var (k, v) in input.Conditions.Validate())
            {
                errors[k] = v;
            }
        }

        if (input.Actions is null)
        {
            errors["actions"] = ["A rule needs its actions."];
        }
        else
        {
            foreach (var (k, v) in input.Actions.Validate())
            {
                errors[k] = v;
            }
        }

        return errors.Count > 0 ? new Error.Invalid(errors) : null;
    }
}
