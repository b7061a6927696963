using Loopwise.Features.Users;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Loopwise.Features.Dimensions;

internal static class DimensionsApi
{
    public static RouteGroupBuilder MapDimensionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/dimensions").WithTags("Dimensions");
        group.MapGet("/", ListAsync).WithName("ListDimensions").RequireAuthorization(Permissions.DashboardsRead)
            .WithSummary("The customer attributes metrics can be sliced by (region, plan, value tier...), in display order.");
        group.MapPut("/", ReplaceAsync).WithName("ReplaceDimensions").RequireAuthorization(Permissions.SurveysWrite)
            .WithSummary("Replaces the dimensions. Responses stored from now on carry a snapshot of their customer's values; earlier ones keep theirs.");
        return group;
    }

    private static async Task<Ok<List<DimensionDto>>> ListAsync(DimensionService dimensions, CancellationToken ct) =>
        TypedResults.Ok(await dimensions.ListAsync(ct));

    private static async Task<Results<Ok<List<DimensionDto>>, ProblemHttpResult>> ReplaceAsync(
        List<DimensionDto> body, DimensionService dimensions, HttpContext http, CancellationToken ct)
    {
        var result = await dimensions.ReplaceAsync(body, http.User.Actor(), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
    }
}
