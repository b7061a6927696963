using Loopwise.Data;
using Loopwise.Features.Users;
using Loopwise.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Loopwise.Features.Commerce;

internal static class CommerceApi
{
    public static RouteGroupBuilder MapCommerceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Commerce");
        group.MapPost("/customers/batch", (IdempotentBody<FactBatch<CustomerInput>> body, CustomerIngest ingest, IdempotencyService idempotency, WorkspaceScope scope, CancellationToken ct) =>
                BatchAsync(body, ingest, idempotency, scope, ct))
            .RequireAuthorization(Permissions.DistributionWrite).Accepts<FactBatch<CustomerInput>>("application/json").Produces<IngestOutcome>(StatusCodes.Status201Created)
            .WithName("UpsertCustomerBatch").WithSummary("Creates or updates up to 10 000 customers by external id, all or none; attribute changes are kept as history. Requires an Idempotency-Key header.");
        group.MapGet("/customers/{externalId}", GetCustomerAsync).RequireAuthorization(Permissions.DistributionRead)
            .WithName("GetCustomer").WithSummary("A customer by the workspace's external id.");
        group.MapGet("/customers/{externalId}/attribute-changes", GetAttributeChangesAsync).RequireAuthorization(Permissions.DistributionRead)
            .WithName("GetCustomerAttributeChanges").WithSummary("The recorded attribute changes of a customer, oldest first.");
        group.MapPost("/orders/batch", (IdempotentBody<FactBatch<OrderInput>> body, OrderIngest ingest, IdempotencyService idempotency, WorkspaceScope scope, CancellationToken ct) =>
                BatchAsync(body, ingest, idempotency, scope, ct))
            .RequireAuthorization(Permissions.ResponsesWrite).Accepts<FactBatch<OrderInput>>("application/json").Produces<IngestOutcome>(StatusCodes.Status201Created)
            .WithName("CreateOrderBatch").WithSummary("Stores up to 10 000 orders, all or none. Requires an Idempotency-Key header.");
        group.MapPost("/subscriptions/batch", (IdempotentBody<FactBatch<SubscriptionInput>> body, SubscriptionIngest ingest, IdempotencyService idempotency, WorkspaceScope scope, CancellationToken ct) =>
                BatchAsync(body, ingest, idempotency, scope, ct))
            .RequireAuthorization(Permissions.ResponsesWrite).Accepts<FactBatch<SubscriptionInput>>("application/json").Produces<IngestOutcome>(StatusCodes.Status201Created)
            .WithName("CreateSubscriptionBatch").WithSummary("Stores up to 10 000 subscriptions or cancellations of stored ones, all or none. Requires an Idempotency-Key header.");
        group.MapPost("/referrals/batch", (IdempotentBody<FactBatch<ReferralInput>> body, ReferralIngest ingest, IdempotencyService idempotency, WorkspaceScope scope, CancellationToken ct) =>
                BatchAsync(body, ingest, idempotency, scope, ct))
            .RequireAuthorization(Permissions.ResponsesWrite).Accepts<FactBatch<ReferralInput>>("application/json").Produces<IngestOutcome>(StatusCodes.Status201Created)
            .WithName("CreateReferralBatch").WithSummary("Stores up to 10 000 referrals or conversions of stored ones, all or none. Requires an Idempotency-Key header.");
        group.MapPost("/journey-steps/batch", (IdempotentBody<FactBatch<JourneyStepInput>> body, JourneyStepIngest ingest, IdempotencyService idempotency, WorkspaceScope scope, CancellationToken ct) =>
                BatchAsync(body, ingest, idempotency, scope, ct))
            .RequireAuthorization(Permissions.ResponsesWrite).Accepts<FactBatch<JourneyStepInput>>("application/json").Produces<IngestOutcome>(StatusCodes.Status201Created)
            .WithName("CreateJourneyStepBatch").WithSummary("Stores up to 10 000 journey step facts, all or none. Requires an Idempotency-Key header.");
        group.MapPut("/journeys/{key}", PutJourneyAsync).RequireAuthorization(Permissions.TouchpointsWrite)
            .WithName("PutJourney").WithSummary("Creates or replaces a journey definition: its name and step keys in funnel order.");
        group.MapGet("/journeys/{key}", GetJourneyAsync).RequireAuthorization(Permissions.DashboardsRead)
            .WithName("GetJourney").WithSummary("A journey definition.");
        group.MapGet("/journeys/{key}/funnel", GetFunnelAsync).RequireAuthorization(Permissions.DashboardsRead)
            .WithName("GetJourneyFunnel").WithSummary("Started, completed and abandoned per step over [from, to) (UTC days), with completion and abandonment rates.");
        group.MapGet("/commerce/revenue", GetRevenueAsync).RequireAuthorization(Permissions.DashboardsRead)
            .WithName("GetRevenue").WithSummary("Orders, revenue, active customers and revenue per active customer per month in [from, to).");
        group.MapGet("/commerce/churn", GetChurnAsync).RequireAuthorization(Permissions.DashboardsRead)
            .WithName("GetChurn").WithSummary("Logo and revenue churn of subscriptions over [from, to): lost during the period / active at its start.");
        group.MapGet("/commerce/referrals", GetReferralsAsync).RequireAuthorization(Permissions.DashboardsRead)
            .WithName("GetReferrals").WithSummary("Referrals, conversions, new customers and the acquisition-basis referral rate over [from, to).");
        group.MapGet("/commerce/advocacy", GetAdvocacyAsync).RequireAuthorization(Permissions.DashboardsRead)
            .WithName("GetAdvocacy").WithSummary("Advocacy-basis referral rate of a month: customers who referred / active customers.");
        group.MapGet("/commerce/cohorts", GetCohortsAsync).RequireAuthorization(Permissions.DashboardsRead)
            .WithName("GetRetentionCohorts").WithSummary("Retention cohorts by acquisition month in [from, to), periods months each.");
        return group;
    }

    private static Task<IResult> BatchAsync<TInput, TFact>(
        IdempotentBody<FactBatch<TInput>> body, FactIngest<TInput, TFact> ingest, IdempotencyService idempotency, WorkspaceScope scope, CancellationToken ct)
        where TInput : class
        where TFact : class =>
        idempotency.RunAsync(scope.WorkspaceId, body, keyRequired: true, async (batch, record) =>
        {
            var result = await ingest.IngestAsync(
                scope.WorkspaceId, batch.Items ?? [], record is null ? null : (outcome, c) => record.RecordAsync(StatusCodes.Status201Created, outcome, c), ct);
            return result.IsSuccess
                ? TypedResults.Json(result.Value, statusCode: StatusCodes.Status201Created)
                : result.Error!.ToProblem();
        }, ct);

    private static async Task<Results<Ok<CustomerDto>, NotFound>> GetCustomerAsync(string externalId, CommerceDirectory directory, CancellationToken ct) =>
        await directory.CustomerAsync(externalId, ct) is { } customer ? TypedResults.Ok(customer) : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<AttributeChangeDto>>, NotFound>> GetAttributeChangesAsync(string externalId, CommerceDirectory directory, CancellationToken ct) =>
        await directory.AttributeChangesAsync(externalId, ct) is { } changes ? TypedResults.Ok(changes) : TypedResults.NotFound();

    private static async Task<Results<Ok<JourneyDto>, ProblemHttpResult>> PutJourneyAsync(string key, JourneyInput input, CommerceDirectory directory, CancellationToken ct)
    {
        var result = await directory.SaveJourneyAsync(key, input, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<JourneyDto>, NotFound>> GetJourneyAsync(string key, CommerceDirectory directory, CancellationToken ct) =>
        await directory.JourneyAsync(key, ct) is { } journey ? TypedResults.Ok(journey) : TypedResults.NotFound();

    private static async Task<Results<Ok<JourneyFunnel>, NotFound, ProblemHttpResult>> GetFunnelAsync(string key, DateOnly? from, DateOnly? to, CommerceQuery query, CancellationToken ct)
    {
        if (Period(from, to) is { } problem)
        {
            return problem;
        }

        return await query.FunnelAsync(key, from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue, ct) is { } funnel ? TypedResults.Ok(funnel) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<IReadOnlyList<MonthRevenue>>, ProblemHttpResult>> GetRevenueAsync(DateOnly from, DateOnly to, CommerceQuery query, CancellationToken ct) =>
        Period(from, to) is { } problem ? problem : TypedResults.Ok(await query.RevenueAsync(from, to, ct));

    private static async Task<Results<Ok<ChurnPeriod>, ProblemHttpResult>> GetChurnAsync(DateOnly from, DateOnly to, CommerceQuery query, CancellationToken ct) =>
        Period(from, to) is { } problem ? problem : TypedResults.Ok(await query.ChurnAsync(from, to, ct));

    private static async Task<Results<Ok<ReferralPeriod>, ProblemHttpResult>> GetReferralsAsync(DateOnly from, DateOnly to, CommerceQuery query, CancellationToken ct) =>
        Period(from, to) is { } problem ? problem : TypedResults.Ok(await query.ReferralsAsync(from, to, ct));

    private static async Task<Ok<AdvocacyMonth>> GetAdvocacyAsync(DateOnly month, CommerceQuery query, CancellationToken ct) =>
        TypedResults.Ok(await query.AdvocacyAsync(month, ct));

    private static async Task<Results<Ok<IReadOnlyList<CohortRow>>, ProblemHttpResult>> GetCohortsAsync(DateOnly from, DateOnly to, int? periods, CommerceQuery query, CancellationToken ct)
    {
        if (Period(from, to) is { } problem)
        {
            return problem;
        }

        if (periods is < 1 or > 60)
        {
            return Error.Invalid.Field("periods", "Between 1 and 60 months.").ToProblem();
        }

        return TypedResults.Ok(await query.CohortsAsync(from, to, periods ?? 12, ct));
    }

    private static ProblemHttpResult? Period(DateOnly? from, DateOnly? to) =>
        from is { } f && to is { } t && t <= f ? Error.Invalid.Field("to", "The end (exclusive) must come after the start.").ToProblem() : null;
}
