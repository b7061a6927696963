using Loopwise.Data;
using Loopwise.Features.Users;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Loopwise.Features.Jobs;

/// <summary>
/// The workspace's background jobs (ADR 10), for its administrators (jobs.manage): the state of its queue and the
/// retry of a dead job. A workspace sees and retries only its own jobs; system jobs are the CLI's (<c>loopwise jobs</c>).
/// </summary>
internal static class JobsApi
{
    public static RouteGroupBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/jobs").WithTags("Jobs").RequireAuthorization(Permissions.JobsManage);
        group.MapGet("/", StatusAsync).WithName("GetJobsStatus")
            .WithSummary("The workspace's jobs: counts by kind and status (queued, running, succeeded, dead), how long the oldest due queued job has waited (seconds), and the most recent dead jobs with their last error.");
        group.MapPost("/{id:guid}/retry", RetryAsync).WithName("RetryJob")
            .WithSummary("Queues a dead job again with a fresh set of attempts (audited). 404 when the workspace has no such job; 409 when the job is not dead.");
        return group;
    }

    private static async Task<Ok<JobsStatusDto>> StatusAsync(JobAdmin jobs, WorkspaceScope scope, CancellationToken ct) =>
        TypedResults.Ok(await jobs.StatusAsync(scope.WorkspaceId, ct));

    private static async Task<Results<Ok<JobDto>, ProblemHttpResult>> RetryAsync(Guid id, JobAdmin jobs, WorkspaceScope scope, HttpContext http, CancellationToken ct)
    {
        var result = await jobs.RetryAsync(scope.WorkspaceId, id, http.User.Actor(), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
    }
}
