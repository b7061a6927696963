using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loopwise.Data;
using Loopwise.Features.TextAnalytics;
using Loopwise.Features.Users;
using Loopwise.Tests.Features.Responses;
using Loopwise.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.TextAnalytics;

/// <summary>
/// Text analytics through the API (cx-reference.md §6): the workspace taxonomy is compiled before it is kept, comments
/// are stored redacted with their language, sentiment and topics, and topics are counted over the analysed comments.
/// </summary>
public abstract class TextAnalyticsTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    private static readonly DateTime Day = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);

    private static readonly object[] Topics =
    [
        new { key = "delivery", name = "Delivery", rule = "deliver*, courier, parcel" },
        new { key = "staff", name = "Staff", rule = "staff OR cashier OR \"sales assistant\"" },
        new { key = "billing", name = "Billing", rule = "" },
        new { key = "billing/refunds", name = "Refunds", rule = "refund* OR \"money back\"" },
    ];

    [Fact]
    public async Task A_new_workspace_reads_the_retail_starter_and_a_broken_rule_is_refused_with_its_position_leaving_it_unchanged()
    {
        var ws = await App.CreateWorkspaceAsync();

        using var starter = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/text/taxonomy"));
        using var refused = await ws.Api.PutAsJsonAsync("/api/v1/text/taxonomy", new
        {
            version = 0,
            topics = new object[] { new { key = "delivery", name = "Delivery", rule = "courier AND (late" } },
        });
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        using var after = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/text/taxonomy"));

        Assert.Equal(("retail", 0), (starter.RootElement.GetProperty("industry").GetString(), starter.RootElement.GetProperty("version").GetInt32()));
        Assert.True(starter.RootElement.GetProperty("topics").GetArrayLength() >= 30);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var message = Assert.Single(problem.RootElement.GetProperty("errors").GetProperty("topics[0].rule").EnumerateArray()).GetString()!;
        Assert.StartsWith("delivery: at character ", message, StringComparison.Ordinal);
        Assert.Equal(0, after.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(starter.RootElement.GetProperty("topics").GetArrayLength(), after.RootElement.GetProperty("topics").GetArrayLength());
    }

    [Fact]
    public async Task A_save_made_from_an_older_version_is_a_conflict_and_the_newer_save_stays()
    {
        var ws = await App.CreateWorkspaceAsync();
        (await ws.Api.PutAsJsonAsync("/api/v1/text/taxonomy", new { version = 0, topics = Topics })).EnsureSuccessStatusCode();

        using var stale = await ws.Api.PutAsJsonAsync("/api/v1/text/taxonomy", new { version = 0, topics = Topics.Take(1) });
        using var current = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/text/taxonomy"));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(1, current.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(4, current.RootElement.GetProperty("topics").GetArrayLength());
    }

    [Fact]
    public async Task Comments_are_stored_redacted_with_language_sentiment_and_topics_and_counted_per_topic()
    {
        var (ws, _) = await SeededAsync();

        using var summary = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/text/summary?from=2026-03-01&to=2026-03-31"));
        using var topics = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/text/topics?from=2026-03-01&to=2026-03-31"));
        using var delivery = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/text/topics/delivery/comments?from=2026-03-01&to=2026-03-31"));

        // Four comments: three in English (analysed), one in French (flagged, not scored); one carries a phone number.
        var s = summary.RootElement;
        Assert.Equal((4, 3, 1, 1), (s.GetProperty("comments").GetInt32(), s.GetProperty("analysed").GetInt32(),
            s.GetProperty("otherLanguages").GetInt32(), s.GetProperty("redacted").GetInt32()));
        Assert.Equal(1, s.GetProperty("languages").GetProperty("fr").GetInt32());
        Assert.Equal(0, s.GetProperty("stale").GetInt32());

        // delivery: the nps-2 and nps-10 comments → 2 of 3 analysed; NPS of mentioning = (1 promoter − 1 detractor)/2 = 0.
        // staff: the nps-10 comment → NPS 100. billing (parent) and billing/refunds: the nps-7 refund comment → NPS 0 (passive).
        var byKey = topics.RootElement.GetProperty("topics").EnumerateArray().ToDictionary(t => t.GetProperty("key").GetString()!);
        Assert.Equal(3, topics.RootElement.GetProperty("analysed").GetInt32());
        Assert.Equal(2, byKey["delivery"].GetProperty("mentions").GetInt32());
        Assert.Equal(2.0 / 3.0, byKey["delivery"].GetProperty("share").GetDouble(), 12);
        Assert.Equal(0.0, byKey["delivery"].GetProperty("nps").GetDouble(), 12);
        Assert.Equal(100.0, byKey["staff"].GetProperty("nps").GetDouble(), 12);
        Assert.Equal(1, byKey["billing/refunds"].GetProperty("mentions").GetInt32());
        Assert.Equal(1, byKey["billing"].GetProperty("mentions").GetInt32());
        Assert.Equal(2, byKey["billing/refunds"].GetProperty("depth").GetInt32());

        // Newest first: the 10 March 14:00 comment, then 12:00. Text is redacted; the phrases slice to what matched.
        var comments = delivery.RootElement.GetProperty("comments").EnumerateArray().ToList();
        Assert.Equal(2, delivery.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(10, comments[0].GetProperty("nps").GetInt32());
        Assert.Equal("positive", comments[0].GetProperty("label").GetString());
        Assert.Equal("negative", comments[1].GetProperty("label").GetString());
        var text = comments[1].GetProperty("text").GetString()!;
        Assert.Contains("[PHONE]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("555", text, StringComparison.Ordinal);
        var phrases = comments[1].GetProperty("topics").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "delivery")
            .GetProperty("phrases").EnumerateArray().Select(p => text.Substring(p.GetProperty("start").GetInt32(), p.GetProperty("length").GetInt32()).ToLowerInvariant()).ToList();
        Assert.Equal(["delivery", "courier"], phrases);
        Assert.True(comments[1].GetProperty("sentences").GetArrayLength() >= 2);
    }

    [Fact]
    public async Task Re_analysing_replaces_each_comments_analysis_and_never_duplicates_it()
    {
        var (ws, _) = await SeededAsync();

        var comments = await App.WithScopeAsync(sp => sp.GetRequiredService<TextReanalysis>().RunAsync(null, CancellationToken.None), ws.Id);
        var rows = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LoopwiseDbContext>();
            return (await db.Set<CommentAnalysisRow>().CountAsync(), await db.Set<CommentTopicRow>().CountAsync());
        }, ws.Id);

        // 4 comments; topic rows: delivery ×2, staff, billing/refunds + billing = 5.
        Assert.Equal(4, comments);
        Assert.Equal((4, 5), rows);
    }

    [Fact]
    public async Task A_posted_comment_is_analysed_by_the_job_its_write_queued_and_a_taxonomy_save_re_analyses_it()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);
        (await ws.Api.PutAsJsonAsync("/api/v1/text/taxonomy", new { version = 0, topics = Topics })).EnsureSuccessStatusCode();

        (await ws.Api.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/responses", new
        {
            answers = new Dictionary<string, object> { ["nps"] = 3, ["reason"] = "The parcel never arrived and nobody answers the phone." },
            touchpointKey = ResponsesTestSurvey.TouchpointKey,
            startedAt = Day.AddMinutes(-2),
            completedAt = Day,
        })).EnsureSuccessStatusCode();
        var first = await WaitForAnalysisAsync(ws, row => row.TaxonomyVersion == 1);

        // Version 2 adds a "contact" topic: the save's re-analysis chain gives the stored comment its new topic.
        (await ws.Api.PutAsJsonAsync("/api/v1/text/taxonomy", new
        {
            version = 1,
            topics = Topics.Append(new { key = "contact", name = "Contact", rule = "phone OR call* OR \"nobody answers\"" }),
        })).EnsureSuccessStatusCode();
        var second = await WaitForAnalysisAsync(ws, row => row.TaxonomyVersion == 2);

        Assert.Equal("negative", first.Label);
        Assert.Equal(3, first.Nps);
        Assert.Contains("\"delivery\"", first.TopicsJson, StringComparison.Ordinal);
        Assert.DoesNotContain("\"contact\"", first.TopicsJson, StringComparison.Ordinal);
        Assert.Contains("\"contact\"", second.TopicsJson, StringComparison.Ordinal);
        var jobs = await App.WithScopeAsync(sp => sp.GetRequiredService<LoopwiseDbContext>().Set<Loopwise.Features.Jobs.Job>()
            .Where(j => j.Kind == TextAnalysisJob.Kind || j.Kind == TextReanalysisJob.Kind).Select(j => j.Kind).ToListAsync(), ws.Id);
        Assert.Contains(TextAnalysisJob.Kind, jobs);
        Assert.Contains(TextReanalysisJob.Kind, jobs);
    }

    [Fact]
    public async Task Key_drivers_are_suppressed_with_the_reason_and_n_when_the_sample_is_too_small()
    {
        var (ws, _) = await SeededAsync();

        using var drivers = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/text/drivers?from=2026-03-01&to=2026-03-31"));
        using var bad = await ws.Api.GetAsync("/api/v1/text/drivers?outcome=revenue");

        // 3 English comments carry an NPS answer (the French one is not analysed); every topic flag has fewer than 30
        // mentions, so each is dropped and no predictor is left: no weights, and the messages say why.
        var root = drivers.RootElement;
        Assert.Equal("NoPredictors", root.GetProperty("status").GetString());
        Assert.Equal(3, root.GetProperty("responses").GetInt32());
        Assert.Empty(root.GetProperty("drivers").EnumerateArray());
        Assert.Contains(root.GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("delivery", StringComparison.Ordinal));
        var delivery = root.GetProperty("impact").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "delivery");
        Assert.Equal((2, 1), (delivery.GetProperty("mentioningN").GetInt32(), delivery.GetProperty("notMentioningN").GetInt32()));
        Assert.False(delivery.GetProperty("significant").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private async Task<CommentAnalysisRow> WaitForAnalysisAsync(TestWorkspace ws, Func<CommentAnalysisRow, bool> done)
    {
        // The server's job worker analyses in the background; a poll with a deadline (not a timing assertion).
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); ; await Task.Delay(100))
        {
            var row = await App.WithScopeAsync(sp => sp.GetRequiredService<LoopwiseDbContext>().Set<CommentAnalysisRow>().AsNoTracking().SingleOrDefaultAsync(), ws.Id);
            if (row is not null && done(row))
            {
                return row;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "The comment was not analysed by the jobs within 60 s.");
        }
    }

    [Fact]
    public async Task Comments_no_topic_covers_suggest_a_new_topic_with_a_rule_that_compiles()
    {
        var (ws, surveyId) = await SeededAsync();
        string[] uncovered =
        [
            "The gift wrapping was torn when it arrived.",
            "Please offer gift wrapping in more colours.",
            "Gift wrapping cost extra and looked cheap.",
        ];
        foreach (var (text, i) in uncovered.Select((t, i) => (t, i)))
        {
            (await ws.Api.PostAsJsonAsync($"/api/v1/surveys/{surveyId}/responses", new
            {
                answers = new Dictionary<string, object> { ["nps"] = 6, ["reason"] = text },
                touchpointKey = ResponsesTestSurvey.TouchpointKey,
                startedAt = Day.AddHours(i + 1).AddMinutes(-2),
                completedAt = Day.AddHours(i + 1),
            })).EnsureSuccessStatusCode();
        }

        await App.WithScopeAsync(sp => sp.GetRequiredService<TextReanalysis>().RunAsync(null, CancellationToken.None), ws.Id);
        using var suggestions = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/text/suggestions?from=2026-03-01&to=2026-03-31"));

        // The three new comments match no topic; "gift wrapping" is in all three.
        var root = suggestions.RootElement;
        Assert.Equal(3, root.GetProperty("uncoveredComments").GetInt32());
        var gift = root.GetProperty("suggestions").EnumerateArray().First();
        Assert.Contains("gift", gift.GetProperty("phrase").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, gift.GetProperty("comments").GetInt32());
        var rule = gift.GetProperty("rule").GetString()!;
        using var saved = await ws.Api.PutAsJsonAsync("/api/v1/text/taxonomy", new
        {
            version = 1,
            topics = Topics.Append(new { key = "gift-wrapping", name = "Gift wrapping", rule }),
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
    }

    [Fact]
    public async Task The_analyse_endpoint_scores_a_text_with_the_workspace_taxonomy_and_stores_nothing()
    {
        var ws = await App.CreateWorkspaceAsync();
        (await ws.Api.PutAsJsonAsync("/api/v1/text/taxonomy", new { version = 0, topics = Topics })).EnsureSuccessStatusCode();

        using var response = await ws.Api.PostAsJsonAsync("/api/v1/text/analyse", new { text = "Still no refund after three weeks. Email me at jo@example.com" });
        using var empty = await ws.Api.PostAsJsonAsync("/api/v1/text/analyse", new { text = " " });
        using var scored = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var stored = await App.WithScopeAsync(sp => sp.GetRequiredService<LoopwiseDbContext>().Set<CommentAnalysisRow>().CountAsync(), ws.Id);

        var root = scored.RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("[EMAIL]", root.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, root.GetProperty("redactions").GetProperty("email").GetInt32());
        Assert.Equal("negative", root.GetProperty("label").GetString());
        Assert.Equal(["billing", "billing/refunds"], root.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("key").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task Text_analytics_needs_text_read_and_the_taxonomy_needs_text_taxonomy()
    {
        var ws = await App.CreateWorkspaceAsync();
        var dashboardsOnly = await KeyClientAsync(ws, Permissions.DashboardsRead);
        var readOnly = await KeyClientAsync(ws, Permissions.TextRead);

        using var topics = await dashboardsOnly.GetAsync("/api/v1/text/topics");
        using var read = await readOnly.GetAsync("/api/v1/text/topics");
        using var save = await readOnly.PutAsJsonAsync("/api/v1/text/taxonomy", new { version = 0, topics = Topics });

        Assert.Equal(HttpStatusCode.Forbidden, topics.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Contains(Permissions.TextRead, Permissions.ForRole(Role.Analyst));
        Assert.DoesNotContain(Permissions.TextRead, Permissions.ForRole(Role.Viewer));
        Assert.DoesNotContain(Permissions.TaxonomyWrite, Permissions.ForRole(Role.Leader));
    }

    [Fact]
    public async Task Text_score_verb_writes_one_json_line_per_comment_without_a_database()
    {
        var input = Path.Combine(Path.GetTempPath(), $"loopwise-comments-{Guid.NewGuid():N}.txt");
        var badTaxonomy = Path.Combine(Path.GetTempPath(), $"loopwise-taxonomy-{Guid.NewGuid():N}.json");
        await File.WriteAllLinesAsync(input, ["The delivery was quick and the staff were lovely!", "Card 4111 1111 1111 1111 was charged twice, I want a refund.", "Le service était vraiment très lent et personne ne répondait au téléphone."]);
        await File.WriteAllTextAsync(badTaxonomy, """[{"key": "x", "name": "X", "rule": "a AND"}]""");
        try
        {
            var (exit, output) = await CliRun.RunAsync("text", "score", input, "--industry", "retail");
            var (badExit, badOutput) = await CliRun.RunAsync("text", "score", input, "--taxonomy", badTaxonomy);

            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(0, exit);
            Assert.Equal(3, lines.Count);
            Assert.Equal("positive", lines[0].GetProperty("label").GetString());
            Assert.Contains("[CARD]", lines[1].GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.Equal("negative", lines[1].GetProperty("label").GetString());
            Assert.Equal(("fr", false), (lines[2].GetProperty("language").GetString(), lines[2].GetProperty("languageSupported").GetBoolean()));
            Assert.NotEmpty(lines[0].GetProperty("topics").EnumerateArray());
            Assert.Equal(2, badExit);
            Assert.Contains("does not compile", badOutput, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(input);
            File.Delete(badTaxonomy);
        }
    }

    /// <summary>A workspace with the test taxonomy and four analysed comments on 10 March 2026.</summary>
    private async Task<(TestWorkspace Ws, Guid SurveyId)> SeededAsync()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);
        (await ws.Api.PutAsJsonAsync("/api/v1/text/taxonomy", new { version = 0, topics = Topics })).EnsureSuccessStatusCode();
        (int Nps, string Text, int Hour)[] comments =
        [
            (2, "The delivery was late again and the courier was rude. Call me on 555 014 2288 please.", 12),
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
        return (ws, survey.Id);
    }

    private async Task<HttpClient> KeyClientAsync(TestWorkspace ws, params string[] scopes)
    {
        var key = await App.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<ApiKeyService>().CreateAsync(ws.Id, "scoped", scopes, CancellationToken.None)).Value!.Key, ws.Id);
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }
}

[Collection(Collections.Sqlite)]
public sealed class TextAnalyticsTests_Sqlite(SqliteAppFixture fixture) : TextAnalyticsTests(fixture);

[Collection(Collections.Postgres)]
public sealed class TextAnalyticsTests_Postgres(PostgresAppFixture fixture) : TextAnalyticsTests(fixture);
