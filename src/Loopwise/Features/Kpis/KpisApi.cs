using Loopwise.Features.Users;
using Loopwise.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Loopwise.Features.Kpis;

internal static class KpisApi
{
    public static RouteGroupBuilder MapKpisApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/kpis").WithTags("KPIs").RequireAuthorization(Permissions.DashboardsRead);
        group.MapGet("/{kpi}", GetAsync).WithName("GetKpiSeries")
            .WithSummary("A survey KPI (nps, tnps, csat, ces_effort, ces_agree) over a slice: per group, the total and one point per period with n, sample base and 95% interval. Proportions in 0..1, NPS in -1..1.");
        return group;
    }

    private static async Task<Results<Ok<KpiSeries>, ProblemHttpResult>> GetAsync(
        string kpi, string? from, string? to, string? interval, string? survey, string? touchpoint, string? channel, string? stage, string? where, string? by,
        KpiSeriesQuery query, CancellationToken ct)
    {
        var result = await query.HandleAsync(kpi, new KpiSliceRequest(from, to, interval, survey, touchpoint, channel, stage, where, by), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
    }
}
