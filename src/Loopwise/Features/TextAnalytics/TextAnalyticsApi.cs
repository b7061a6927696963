using Loopwise.Data;
using Loopwise.Features.Users;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Loopwise.Features.TextAnalytics;

/// <summary>
/// Text analytics (cx-reference.md §6) and key drivers (§5) over the workspace's comments. Reading needs text.read;
/// the taxonomy is edited with text.taxonomy. Comments are always shown redacted.
/// </summary>
internal static class TextAnalyticsApi
{
    public static RouteGroupBuilder MapTextAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/text").WithTags("Text analytics").RequireAuthorization(Permissions.TextRead);
        group.MapGet("/summary", SummaryAsync).WithName("GetTextSummary")
            .WithSummary("Comments over a range (?from=&to= UTC days, inclusive; the last 90 days by default; ?touchpoint=key): sentiment labels, languages, emotions, redactions and how many analyses are stale.");
        group.MapGet("/topics", TopicsAsync).WithName("ListTopicStats")
            .WithSummary("Every topic of the taxonomy with its mentions, share of analysed comments, aspect sentiment, share negative and the NPS of the responses mentioning it.");
        group.MapGet("/topics/{*key}", TopicAsync).WithName("GetTopicDetail")
            .WithSummary("A topic's trend (…/trend, ?interval=day|week|month|quarter) or a page of its comments, newest first, with sentences and matched phrases to highlight (…/comments, ?label=&page=&pageSize=).");
        group.MapGet("/drivers", DriversAsync).WithName("GetTextDrivers")
            .WithSummary("Key drivers (cx-reference §5): Johnson's relative weights of the topic flags on the NPS (?outcome=nps|csat) with 90% bootstrap intervals, n and R², or the guard that suppressed them; plus topic impact, NPS(mentioning) − NPS(not), tested and Holm-adjusted. ?parent= analyses one topic's children.");
        group.MapGet("/emerging", EmergingAsync).WithName("GetEmergingTopics")
            .WithSummary("Topics whose share of comments grew significantly in the 30 days ending at ?to= against the 90 days before (one-sided two-proportion test, Holm-adjusted).");
        group.MapGet("/suggestions", SuggestionsAsync).WithName("SuggestTopics")
            .WithSummary("Topic discovery: key phrases of the analysed comments no topic covers (TF-IDF, grouped), each with a proposed rule to add to the taxonomy.");
        group.MapGet("/taxonomy", TaxonomyAsync).WithName("GetTaxonomy")
            .WithSummary("The topic taxonomy in force: version 0 is the unsaved starter taxonomy of the industry.");
        group.MapPut("/taxonomy", SaveTaxonomyAsync).WithName("SaveTaxonomy").RequireAuthorization(Permissions.TaxonomyWrite)
            .WithSummary("Saves the whole taxonomy {version, industry, topics: [{key, name, rule}]} as the next version and queues the re-analysis of the comments. A rule that does not parse is refused with its topic and character position; a save over a newer version is a conflict.");
        group.MapPost("/analyse", AnalyseAsync).WithName("AnalyseText")
            .WithSummary("Analyses a text {text} with the workspace's taxonomy without storing it: redacted text, language, sentiment, emotions and topics.");
        group.MapPost("/reanalyse", ReanalyseAsync).WithName("ReanalyseComments").RequireAuthorization(Permissions.TaxonomyWrite)
            .WithSummary("Queues the re-analysis of every comment of the workspace with the current taxonomy and model.");
        return group;
    }

    private static async Task<Results<Ok<TextSummaryDto>, ProblemHttpResult>> SummaryAsync(
        string? from, string? to, string? touchpoint, LoopwiseDbContext db, TimeProvider clock, TextAnalyticsQuery query, CancellationToken ct)
    {
        var range = await TextRange.ParseAsync(db, clock, from, to, touchpoint, null, ct);
        return range.IsSuccess ? TypedResults.Ok(await query.SummaryAsync(range.Value!, ct)) : range.Error!.ToProblem();
    }

    private static async Task<Results<Ok<TopicsDto>, ProblemHttpResult>> TopicsAsync(
        string? from, string? to, string? touchpoint, LoopwiseDbContext db, TimeProvider clock, TextAnalyticsQuery query, CancellationToken ct)
    {
        var range = await TextRange.ParseAsync(db, clock, from, to, touchpoint, null, ct);
        return range.IsSuccess ? TypedResults.Ok(await query.TopicsAsync(range.Value!, ct)) : range.Error!.ToProblem();
    }

    // Topic keys are paths ("billing/refunds"), so the detail routes end in /trend or /comments after the key.
    private static async Task<IResult> TopicAsync(
        string key, string? from, string? to, string? touchpoint, string? interval, string? label, int? page, int? pageSize,
        LoopwiseDbContext db, TimeProvider clock, TextAnalyticsQuery query, CancellationToken ct)
    {
        var (topic, view) = key.LastIndexOf('/') is var slash and > 0 ? (key[..slash], key[(slash + 1)..]) : (key, "");
        if (view is not ("trend" or "comments"))
        {
            return new Error.NotFound("Use /api/v1/text/topics/{key}/trend or /api/v1/text/topics/{key}/comments.").ToProblem();
        }

        var range = await TextRange.ParseAsync(db, clock, from, to, touchpoint, interval, ct);
        if (!range.IsSuccess)
        {
            return range.Error!.ToProblem();
        }

        if (view == "trend")
        {
            var trend = await query.TrendAsync(topic, range.Value!, ct);
            return trend.IsSuccess ? TypedResults.Ok(trend.Value!) : trend.Error!.ToProblem();
        }

        var comments = await query.CommentsAsync(topic, range.Value!, label, page ?? 1, pageSize ?? 20, ct);
        return comments.IsSuccess ? TypedResults.Ok(comments.Value!) : comments.Error!.ToProblem();
    }

    private static async Task<Results<Ok<TextDriversDto>, ProblemHttpResult>> DriversAsync(
        string? from, string? to, string? touchpoint, string? outcome, string? parent, LoopwiseDbContext db, TimeProvider clock, TextDriversQuery query, CancellationToken ct)
    {
        var range = await TextRange.ParseAsync(db, clock, from, to, touchpoint, null, ct);
        if (!range.IsSuccess)
        {
            return range.Error!.ToProblem();
        }

        var drivers = await query.DriversAsync(range.Value!, outcome, parent, ct);
        return drivers.IsSuccess ? TypedResults.Ok(drivers.Value!) : drivers.Error!.ToProblem();
    }

    private static async Task<Results<Ok<EmergingTopicsDto>, ProblemHttpResult>> EmergingAsync(
        string? to, string? touchpoint, LoopwiseDbContext db, TimeProvider clock, TextDriversQuery query, CancellationToken ct)
    {
        var range = await TextRange.ParseAsync(db, clock, null, to, touchpoint, null, ct);
        return range.IsSuccess ? TypedResults.Ok(await query.EmergingAsync(range.Value!, ct)) : range.Error!.ToProblem();
    }

    private static async Task<Results<Ok<TopicSuggestionsDto>, ProblemHttpResult>> SuggestionsAsync(
        string? from, string? to, string? touchpoint, LoopwiseDbContext db, TimeProvider clock, TopicSuggestions suggestions, CancellationToken ct)
    {
        var range = await TextRange.ParseAsync(db, clock, from, to, touchpoint, null, ct);
        return range.IsSuccess ? TypedResults.Ok(await suggestions.SuggestAsync(range.Value!, ct)) : range.Error!.ToProblem();
    }

    private static async Task<Ok<TaxonomyDto>> TaxonomyAsync(TaxonomyStore taxonomies, CancellationToken ct) =>
        TypedResults.Ok(TaxonomyDto.From(await taxonomies.CurrentAsync(ct)));

    private static async Task<Results<Ok<TaxonomyDto>, ProblemHttpResult>> SaveTaxonomyAsync(
        SaveTaxonomyRequest body, TaxonomyStore taxonomies, HttpContext http, CancellationToken ct)
    {
        var saved = await taxonomies.SaveAsync(body.Industry, body.Topics, body.Version, http.User.Actor(), ct);
        return saved.IsSuccess ? TypedResults.Ok(TaxonomyDto.From(saved.Value!)) : saved.Error!.ToProblem();
    }

    private static async Task<Results<Ok<ScoredCommentDto>, ProblemHttpResult>> AnalyseAsync(
        AnalyseRequest body, LoopwiseDbContext db, TaxonomyStore taxonomies, TextAnalyzerCache analyzers, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > Core.Surveys.Question.DefaultTextMaxLength * 5)
        {
            return Error.Invalid.Field("text", "Give a text of 1 to 10 000 characters.").ToProblem();
        }

        var analyzer = analyzers.Get(db.Scope.WorkspaceId, await taxonomies.CurrentAsync(ct));
        return TypedResults.Ok(ScoredCommentDto.From(analyzer.Analyze(body.Text)));
    }

    private static async Task<Accepted> ReanalyseAsync(LoopwiseDbContext db, TaxonomyStore taxonomies, TextReanalysis reanalysis, CancellationToken ct)
    {
        var taxonomy = await taxonomies.CurrentAsync(ct);
        reanalysis.Enqueue(taxonomy.Version);
        await db.SaveChangesAsync(ct);
        return TypedResults.Accepted("/api/v1/text/summary");
    }
}
