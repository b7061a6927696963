using System.Globalization;
using Loopwise.Data;
using Loopwise.Features.Touchpoints;
using Loopwise.Features.Users;
using Loopwise.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.TextAnalytics;

/// <summary>
/// The text analytics page: comments of a range at a glance, topics by volume and sentiment (bubble chart and table),
/// and a topic's drill-down (trend and comments with the matched phrases highlighted), which htmx loads in place
/// (<c>?handler=Topic</c>) and which the same URL without the handler renders as a whole page.
/// </summary>
[Authorize(Policy = Permissions.TextRead)]
public sealed class TextAnalyticsIndexModel(
    LoopwiseDbContext db, TimeProvider clock, TextAnalyticsQuery query, TextDriversQuery driversQuery, TaxonomyStore taxonomies, TextReanalysis reanalysis) : PageModel
{
    public const int CommentsPageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Touchpoint { get; set; }

    /// <summary>The trend interval of the drill-down: day, week (default), month or quarter.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Interval { get; set; }

    /// <summary>"all" shows every level of the taxonomy; by default the top-level topics (a parent counts its sub-topics' mentions).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    /// <summary>The outcome key drivers explain: "nps" (default) or "csat".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Outcome { get; set; }

    /// <summary>The topic drilled into (its key), if any.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Topic { get; set; }

    /// <summary>The sentiment label the drill-down's comments are filtered to.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Label { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? CommentsPage { get; set; }

    public IReadOnlyList<Touchpoint> Touchpoints { get; private set; } = [];

    public TextSummaryDto? Summary { get; private set; }

    public TopicsDto? Topics { get; private set; }

    public TopicDetailView? Detail { get; private set; }

    public TextDriversDto? Drivers { get; private set; }

    public EmergingTopicsDto? Emerging { get; private set; }

    public bool CanEditTaxonomy => User.HasClaim(Permissions.ClaimType, Permissions.TaxonomyWrite);

    public bool TopLevelOnly => !string.Equals(Level, "all", StringComparison.Ordinal);

    /// <summary>The topics shown: every level, or the top level, most mentioned first.</summary>
    public IReadOnlyList<TopicStatsDto> ShownTopics =>
        Topics is null ? [] : [.. Topics.Topics.Where(t => !TopLevelOnly || t.Depth == 1).OrderByDescending(t => t.Mentions).ThenBy(t => t.Key, StringComparer.Ordinal)];

    public string CsvUrl => "/text/topics.csv" + Filters();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Touchpoints = await db.Set<Touchpoint>().AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        var range = await TextRange.ParseAsync(db, clock, From, To, Touchpoint, Interval, ct);
        if (!range.IsSuccess)
        {
            range.Error!.AddTo(ModelState);
            return Page();
        }

        Resolve(range.Value!);
        Summary = await query.SummaryAsync(range.Value!, ct);
        Topics = await query.TopicsAsync(range.Value!, ct);
        var drivers = await driversQuery.DriversAsync(range.Value!, Outcome is { Length: > 0 } ? Outcome : null, null, ct);
        if (drivers.IsSuccess)
        {
            Drivers = drivers.Value!;
        }
        else
        {
            drivers.Error!.AddTo(ModelState);
        }

        Emerging = await driversQuery.EmergingAsync(range.Value!, ct);
        if (Topic is { Length: > 0 })
        {
            Detail = await DetailAsync(range.Value!, ct);
        }

        return Page();
    }

    /// <summary>The drill-down alone, for htmx: always 200, with the error in the fragment, so htmx swaps it in.</summary>
    public async Task<IActionResult> OnGetTopicAsync(CancellationToken ct)
    {
        // A fragment URL opened as a page (a reload after htmx pushed it, or a restore htmx did not cache) gets the page.
        if (!Request.Headers.ContainsKey("HX-Request") || Request.Headers.ContainsKey("HX-History-Restore-Request"))
        {
            return Redirect(Topic is { Length: > 0 } topic ? TopicUrl(topic, Label, CommentsPage ?? 1) : "/text" + Filters());
        }

        var range = await TextRange.ParseAsync(db, clock, From, To, Touchpoint, Interval, ct);
        if (!range.IsSuccess)
        {
            range.Error!.AddTo(ModelState);
        }
        else
        {
            Resolve(range.Value!);
            Detail = await DetailAsync(range.Value!, ct);
        }

        return Partial("_TopicDetail", this);
    }

    /// <summary>Queues the re-analysis of every comment with the current taxonomy and model (text.taxonomy).</summary>
    public async Task<IActionResult> OnPostReanalyseAsync(CancellationToken ct)
    {
        if (!CanEditTaxonomy)
        {
            return Forbid();
        }

        var taxonomy = await taxonomies.CurrentAsync(ct);
        reanalysis.Enqueue(taxonomy.Version);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = $"Re-analysis of the workspace's comments queued (taxonomy version {taxonomy.Version.ToString(CultureInfo.InvariantCulture)}). The figures update as it runs.";
        return Redirect("/text" + Filters());
    }

    /// <summary>The filters of the page (range, touchpoint, interval, level) that are set, for links and hidden fields.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> FilterFields() =>
    [
        .. new KeyValuePair<string, string?>[]
        {
            new("from", From), new("to", To), new("touchpoint", Touchpoint is { Length: > 0 } ? Touchpoint : null),
            new("interval", Interval is { Length: > 0 } ? Interval : null), new("level", TopLevelOnly ? null : "all"),
            new("outcome", Outcome is { Length: > 0 } ? Outcome : null),
        }.Where(p => p.Value is not null),
    ];

    /// <summary>The filters of the page as a query.</summary>
    public QueryString Filters() => QueryString.Create(FilterFields());

    /// <summary>The whole page drilled into <paramref name="key"/> (the link without JavaScript, and the URL htmx pushes).</summary>
    public string TopicUrl(string key, string? label = null, int page = 1) =>
        "/text" + Filters().Add(DetailQuery(key, label, page)) + "#topic-detail";

    /// <summary>The drill-down fragment of <paramref name="key"/> for htmx.</summary>
    public string TopicPartialUrl(string key, string? label = null, int page = 1) =>
        "/text" + Filters().Add(QueryString.Create("handler", "Topic")).Add(DetailQuery(key, label, page));

    /// <summary>"Parent › Child" for a sub-topic, the name alone for a top-level one.</summary>
    public string TopicLabel(TopicStatsDto topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return TopicLabel(topic.Key, topic.Name);
    }

    public string TopicLabel(string key, string name)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.LastIndexOf('/');
        if (slash < 0 || Topics is null)
        {
            return name;
        }

        var parent = key[..slash];
        var parentName = Topics.Topics.FirstOrDefault(t => t.Key == parent)?.Name ?? parent;
        return TopicLabel(parent, parentName) + " › " + name;
    }

    /// <summary>The direct sub-topics of <paramref name="key"/>, most mentioned first.</summary>
    public IReadOnlyList<TopicStatsDto> SubTopics(string key) =>
        Topics is null ? [] : [.. Topics.Topics
            .Where(t => t.Key.StartsWith(key + "/", StringComparison.Ordinal) && !t.Key[(key.Length + 1)..].Contains('/', StringComparison.Ordinal))
            .OrderByDescending(t => t.Mentions).ThenBy(t => t.Key, StringComparer.Ordinal)];

    /// <summary>The bubbles: topics shown with at least one mention.</summary>
    public string BubbleChart() => TextCharts.Bubbles(
        [.. ShownTopics.Where(t => t.Mentions > 0).Select(t => new TextCharts.Bubble(t.Name, t, TopicUrl(t.Key), TopicPartialUrl(t.Key)))]);

    /// <summary>The drivers chart: topics with a weight, heaviest first.</summary>
    public string DriversChart() => TextCharts.Drivers([.. Drivers!.Drivers.Select(d => (TopicLabel(d.Key, d.Name), d))], OutcomeName);

    /// <summary>"NPS" or "CSAT", as the drivers section names its outcome.</summary>
    public string OutcomeName => Drivers?.Outcome == "csat" ? "CSAT" : "NPS";

    public string? ErrorOf(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private static QueryString DetailQuery(string key, string? label, int page) => QueryString.Create(new KeyValuePair<string, string?>[]
    {
        new("topic", key), new("label", label is { Length: > 0 } ? label : null),
        new("p", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null),
    }.Where(p => p.Value is not null));

    private void Resolve(TextRange range)
    {
        (From, To) = (TextRange.Day(range.From), TextRange.Day(range.To));
        Touchpoint = range.TouchpointKey;
    }

    private async Task<TopicDetailView?> DetailAsync(TextRange range, CancellationToken ct)
    {
        var label = Label is { Length: > 0 } ? Label : null;
        var trend = await query.TrendAsync(Topic!, range, ct);
        if (!trend.IsSuccess)
        {
            trend.Error!.AddTo(ModelState, "topic");
            return null;
        }

        var comments = await query.CommentsAsync(Topic!, range, label, Math.Max(1, CommentsPage ?? 1), CommentsPageSize, ct);
        if (!comments.IsSuccess)
        {
            comments.Error!.AddTo(ModelState);
            return null;
        }

        Topics ??= await query.TopicsAsync(range, ct);
        var stats = Topics.Topics.FirstOrDefault(t => t.Key == Topic);
        return new TopicDetailView(trend.Value!, comments.Value!, stats, label);
    }
}
