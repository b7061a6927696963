using Loopwise.Data;
using Loopwise.Features.Responses.Export;
using Loopwise.Features.Users;
using Loopwise.Web;

namespace Loopwise.Features.Responses;

internal static class ResponsesApi
{
    public static RouteGroupBuilder MapResponsesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/surveys/{surveyId:guid}").WithTags("Responses");
        group.MapPost("/responses", CreateAsync).RequireAuthorization(Permissions.ResponsesWrite)
            .Accepts<ResponseInput>("application/json").Produces<CreatedResponse>(StatusCodes.Status201Created)
            .WithName("CreateResponse").WithSummary("Stores one completed response. Optional Idempotency-Key header.");
        group.MapPost("/responses/batch", CreateBatchAsync).RequireAuthorization(Permissions.ResponsesWrite)
            .Accepts<ResponseBatchInput>("application/json").Produces<CreatedResponses>(StatusCodes.Status201Created)
            .WithName("CreateResponseBatch").WithSummary("Stores up to 10 000 completed responses, all or none. Requires an Idempotency-Key header.");
        group.MapGet("/responses.csv", ExportAsync).RequireAuthorization(Permissions.Export)
            .WithName("ExportResponses").WithSummary("Completed responses as CSV, one column per question; optional from/to (completion time, UTC).");
        return group;
    }

    private static Task<IResult> CreateAsync(
        Guid surveyId, IdempotentBody<ResponseInput> body, IngestResponses ingest, IdempotencyService idempotency, WorkspaceScope scope, CancellationToken ct) =>
        idempotency.RunAsync(scope.WorkspaceId, body, keyRequired: false, async (item, record) =>
        {
            var result = await ingest.HandleAsync(scope.WorkspaceId, surveyId, [item], pathPrefix: null, Recorder(record, ids => new CreatedResponse(ids[0])), ct);
            return result.IsSuccess
                ? TypedResults.Created($"/api/v1/surveys/{surveyId}/responses/{result.Value![0]}", new CreatedResponse(result.Value[0]))
                : result.Error!.ToProblem();
        }, ct);

    private static Task<IResult> CreateBatchAsync(
        Guid surveyId, IdempotentBody<ResponseBatchInput> body, IngestResponses ingest, IdempotencyService idempotency, WorkspaceScope scope, CancellationToken ct) =>
        idempotency.RunAsync(scope.WorkspaceId, body, keyRequired: true, async (batch, record) =>
        {
            var result = await ingest.HandleAsync(scope.WorkspaceId, surveyId, batch.Responses ?? [], "responses", Recorder(record, ids => new CreatedResponses(ids.Count, ids)), ct);
            return result.IsSuccess
                ? TypedResults.Json(new CreatedResponses(result.Value!.Count, result.Value), statusCode: StatusCodes.Status201Created)
                : result.Error!.ToProblem();
        }, ct);

    private static Func<IReadOnlyList<Guid>, CancellationToken, Task>? Recorder<T>(IdempotentWrite? record, Func<IReadOnlyList<Guid>, T> outcome) =>
        record is null ? null : (ids, ct) => record.RecordAsync(StatusCodes.Status201Created, outcome(ids), ct);

    private static async Task<IResult> ExportAsync(Guid surveyId, DateTime? from, DateTime? to, ResponseExporter exporter, CancellationToken ct)
    {
        var prepared = await exporter.PrepareAsync(surveyId.ToString(), from, to, ct);
        if (!prepared.IsSuccess)
        {
            return prepared.Error!.ToProblem();
        }

        return TypedResults.Stream(
            async stream =>
            {
                await using var text = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                await exporter.WriteAsync(prepared.Value!, text, ct);
            },
            "text/csv; charset=utf-8",
            prepared.Value!.FileName);
    }
}
