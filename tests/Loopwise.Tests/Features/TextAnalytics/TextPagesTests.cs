using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Loopwise.Features.TextAnalytics;
using Loopwise.Features.Users;
using Loopwise.Tests.Features.Responses;
using Loopwise.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.TextAnalytics;

/// <summary>
/// The text analytics pages without JavaScript: the topics table and CSV carry the API's numbers, the drill-down marks
/// the matched phrases in the redacted, HTML-encoded comment (as a whole page, and as an htmx fragment), the taxonomy
/// editor saves through the store with the version it loaded and refuses a broken rule beside its row, and each page
/// and action asks for its permission.
/// </summary>
public abstract class TextPagesTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    private static readonly DateTime Day = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);

    private const string Range = "from=2026-03-01&to=2026-03-31";

    private static readonly object[] Topics =
    [
        new { key = "delivery", name = "Delivery", rule = "deliver*, courier, parcel" },
        new { key = "staff", name = "Staff", rule = "staff OR cashier" },
        new { key = "billing", name = "Billing", rule = "" },
        new { key = "billing/refunds", name = "Refunds", rule = "refund* OR \"money back\"" },
    ];

    [Fact]
    public async Task The_topics_table_and_csv_carry_the_apis_numbers()
    {
        var ws = await SeededAsync();
        using var browser = await SignInAsync(ws, "analyst", Role.Analyst);

        var page = await PageAsync(browser, "/text?" + Range + "&level=all");
        var topLevel = await PageAsync(browser, "/text?" + Range);
        using var api = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/text/topics?" + Range));

        // By default the top-level topics; every level on request.
        Assert.Equal(["delivery", "billing", "staff"], topLevel.QuerySelectorAll("[data-testid=topics-table] tbody tr").Select(r => r.GetAttribute("data-topic")));

        var rows = page.QuerySelectorAll("[data-testid=topics-table] tbody tr").ToList();
        var topics = api.RootElement.GetProperty("topics").EnumerateArray().ToList();
        Assert.Equal(topics.Count, rows.Count);
        foreach (var topic in topics)
        {
            var row = rows.Single(r => r.GetAttribute("data-topic") == topic.GetProperty("key").GetString());
            Assert.Equal(topic.GetProperty("mentions").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), row.QuerySelector("td")!.TextContent.Trim());
        }

        // Most mentioned first; a sub-topic is named with its parent; the chart has one bubble per mentioned topic.
        Assert.Equal("delivery", rows[0].GetAttribute("data-topic"));
        Assert.Contains("Billing › Refunds", rows.Single(r => r.GetAttribute("data-topic") == "billing/refunds").TextContent, StringComparison.Ordinal);
        using var chart = JsonDocument.Parse(page.QuerySelector("[data-testid=topics-chart] script[type='application/json']")!.TextContent);
        var bubbles = chart.RootElement.GetProperty("series")[0].GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(topics.Count(t => t.GetProperty("mentions").GetInt32() > 0), bubbles.Count);
        Assert.All(bubbles, b => Assert.StartsWith("/text?", b.GetProperty("link").GetString(), StringComparison.Ordinal));
        Assert.Equal("5", page.QuerySelector("[data-testid=tile-comments]")!.TextContent.Trim());
        Assert.Equal("4", page.QuerySelector("[data-testid=tile-analysed]")!.TextContent.Trim());

        var csv = await browser.Client.GetAsync(page.QuerySelector("[data-testid=topics-csv]")!.GetAttribute("href"));
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TextTopicsCsvModel.Header, lines[0]);
        Assert.Equal(1 + topics.Count, lines.Length);
        var delivery = lines[1].Split(',');
        var apiDelivery = topics.Single(t => t.GetProperty("key").GetString() == "delivery");
        Assert.Equal(["delivery", "Delivery", "1", "3"], delivery[..4]);
        Assert.Equal(apiDelivery.GetProperty("share").GetDouble(), double.Parse(delivery[4], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["4", "2026-03-01", "2026-03-31", ""], delivery[9..]);
    }

    [Fact]
    public async Task The_drill_down_marks_the_topics_phrases_in_the_encoded_redacted_comment_as_a_page_and_as_an_htmx_fragment()
    {
        var ws = await SeededAsync();
        using var browser = await SignInAsync(ws, "analyst", Role.Analyst);

        var page = await PageAsync(browser, "/text?" + Range + "&topic=delivery");
        var billing = await PageAsync(browser, "/text?" + Range + "&topic=billing");
        Assert.Equal(["billing/refunds"], billing.QuerySelectorAll("[data-testid=sub-topics] tbody tr").Select(r => r.GetAttribute("data-topic")));
        Assert.Empty(page.QuerySelectorAll("[data-testid=sub-topics]"));

        var card = page.QuerySelector("[data-testid=topic-detail-card]")!;
        Assert.Equal("delivery", card.GetAttribute("data-topic"));
        var comments = card.QuerySelectorAll("[data-testid=topic-comments] > li").ToList();
        Assert.Equal(3, comments.Count);

        // Newest first (14:00, 13:00, 12:00). The 13:00 comment's markup is text: encoded, never parsed as HTML.
        var encoded = comments[1].QuerySelector(".comment-text")!;
        Assert.Empty(encoded.QuerySelectorAll("b"));
        Assert.Contains("<b>", encoded.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Delivery"], encoded.QuerySelectorAll("mark").Select(m => m.TextContent));

        // The 12:00 comment: both of the topic's phrases marked, the phone number redacted, each sentence labelled in text.
        var oldest = comments[2];
        Assert.Equal(["delivery", "courier"], oldest.QuerySelectorAll("mark").Select(m => m.TextContent.ToLowerInvariant()));
        Assert.Contains("[PHONE]", oldest.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("555", oldest.TextContent, StringComparison.Ordinal);
        var sentences = oldest.QuerySelectorAll(".sentence").ToList();
        Assert.True(sentences.Count >= 2);
        Assert.Contains("s-negative", sentences[0].ClassList);
        Assert.Equal("negative sentence,", sentences[0].QuerySelector(".sentence-cue .visually-hidden")!.TextContent.Trim());
        Assert.Contains("badge action", oldest.QuerySelector(".comment-meta .badge")!.GetAttribute("class"), StringComparison.Ordinal);

        // The label filter keeps the positive comments only (the staff-and-early-delivery one at least).
        var positive = await PageAsync(browser, "/text?" + Range + "&topic=delivery&label=positive");
        using var apiPositive = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/text/topics/delivery/comments?" + Range + "&label=positive"));
        var badges = positive.QuerySelectorAll("[data-testid=topic-comments] .comment-meta .badge");
        Assert.NotEmpty(badges);
        Assert.All(badges, b => Assert.StartsWith("positive", b.TextContent.Trim(), StringComparison.Ordinal));
        Assert.Equal(apiPositive.RootElement.GetProperty("total").GetInt32(), badges.Length);

        // htmx asks for the fragment; opened as a page, the fragment's URL redirects to the whole page.
        using var fragmentRequest = new HttpRequestMessage(HttpMethod.Get, "/text?handler=Topic&" + Range + "&topic=delivery");
        fragmentRequest.Headers.Add("HX-Request", "true");
        using var fragment = await browser.Client.SendAsync(fragmentRequest);
        var fragmentHtml = await fragment.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        Assert.DoesNotContain("<html", fragmentHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("data-topic=\"delivery\"", fragmentHtml, StringComparison.Ordinal);
        using var direct = await browser.Client.GetAsync("/text?handler=Topic&" + Range + "&topic=delivery");
        Assert.Equal("/text", direct.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("topic=delivery", direct.RequestMessage.RequestUri.Query, StringComparison.Ordinal);
        Assert.Contains("<html", await direct.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_taxonomy_editor_saves_with_the_version_it_loaded_refuses_a_broken_rule_beside_its_row_and_reports_a_conflict()
    {
        var ws = await SeededAsync();
        using var browser = await SignInAsync(ws, "practitioner", Role.Practitioner);
        var form = await PageAsync(browser, "/text/taxonomy");
        Assert.Equal("1", form.QuerySelector("#taxonomy-form input[name=Version]")!.GetAttribute("value"));

        // A broken rule: the page answers with the message beside the row's rule; nothing is stored.
        var broken = Fields(form, "#taxonomy-form");
        broken["Rows[0].Rule"] = "courier AND (late";
        var refused = new HtmlParser().ParseDocument(await PostAsync(browser, "/text/taxonomy?handler=Save", broken));
        var error = refused.QuerySelector("#topic-0-rule-error")!.TextContent;
        Assert.StartsWith("delivery: at character ", error, StringComparison.Ordinal);
        Assert.Equal("topic-0-rule-error", refused.QuerySelector("#topic-0-rule")!.GetAttribute("aria-describedby"));
        Assert.Equal("courier AND (late", refused.QuerySelector("#topic-0-rule")!.TextContent);
        Assert.Equal(1, await VersionAsync(ws));

        // A valid edit is saved as version 2.
        var edit = Fields(form, "#taxonomy-form");
        edit["Rows[1].Name"] = "Store staff";
        await PostAsync(browser, "/text/taxonomy?handler=Save", edit);
        using (var saved = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/text/taxonomy")))
        {
            Assert.Equal(2, saved.RootElement.GetProperty("version").GetInt32());
            Assert.Equal("Store staff", saved.RootElement.GetProperty("topics")[1].GetProperty("name").GetString());
        }

        // The form loaded at version 1, saved again after version 2: a conflict, and version 2 stays.
        var stale = Fields(form, "#taxonomy-form");
        stale["Rows[0].Name"] = "Deliveries";
        var conflict = new HtmlParser().ParseDocument(await PostAsync(browser, "/text/taxonomy?handler=Save", stale));
        Assert.Contains("someone saved a newer version", conflict.QuerySelector("[data-testid=taxonomy-errors]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await VersionAsync(ws));

        // Adding and removing rows changes the form only.
        var added = new HtmlParser().ParseDocument(await PostAsync(browser, "/text/taxonomy?handler=Add", Fields(form, "#taxonomy-form")));
        Assert.Equal(5, added.QuerySelectorAll("[data-testid=taxonomy-table] tbody tr").Length);
        var removed = new HtmlParser().ParseDocument(await PostAsync(browser, "/text/taxonomy?handler=Remove&index=1", Fields(form, "#taxonomy-form")));
        Assert.Equal(["delivery", "billing", "billing/refunds"], removed.QuerySelectorAll("[data-testid=taxonomy-table] tbody tr").Select(r => r.GetAttribute("data-key")));
        Assert.Equal(2, await VersionAsync(ws));
    }

    [Fact]
    public async Task Try_a_comment_analyses_with_the_rows_as_they_stand_and_stores_nothing()
    {
        var ws = await SeededAsync();
        using var browser = await SignInAsync(ws, "practitioner", Role.Practitioner);
        var form = await PageAsync(browser, "/text/taxonomy");

        var fields = Fields(form, "#taxonomy-form");
        fields["Rows[1].Rule"] = "staff OR cashier OR clerk";
        fields["TryText"] = "The clerk was rude & slow. Email me at jo@example.com";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/text/taxonomy?handler=Try") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("HX-Request", "true");
        using var response = await browser.Client.SendAsync(request);
        var result = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["staff"], result.QuerySelectorAll("[data-testid=try-topics] tbody tr").Select(r => r.GetAttribute("data-topic")));
        Assert.Equal(["clerk"], result.QuerySelectorAll(".comment-text mark").Select(m => m.TextContent.ToLowerInvariant()));
        Assert.Contains("[EMAIL]", result.QuerySelector(".comment-text")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("rude & slow", result.QuerySelector(".comment-text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await VersionAsync(ws));
    }

    [Fact]
    public async Task A_suggested_topic_from_the_uncovered_comments_is_added_to_the_rows_and_saved()
    {
        var ws = await SeededAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);
        var now = App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        // Six comments no topic covers, four about gift wrapping (a phrase in every one of them would have no IDF weight).
        string[] uncovered =
        [
            "The gift wrapping was lovely.", "Gift wrapping looked cheap this time.", "I loved the gift wrapping!", "Nice gift wrapping and a card.",
            "The music was far too loud.", "Parking was hard to find.",
        ];
        for (var i = 0; i < uncovered.Length; i++)
        {
            (await ws.Api.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/responses", new
            {
                answers = new Dictionary<string, object> { ["nps"] = 8, ["reason"] = uncovered[i] },
                touchpointKey = ResponsesTestSurvey.TouchpointKey,
                startedAt = now.AddDays(-3).AddHours(i).AddMinutes(-3),
                completedAt = now.AddDays(-3).AddHours(i),
            })).EnsureSuccessStatusCode();
        }

        await App.WithScopeAsync(sp => sp.GetRequiredService<TextReanalysis>().RunAsync(null, CancellationToken.None), ws.Id);
        using var api = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/text/suggestions"));
        var first = api.RootElement.GetProperty("suggestions")[0];
        var (phrase, rule) = (first.GetProperty("phrase").GetString()!, first.GetProperty("rule").GetString()!);
        Assert.Matches("gift|wrapping", phrase);

        using var browser = await SignInAsync(ws, "analyst", Role.Analyst);
        var page = await PageAsync(browser, "/text/taxonomy");
        var row = page.QuerySelector("[data-testid=suggestions-table] tbody tr")!;
        Assert.Equal(phrase, row.GetAttribute("data-phrase"));
        Assert.Equal(rule, row.QuerySelector(".mono")!.TextContent);
        var accept = row.QuerySelector("button[formaction]")!.GetAttribute("formaction")!;

        // Adding puts the suggestion in the rows (not saved); saving keeps it.
        var added = new HtmlParser().ParseDocument(await PostAsync(browser, accept, Fields(page, "#taxonomy-form")));
        var rows = added.QuerySelectorAll("[data-testid=taxonomy-table] tbody tr").ToList();
        Assert.Equal(5, rows.Count);
        Assert.Equal(TextTaxonomyModel.SlugOf(phrase), rows[4].GetAttribute("data-key"));
        Assert.Equal(rule, added.QuerySelector("#topic-4-rule")!.TextContent);
        Assert.NotNull(added.QuerySelector("#topic-4-key[autofocus]"));
        Assert.Equal(1, await VersionAsync(ws));
        await PostAsync(browser, "/text/taxonomy?handler=Save", Fields(added, "#taxonomy-form"));
        using var saved = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/text/taxonomy"));
        Assert.Equal(2, saved.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(rule, saved.RootElement.GetProperty("topics")[4].GetProperty("rule").GetString());
    }

    [Theory]
    [InlineData("gift wrapping", "gift-wrapping")]
    [InlineData("  Click & Collect ", "click-collect")]
    [InlineData("crème brûlée 2", "cr-me-br-l-e-2")]
    [InlineData("!!!", "topic")]
    public void A_suggestions_key_is_a_slug_of_its_phrase(string phrase, string key) => Assert.Equal(key, TextTaxonomyModel.SlugOf(phrase));

    [Fact]
    public async Task Each_page_and_action_asks_for_its_permission()
    {
        var ws = await SeededAsync();
        using var viewer = await SignInAsync(ws, "viewer", Role.Viewer);
        using var leader = await SignInAsync(ws, "leader", Role.Leader);

        using var viewerText = await viewer.Client.GetAsync("/text");
        using var viewerCsv = await viewer.Client.GetAsync("/text/topics.csv");
        var viewerHome = await viewer.Client.GetStringAsync("/dashboards");
        var leaderPage = await PageAsync(leader, "/text?" + Range);
        var leaderTaxonomy = await PageAsync(leader, "/text/taxonomy");
        var save = Fields(leaderTaxonomy, "#taxonomy-form");
        save["Rows[0].Rule"] = "parcel";
        using var leaderSave = await leader.Client.PostAsync("/text/taxonomy?handler=Save", new FormUrlEncodedContent(save));
        using var leaderReanalyse = await leader.Client.PostAsync("/text?handler=Reanalyse", new FormUrlEncodedContent(Fields(leaderTaxonomy, "#taxonomy-form")));

        // A page refused redirects to /denied (as the dashboards do).
        Assert.Equal("/denied", viewerText.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/denied", viewerCsv.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain("href=\"/text\"", viewerHome, StringComparison.Ordinal);
        Assert.NotNull(leaderPage.QuerySelector("nav.app-nav a[href='/text']"));
        Assert.Empty(leaderTaxonomy.QuerySelectorAll("#taxonomy-form textarea[name^='Rows']"));
        Assert.Equal("/denied", leaderSave.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/denied", leaderReanalyse.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(1, await VersionAsync(ws));
    }

    /// <summary>A workspace with the test taxonomy (version 1) and five analysed comments on 10 March 2026 (one in French).</summary>
    private async Task<TestWorkspace> SeededAsync()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);
        (await ws.Api.PutAsJsonAsync("/api/v1/text/taxonomy", new { version = 0, topics = Topics })).EnsureSuccessStatusCode();
        (int Nps, string Text, int Hour)[] comments =
        [
            (2, "The delivery was late again and the courier was rude. Call me on 555 014 2288 please.", 12),
            (6, "Delivery <b>late</b> & the box was crushed.", 13),
            (10, "Staff were lovely and the delivery came early!", 14),
            (7, "I asked for a refund, it took a week.", 9),
            (5, "Le service était vraiment très lent", 10),
        ];
        foreach (var (nps, text, hour) in comments)
        {
            (await ws.Api.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/responses", new
            {
                answers = new Dictionary<string, object> { ["nps"] = nps, ["reason"] = text },
                touchpointKey = ResponsesTestSurvey.TouchpointKey,
                startedAt = Day.Date.AddHours(hour).AddMinutes(-3),
                completedAt = Day.Date.AddHours(hour),
            })).EnsureSuccessStatusCode();
        }

        await App.WithScopeAsync(sp => sp.GetRequiredService<TextReanalysis>().RunAsync(null, CancellationToken.None), ws.Id);
        return ws;
    }

    private async Task<BrowserSession> SignInAsync(TestWorkspace ws, string name, Role role)
    {
        var email = $"{name}@{ws.Slug}.test";
        await App.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<UserService>().AddAsync(ws.Id, email, name, ws.Password, [role], CancellationToken.None)).Value!, ws.Id);
        var browser = new BrowserSession(App);
        await browser.SignInAsync(email, ws.Password);
        return browser;
    }

    private static async Task<int> VersionAsync(TestWorkspace ws)
    {
        using var taxonomy = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/text/taxonomy"));
        return taxonomy.RootElement.GetProperty("version").GetInt32();
    }

    private static async Task<IDocument> PageAsync(BrowserSession browser, string url)
    {
        var response = await browser.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> PostAsync(BrowserSession browser, string url, Dictionary<string, string> fields)
    {
        using var response = await browser.Client.PostAsync(url, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The named inputs and textareas of a form as the browser would post them (antiforgery token included).</summary>
    private static Dictionary<string, string> Fields(IDocument page, string form)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in page.QuerySelectorAll($"{form} input[name], {form} textarea[name]"))
        {
            fields[element.GetAttribute("name")!] = element.LocalName == "textarea" ? element.TextContent : element.GetAttribute("value") ?? "";
        }

        return fields;
    }
}

[Collection(Collections.Sqlite)]
public sealed class TextPagesTests_Sqlite(SqliteAppFixture fixture) : TextPagesTests(fixture);

[Collection(Collections.Postgres)]
public sealed class TextPagesTests_Postgres(PostgresAppFixture fixture) : TextPagesTests(fixture);
