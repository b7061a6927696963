using Loopwise.Features.Users;
using Loopwise.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Loopwise.Features.Metrics;

internal static class MetricsApi
{
    public static RouteGroupBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/surveys").WithTags("Metrics").RequireAuthorization(Permissions.DashboardsRead);
        group.MapGet("/{id:guid}/metrics", GetAsync).WithName("GetSurveyMetrics")
            .WithSummary("NPS, CSAT, CES and rating metrics with 95% intervals, n, trend, per-touchpoint breakdown and response funnel. Proportions are in 0..1.");
        return group;
    }

    private static async Task<Results<Ok<SurveyMetrics>, ProblemHttpResult>> GetAsync(
        Guid id, string? from, string? to, string? touchpoint, string? interval, MetricsQuery metrics, CancellationToken ct)
    {
        var result = await metrics.HandleAsync(new MetricsRequest(id, from, to, touchpoint, interval), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
    }
}
