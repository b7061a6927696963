using Loopwise.Features.Users;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Loopwise.Features.Targets;

/// <summary>
/// KPI targets and action thresholds (cx-reference.md §10) per workspace. Reading needs dashboards.read. Changing needs
/// surveys.publish: no capability names KPI targets yet, and surveys.publish is the nearest to the programme owner
/// (the Manager of §11, who runs the programme).
/// </summary>
internal static class TargetsApi
{
    public const string ChangePermission = Permissions.TargetsWrite;

    public static RouteGroupBuilder MapTargetsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/targets").WithTags("Targets").RequireAuthorization(Permissions.DashboardsRead);
        group.MapGet("/", ListAsync).WithName("ListKpiTargets")
            .WithSummary("Every KPI with its effective target (the workspace's override or the shipped default of cx-reference.md §10), the default, whether it is overridden, and warnings.");
        group.MapGet("/events", EventsAsync).WithName("ListKpiThresholdEvents")
            .WithSummary("Events recorded when a KPI entered its action threshold, newest first; from/to are UTC days (yyyy-MM-dd, inclusive).");
        group.MapGet("/{kpi}", GetAsync).WithName("GetKpiTarget").WithSummary("One KPI's effective and default target.");
        group.MapPut("/{kpi}", SaveAsync).WithName("SetKpiTarget").RequireAuthorization(ChangePermission)
            .WithSummary("Overrides a KPI's target: target/benchmark/action as {op, value} or {op: \"between\", low, high}, min_n, enabled, settings (YAML field names). Errors refuse with field paths such as fcr.action.op; warnings are returned with the saved entry.");
        group.MapDelete("/{kpi}", ResetAsync).WithName("ResetKpiTarget").RequireAuthorization(ChangePermission)
            .WithSummary("Removes the workspace's override: the shipped default applies again.");
        return group;
    }

    private static async Task<Ok<List<KpiTargetView>>> ListAsync(KpiTargetStore targets, CancellationToken ct) =>
        TypedResults.Ok(await targets.ListAsync(ct));

    private static async Task<Results<Ok<KpiTargetView>, ProblemHttpResult>> GetAsync(string kpi, KpiTargetStore targets, CancellationToken ct)
    {
        var result = await targets.GetAsync(kpi, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<KpiTargetView>, ProblemHttpResult>> SaveAsync(
        string kpi, KpiTargetInput body, KpiTargetStore targets, HttpContext http, CancellationToken ct)
    {
        var result = await targets.SaveAsync(kpi, body, http.User.Actor(), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<KpiTargetView>, ProblemHttpResult>> ResetAsync(string kpi, KpiTargetStore targets, HttpContext http, CancellationToken ct)
    {
        var result = await targets.ResetAsync(kpi, http.User.Actor(), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<List<ThresholdEventDto>>, ProblemHttpResult>> EventsAsync(
        string? from, string? to, ThresholdMonitor monitor, CancellationToken ct)
    {
        var result = await monitor.ListEventsAsync(from, to, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
    }
}
