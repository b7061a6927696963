using System.Text.Json;
using System.Text.RegularExpressions;
using Loopwise.Core.Text.Topics;
using Loopwise.EndToEnd.Infrastructure;
using Loopwise.Features.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Loopwise.EndToEnd.Features.TextAnalytics;

/// <summary>
/// Issue 4's browser story: on the demo workspace (comments analysed when it is built) an analyst opens text analytics,
/// sees the topics as a bubble chart and a table, drills into a topic from the table and into the most mentioned topic
/// from its bubble, and reads its comments with the matched phrases marked; the page passes axe-core. The taxonomy editor refuses a rule that does not parse, says where,
/// and leaves the stored taxonomy as it was.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class TextAnalyticsTests(BrowserFixture browser)
{
    [Fact]
    public async Task Analyst_drills_from_a_topic_into_its_comments_with_the_matched_phrases_marked()
    {
        var (page, _) = await SignInToDemoAsync("analyst", seed: 11);

        await page.GetByRole(AriaRole.Link, new() { Name = "Text analytics" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Text analytics", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=topics-chart][data-chart-state=ready]")).ToHaveCountAsync(1);

        // The table holds the chart's numbers: the first row is the most mentioned topic, the same count as the API.
        var first = page.Locator("[data-testid=topics-table] tbody tr").First;
        var key = await first.GetAttributeAsync("data-topic");
        Assert.False(string.IsNullOrEmpty(key));
        var topics = await ApiAsync(page, "/api/v1/text/topics");
        var stats = topics.RootElement.GetProperty("topics").EnumerateArray().Single(t => t.GetProperty("key").GetString() == key);
        var mentions = stats.GetProperty("mentions").GetInt32();
        Assert.True(mentions > 0, $"the demo's most mentioned topic {key} has no mention");
        Assert.Equal(mentions.ToString(System.Globalization.CultureInfo.InvariantCulture), (await first.Locator("td").First.TextContentAsync())?.Trim());
        await Screenshots.TakeAsync(page, "40-text-analytics");

        // A row's link opens that topic's drill-down in place (htmx)...
        var second = page.Locator("[data-testid=topics-table] tbody tr").Nth(1);
        var secondKey = await second.GetAttributeAsync("data-topic");
        await second.GetByRole(AriaRole.Link).ClickAsync();
        var detail = page.Locator("[data-testid=topic-detail-card]");
        await Assertions.Expect(detail).ToHaveAttributeAsync("data-topic", secondKey!);

        // ...and so does a bubble: click the most mentioned topic's bubble where the chart drew it.
        var chart = page.GetByTestId("topics-chart");
        await chart.ScrollIntoViewIfNeededAsync();
        var point = await page.EvaluateAsync<float[]>(
            """
            async (key) => {
              const el = document.querySelector('[data-testid=topics-chart]');
              const chart = await window.Loopwise.chartOf(el);
              const data = chart.getOption().series[0].data;
              const pattern = new RegExp('[?&]topic=' + encodeURIComponent(key) + '(&|#|$)');
              const item = data.find((d) => pattern.test(d.link));
              return chart.convertToPixel({ seriesIndex: 0 }, [item.value[0], item.value[1]]);
            }
            """, key);
        var box = await chart.BoundingBoxAsync();
        await page.Mouse.ClickAsync(box!.X + point[0], box.Y + point[1]);
        await Assertions.Expect(detail).ToHaveAttributeAsync("data-topic", key!);
        await Assertions.Expect(detail.Locator("[data-testid=topic-trend-chart][data-chart-state=ready]")).ToHaveCountAsync(1);
        Assert.Contains("topic=", page.Url, StringComparison.Ordinal);
        var comments = detail.Locator("[data-testid=topic-comments] > li");
        Assert.True(await comments.CountAsync() > 0, "the drill-down lists no comment");
        var marks = await detail.Locator("[data-testid=topic-comments] mark").AllTextContentsAsync();
        Assert.NotEmpty(marks);

        // Every marked phrase holds a word (or stem) of the topic's rule, or of a sub-topic's rule.
        var taxonomy = await ApiAsync(page, "/api/v1/text/taxonomy");
        var rules = taxonomy.RootElement.GetProperty("topics").EnumerateArray()
            .Where(t => t.GetProperty("key").GetString() is { } k && (k == key || k.StartsWith(key + "/", StringComparison.Ordinal)))
            .Select(t => t.GetProperty("rule").GetString() ?? "");
        var words = rules.SelectMany(r => RuleWord().Matches(r).Select(m => m.Value.TrimEnd('*').ToLowerInvariant())).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(words);
        Assert.All(marks, mark => Assert.True(
            words.Any(w => mark.Contains(w, StringComparison.OrdinalIgnoreCase)),
            $"<mark>{mark}</mark> holds no word of the rules of {key}: {string.Join(", ", words)}"));

        // Each sentence says its sentiment in text, not by colour alone.
        Assert.True(await detail.Locator(".comment-text .sentence .sentence-cue .visually-hidden").CountAsync() > 0);
        await Screenshots.TakeAsync(page, "41-text-topic-drilldown");

        var violations = await Axe.ViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        // The drill-down's URL opens the same drill-down as a whole page (no JavaScript needed).
        var direct = await browser.NewPageAsync(javaScript: false);
        await direct.Context.AddCookiesAsync((await page.Context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        await direct.GotoAsync(page.Url);
        await Assertions.Expect(direct.Locator("[data-testid=topic-detail-card]")).ToHaveAttributeAsync("data-topic", key!);
        Assert.True(await direct.Locator("[data-testid=topic-comments] mark").CountAsync() > 0);
    }

    [Fact]
    public async Task The_taxonomy_editor_refuses_a_rule_that_does_not_parse_and_keeps_the_stored_taxonomy()
    {
        var (page, _) = await SignInToDemoAsync("practitioner", seed: 12);
        var before = await ApiAsync(page, "/api/v1/text/taxonomy");
        var version = before.RootElement.GetProperty("version").GetInt32();
        var stored = before.RootElement.GetProperty("topics").EnumerateArray()
            .Select(t => new TopicDefinition(t.GetProperty("key").GetString()!, t.GetProperty("name").GetString()!, t.GetProperty("rule").GetString()!)).ToList();
        var index = stored.FindIndex(t => t.Rule.Length > 0);
        var broken = stored[index].Rule + " AND (";

        // The message the parser gives for that rule, with its position (1-based), as the save reports it.
        var error = TopicTaxonomy.Compile([.. stored.Select((t, i) => i == index ? t with { Rule = broken } : t)]).Errors.Single();
        Assert.True(error.Position >= 0);
        var expected = $"{error.Key}: at character {error.Position + 1}: {error.Message}";

        await page.GotoAsync("/text/taxonomy");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Topic taxonomy" })).ToBeVisibleAsync();
        var rule = page.Locator($"#topic-{index}-rule");
        await rule.FillAsync(broken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the taxonomy" }).ClickAsync();

        // The error sits next to the rule, tied to it for assistive technology, and the typed rule is kept for fixing.
        var message = page.Locator($"#topic-{index}-rule-error");
        await Assertions.Expect(message).ToHaveTextAsync(expected);
        await Assertions.Expect(rule).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(rule).ToHaveAttributeAsync("aria-describedby", $"topic-{index}-rule-error");
        await Assertions.Expect(rule).ToHaveValueAsync(broken);
        await Assertions.Expect(page.GetByTestId("taxonomy-errors")).ToContainTextAsync("The taxonomy was not saved");
        await Screenshots.TakeAsync(page, "42-text-taxonomy-error");
        var violations = await Axe.ViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        // Nothing was stored: same version, same rules.
        var after = await ApiAsync(page, "/api/v1/text/taxonomy");
        Assert.Equal(version, after.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(
            stored.Select(t => t.Rule),
            after.RootElement.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("rule").GetString()));
    }

    private async Task<(IPage Page, DemoResult Demo)> SignInToDemoAsync(string account, int seed)
    {
        var demo = await browser.App.WithScopeAsync(async sp => (await sp.GetRequiredService<DemoGenerator>().BuildAsync(
            new DemoOptions { Slug = "demo-" + Guid.NewGuid().ToString("N")[..10], Responses = 800, Seed = seed }, null, CancellationToken.None)).Value!);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("E-mail").FillAsync($"{account}@{demo.Slug}.loopwise.test");
        await page.GetByLabel("Password").FillAsync(demo.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return (page, demo);
    }

    private static async Task<JsonDocument> ApiAsync(IPage page, string url)
    {
        var response = await page.APIRequest.GetAsync(url);
        Assert.True(response.Ok, $"GET {url} answered {response.Status}");
        return JsonDocument.Parse(await response.TextAsync());
    }

    // A word or stem of a rule: letters (and digits, apostrophes, hyphens) with an optional trailing *; operators are upper case.
    [GeneratedRegex(@"(?<![A-Za-z])(?!(?:AND|OR|NOT|NEAR)\b)[A-Za-z][A-Za-z0-9'\-]*\*?")]
    private static partial Regex RuleWord();
}
