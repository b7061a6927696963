using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loopwise.Data;
using Loopwise.Features.Alerts;
using Loopwise.Features.Cases;
using Loopwise.Features.Jobs;
using Loopwise.Features.Users;
using Loopwise.Tests.Features.Responses;
using Loopwise.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Cases;

/// <summary>
/// The closed loop on each database (issue 5, ADR 12): alert rules open cases through the jobs table, assignment
/// rules pick the owner, SLA clocks warn and escalate on the fixture's clock, and the workflow refuses illegal moves.
/// The default calendar is Monday to Friday 09:00–17:00 UTC; 2026-12-07 is a Monday.
/// </summary>
public abstract class CasesTests(CasesAppFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday9 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private LoopwiseApp App => fixture.App;

    private ManualClock Clock => fixture.Clock;

    public async Task InitializeAsync()
    {
        Clock.Set(Monday9);
        await App.WithScopeAsync(async s => await s.GetRequiredService<LoopwiseDbContext>().Database.ExecuteSqlRawAsync("DELETE FROM jobs"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_detractor_response_opens_exactly_one_case_for_the_teams_next_owner_and_a_promoter_none()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);
        var (ana, ben) = (await AddResponderAsync(ws, "ana"), await AddResponderAsync(ws, "ben"));
        (await ws.Api.PutAsJsonAsync("/api/v1/case-setup/teams", new object[]
        {
            new { key = "frontline", name = "Frontline", strategy = "RoundRobin", members = new[] { new { userId = ana }, new { userId = ben } } },
            new { key = "office", name = "Back office", strategy = "Queue", isFallback = true },
        })).EnsureSuccessStatusCode();
        (await ws.Api.PutAsJsonAsync("/api/v1/case-setup/assignment-rules", new object[]
        {
            new { name = "Store feedback", match = new { touchpoints = new[] { ResponsesTestSurvey.TouchpointKey } }, teamKey = "frontline" },
        })).EnsureSuccessStatusCode();
        // A receiver that is never up (port 9, discard): only what is published with the firings is counted here.
        (await ws.Api.PostAsJsonAsync("/api/v1/webhooks", new { url = "http://127.0.0.1:9/hook", eventTypes = new[] { "case.opened", "alert.fired" } }))
            .EnsureSuccessStatusCode();
        using var created = await ws.Api.PostAsJsonAsync("/api/v1/alert-rules", new
        {
            name = "Detractor call-back",
            conditions = new { npsAtMost = 6 },
            actions = new { openCase = new { priority = "High" }, tags = new[] { "detractor" }, notifyEmails = new[] { "cx-lead@example.test" }, callWebhooks = true },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var detractor = await PostAsync(ws, survey.Id, nps: 3, customer: "CUST-1", comment: "Waited 40 minutes on hold.");
        await PostAsync(ws, survey.Id, nps: 10, customer: "CUST-2", comment: "Lovely staff.");
        await RunJobsAsync();
        // The same customer's second detractor response folds into the open case; an evaluation job that runs again
        // (a worker that died after its commit) fires nothing twice.
        var again = await PostAsync(ws, survey.Id, nps: 2, customer: "CUST-1", comment: "Still nothing.");
        await App.WithScopeAsync(async s =>
        {
            s.GetRequiredService<JobQueue>().Enqueue(AlertEvaluationJob.For(ws.Id, [detractor, again]));
            return await s.GetRequiredService<LoopwiseDbContext>().SaveChangesAsync();
        }, ws.Id);
        await RunJobsAsync();

        using var page = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/cases?state=all"));
        var @case = Assert.Single(page.RootElement.GetProperty("cases").EnumerateArray());
        Assert.Equal(("Assigned", "High", 1), (@case.GetProperty("state").GetString(), @case.GetProperty("priority").GetString(), @case.GetProperty("number").GetInt32()));
        Assert.Equal(ana, @case.GetProperty("owner").GetProperty("id").GetGuid());
        Assert.Equal(detractor, @case.GetProperty("responseId").GetGuid());
        var firings = await App.WithScopeAsync(s => s.GetRequiredService<LoopwiseDbContext>().Set<AlertFiring>().CountAsync(), ws.Id);
        var tags = await App.WithScopeAsync(s => s.GetRequiredService<LoopwiseDbContext>().Set<ResponseTag>().Select(t => t.ResponseId).ToListAsync(), ws.Id);
        Assert.Equal(2, firings);
        Assert.Equal(new[] { detractor, again }.Order(), tags.Order());
        // One notification per firing, queued with it (the fixture has no SMTP server: they wait in the outbox).
        var emails = await App.WithScopeAsync(s => s.GetRequiredService<LoopwiseDbContext>().Set<Loopwise.Features.Email.EmailMessage>()
            .Where(e => e.Purpose == "alert").Select(e => new { e.ToAddress, e.Subject }).ToListAsync(), ws.Id);
        Assert.Equal(2, emails.Count);
        Assert.All(emails, e => Assert.Equal(("cx-lead@example.test", "Detractor call-back: case #1 for CUST-1"), (e.ToAddress, e.Subject)));
        // The owner hears of the case the rule gave her.
        var owners = await App.WithScopeAsync(s => s.GetRequiredService<LoopwiseDbContext>().Set<Loopwise.Features.Email.EmailMessage>()
            .Where(e => e.Purpose == "case").Select(e => e.ToAddress).ToListAsync(), ws.Id);
        Assert.Equal([$"ana@{ws.Slug}.test"], owners);
        // Webhooks: one case.opened for the one case, one alert.fired per firing.
        var events = await App.WithScopeAsync(s => s.GetRequiredService<LoopwiseDbContext>().Set<Loopwise.Features.Webhooks.WebhookDelivery>()
            .Select(d => d.EventType).ToListAsync(), ws.Id);
        Assert.Equal(["alert.fired", "alert.fired", "case.opened"], events.Order());

        // The case page shows what the customer wrote (as the text pipeline stored it, PII redacted).
        using (var browser = new BrowserSession(App))
        {
            await browser.SignInAsync(ws.Email, ws.Password);
            var casePage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await browser.Client.GetStringAsync($"/cases/{@case.GetProperty("id").GetGuid()}"));
            Assert.Equal("Waited 40 minutes on hold.", casePage.QuerySelector("[data-testid=case-comment] q")?.TextContent);
        }

        // The next detractor of another customer goes to the next member of the team.
        await PostAsync(ws, survey.Id, nps: 0, customer: "CUST-3", comment: "Never again.");
        await RunJobsAsync();
        using var open = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/cases?owner=" + ben));
        Assert.Equal(1, open.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_uncontacted_case_warns_at_75_percent_and_escalates_with_a_raised_priority_when_its_first_response_target_passes()
    {
        var ws = await App.CreateWorkspaceAsync();
        var ana = await AddResponderAsync(ws, "ana");
        var opened = await CreateCaseAsync(ws, ana);

        // Normal: first response within 8 working hours → due Monday 17:00, warning at 15:00.
        Assert.Equal(new DateTime(2026, 12, 7, 17, 0, 0, DateTimeKind.Utc), opened.GetProperty("firstResponse").GetProperty("dueAt").GetDateTime());
        Clock.Set(Monday9.AddHours(6.5));
        await RunJobsAsync();
        var warned = await CaseAsync(ws, opened);
        Clock.Set(Monday9.AddHours(8).AddMinutes(1));
        await RunJobsAsync();
        var breached = await CaseAsync(ws, opened);

        Assert.Equal(("Assigned", "AtRisk"), (warned.GetProperty("case").GetProperty("state").GetString(), warned.GetProperty("case").GetProperty("slaStatus").GetString()));
        Assert.Contains(Events(warned), e => e.Kind == "SlaWarning");
        Assert.Equal(("Escalated", "High", "Breached"), (
            breached.GetProperty("case").GetProperty("state").GetString(),
            breached.GetProperty("case").GetProperty("priority").GetString(),
            breached.GetProperty("case").GetProperty("slaStatus").GetString()));
        Assert.Single(Events(breached), e => e.Kind == "SlaBreach");
        Assert.Contains(Events(breached), e => e is { Kind: "Transition", Action: "Escalate", Actor: "system" });

        // The owner was told of the assignment and of the breach.
        var told = await App.WithScopeAsync(s => s.GetRequiredService<LoopwiseDbContext>().Set<Loopwise.Features.Email.EmailMessage>()
            .Where(e => e.Purpose == "case").OrderBy(e => e.CreatedAt).Select(e => new { e.ToAddress, e.Subject }).ToListAsync(), ws.Id);
        Assert.Equal(2, told.Count);
        Assert.All(told, e => Assert.Equal($"ana@{ws.Slug}.test", e.ToAddress));
        Assert.EndsWith("breached its SLA", told[1].Subject, StringComparison.Ordinal);

        // Nothing is recorded twice when the check runs again.
        await App.WithScopeAsync(async s =>
        {
            s.GetRequiredService<JobQueue>().Enqueue(CaseSlaJob.For(ws.Id, opened.GetProperty("case").GetProperty("id").GetGuid(), Clock.UtcNow));
            return await s.GetRequiredService<LoopwiseDbContext>().SaveChangesAsync();
        }, ws.Id);
        await RunJobsAsync();
        Assert.Single(Events(await CaseAsync(ws, opened)), e => e.Kind == "SlaBreach");
    }

    [Fact]
    public async Task The_workflow_refuses_illegal_moves_with_a_clear_problem_and_resolving_needs_a_root_cause()
    {
        var ws = await App.CreateWorkspaceAsync();
        var ana = await AddResponderAsync(ws, "ana");
        var opened = await CreateCaseAsync(ws, ana);
        var id = opened.GetProperty("case").GetProperty("id").GetGuid();

        using var early = await ws.Api.PostAsJsonAsync($"/api/v1/cases/{id}/actions", new { action = "Resolve", rootCause = "Billing error", resolutionCode = "Refunded" });
        using var earlyProblem = JsonDocument.Parse(await early.Content.ReadAsStringAsync());
        using var unknown = await ws.Api.PostAsJsonAsync($"/api/v1/cases/{id}/actions", new { action = "Teleport" });
        using var call = await ws.Api.PostAsJsonAsync($"/api/v1/cases/{id}/contacts", new { channel = "phone", outcome = "reached", note = "Apologised; refund on its way." });
        using var bare = await ws.Api.PostAsJsonAsync($"/api/v1/cases/{id}/actions", new { action = "Resolve" });
        using var bareProblem = JsonDocument.Parse(await bare.Content.ReadAsStringAsync());
        using var resolved = await ws.Api.PostAsJsonAsync($"/api/v1/cases/{id}/actions", new { action = "Resolve", rootCause = "Billing error", resolutionCode = "Refunded" });
        using var closeOpen = await ws.Api.PostAsJsonAsync($"/api/v1/cases/{id}/actions", new { action = "Escalate" });

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("application/problem+json", early.Content.Headers.ContentType?.MediaType);
        Assert.Equal("A case that is assigned cannot resolve. Allowed: assign, acknowledge, contact customer, escalate, close.", earlyProblem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.True(bareProblem.RootElement.GetProperty("errors").TryGetProperty("rootCause", out _));
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, closeOpen.StatusCode);

        var final = await CaseAsync(ws, opened);
        var c = final.GetProperty("case");
        Assert.Equal(("Resolved", "Billing error", "Refunded"), (c.GetProperty("state").GetString(), final.GetProperty("rootCause").GetString(), final.GetProperty("resolutionCode").GetString()));
        Assert.Equal("Met", final.GetProperty("firstResponse").GetProperty("status").GetString());
        Assert.Equal(
            ["Created", "Transition:Assign", "Contact", "Transition:ContactCustomer", "Transition:Resolve"],
            Events(final).Select(e => e.Action is null ? e.Kind : $"{e.Kind}:{e.Action}"));
        var audit = await App.WithScopeAsync(s => s.GetRequiredService<LoopwiseDbContext>().Set<Loopwise.Features.Audit.AuditEntry>()
            .Where(a => a.Target == $"case:{id}").Select(a => a.Action).ToListAsync(), ws.Id);
        Assert.Contains("case.resolve", audit);
        Assert.Contains("case.contactcustomer", audit);
    }

    [Fact]
    public async Task Closed_loop_insights_give_time_to_first_contact_sla_share_detractor_recovery_and_root_causes()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);
        var ana = await AddResponderAsync(ws, "ana");
        (await ws.Api.PostAsJsonAsync("/api/v1/alert-rules", new { name = "Detractors", conditions = new { npsAtMost = 6 }, actions = new { openCase = new { } } }))
            .EnsureSuccessStatusCode();

        // Two detractors at Monday 09:00; contacted at 11:00 and 13:00 (2 h and 4 h), resolved at 12:00 and 14:00 with
        // the same root cause; the first customer answers again on Tuesday with a 9, the second does not.
        await PostAsync(ws, survey.Id, nps: 2, customer: "CUST-1", comment: "Parcel lost.");
        await PostAsync(ws, survey.Id, nps: 4, customer: "CUST-2", comment: "Parcel late.");
        await RunJobsAsync();
        using var page = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/cases"));
        var ids = page.RootElement.GetProperty("cases").EnumerateArray().OrderBy(c => c.GetProperty("number").GetInt32()).Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(2, ids.Count);
        for (var i = 0; i < 2; i++)
        {
            Clock.Set(Monday9.AddHours(2 + (2 * i)));
            (await ws.Api.PostAsJsonAsync($"/api/v1/cases/{ids[i]}/actions", new { action = "Acknowledge", ownerUserId = ana })).EnsureSuccessStatusCode();
            (await ws.Api.PostAsJsonAsync($"/api/v1/cases/{ids[i]}/contacts", new { channel = "phone", outcome = "reached" })).EnsureSuccessStatusCode();
            Clock.Set(Monday9.AddHours(3 + (2 * i)));
            (await ws.Api.PostAsJsonAsync($"/api/v1/cases/{ids[i]}/actions", new { action = "Resolve", rootCause = "Delivery delay", resolutionCode = "Replaced" }))
                .EnsureSuccessStatusCode();
        }

        Clock.Set(Monday9.AddDays(1).AddHours(1));
        await PostAsync(ws, survey.Id, nps: 9, customer: "CUST-1", comment: "Sorted quickly, thank you.");

        using var insights = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/cases/insights?from=2026-12-07&to=2026-12-08"));
        var root = insights.RootElement;
        Assert.Equal((2, 0, 2), (root.GetProperty("opened").GetInt32(), root.GetProperty("openNow").GetInt32(), root.GetProperty("resolved").GetInt32()));
        // Hours to first contact {2, 4}: mean 3, median 3, P90 = 2 + 0.9 × (4 − 2) = 3.8.
        var first = root.GetProperty("timeToFirstContact");
        Assert.Equal((2, 3.0, 3.0, 3.8), (first.GetProperty("n").GetInt32(), first.GetProperty("meanHours").GetDouble(), first.GetProperty("medianHours").GetDouble(), first.GetProperty("p90Hours").GetDouble()));
        Assert.Equal((2, 2), (root.GetProperty("resolvedWithinSla").GetProperty("count").GetInt32(), root.GetProperty("resolvedWithinSla").GetProperty("of").GetInt32()));
        // Recovery: 2 resolved detractors, 1 re-surveyed, a promoter: 1 of 1 recovered; the NPS of one answer is hidden (n < 10, §1).
        var recovery = root.GetProperty("detractorRecovery");
        Assert.Equal((2, 1, 1), (recovery.GetProperty("resolved").GetInt32(), recovery.GetProperty("resurveyed").GetInt32(), recovery.GetProperty("recovered").GetProperty("count").GetInt32()));
        Assert.Equal(JsonValueKind.Null, recovery.GetProperty("nps").ValueKind);
        var cause = Assert.Single(root.GetProperty("byRootCause").EnumerateArray());
        Assert.Equal(("Delivery delay", 2), (cause.GetProperty("label").GetString(), cause.GetProperty("cases").GetInt32()));
        Assert.Equal("Web checkout", Assert.Single(root.GetProperty("byTouchpoint").EnumerateArray()).GetProperty("label").GetString());
    }

    [Fact]
    public async Task An_initiative_moves_one_step_at_a_time_and_is_measured_before_and_after_its_delivery()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);
        // Before (90 days up to 2026-12-06): 3 promoters, 2 passives, 5 detractors of 10: NPS (3 − 5) / 10 = −20.
        Clock.Set(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
        foreach (var (nps, i) in new[] { 10, 9, 9, 8, 7, 6, 5, 3, 2, 0 }.Select((n, i) => (n, i)))
        {
            await PostAsync(ws, survey.Id, nps, $"OLD-{i}", "Before the change.");
        }

        Clock.Set(Monday9);
        using var created = await ws.Api.PostAsJsonAsync("/api/v1/initiatives", new
        {
            title = "Courier hand-over checklist", rootCause = "Delivery delay", touchpointKey = ResponsesTestSurvey.TouchpointKey,
            kpi = "tnps", expectedImpact = 10, effort = 5,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var initiative = (await created.Content.ReadFromJsonAsync<JsonElement>());
        var id = initiative.GetProperty("id").GetGuid();
        Assert.Equal(("Proposed", 2.0), (initiative.GetProperty("status").GetString(), initiative.GetProperty("priority").GetDouble()));

        using var jump = await ws.Api.PostAsJsonAsync($"/api/v1/initiatives/{id}/status", new { status = "Delivered" });
        Assert.Equal(HttpStatusCode.Conflict, jump.StatusCode);
        foreach (var status in new[] { "Approved", "InProgress", "Delivered" })
        {
            (await ws.Api.PostAsJsonAsync($"/api/v1/initiatives/{id}/status", new { status })).EnsureSuccessStatusCode();
        }

        using var early = await ws.Api.PostAsJsonAsync($"/api/v1/initiatives/{id}/status", new { status = "Measured" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        // After (from 2026-12-07): 8 promoters, 2 passives of 10: NPS 80.
        foreach (var (nps, i) in new[] { 10, 10, 10, 9, 9, 9, 9, 10, 8, 7 }.Select((n, i) => (n, i)))
        {
            await PostAsync(ws, survey.Id, nps, $"NEW-{i}", "After the change.");
        }

        using var measured = await ws.Api.PostAsJsonAsync($"/api/v1/initiatives/{id}/status", new { status = "Measured" });
        Assert.Equal(HttpStatusCode.OK, measured.StatusCode);
        var m = (await measured.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("measurement");
        Assert.Equal((10L, -20.0), (m.GetProperty("before").GetProperty("n").GetInt64(), m.GetProperty("before").GetProperty("value").GetDouble()));
        Assert.Equal((10L, 80.0), (m.GetProperty("after").GetProperty("n").GetInt64(), m.GetProperty("after").GetProperty("value").GetDouble()));
        Assert.Equal(100.0, m.GetProperty("change").GetDouble());
        Assert.Equal("Improved", m.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task The_closed_loop_page_shows_a_resolved_cases_root_cause_and_a_manager_turns_it_into_an_initiative()
    {
        var ws = await App.CreateWorkspaceAsync();
        var ana = await AddResponderAsync(ws, "ana");
        var id = (await CreateCaseAsync(ws, ana)).GetProperty("case").GetProperty("id").GetGuid();
        Clock.Set(Monday9.AddHours(1));
        (await ws.Api.PostAsJsonAsync($"/api/v1/cases/{id}/contacts", new { channel = "phone", outcome = "reached" })).EnsureSuccessStatusCode();
        (await ws.Api.PostAsJsonAsync($"/api/v1/cases/{id}/actions", new { action = "Resolve", rootCause = "Billing error", resolutionCode = "Refunded" })).EnsureSuccessStatusCode();
        await App.WithScopeAsync(async s => (await s.GetRequiredService<UserService>().AddAsync(
            ws.Id, $"manager@{ws.Slug}.test", "Mia Manager", ws.Password, [Role.Manager], CancellationToken.None)).Value!, ws.Id);
        using var browser = new BrowserSession(App);
        await browser.SignInAsync($"manager@{ws.Slug}.test", ws.Password);
        const string url = "/cases/insights?from=2026-12-07&to=2026-12-07";

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await browser.Client.GetStringAsync(url));
        var refused = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await browser.SubmitFormAsync(url, "#new-initiative", new Dictionary<string, string>
        {
            ["Form.Title"] = "Explain the invoice", ["Form.RootCause"] = "Billing error", ["Form.Kpi"] = "tnps", ["Form.ExpectedImpact"] = "4", ["Form.Effort"] = "0",
        }));
        var saved = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await browser.SubmitFormAsync(url, "#new-initiative", new Dictionary<string, string>
        {
            ["Form.Title"] = "Explain the invoice", ["Form.RootCause"] = "Billing error", ["Form.Kpi"] = "tnps", ["Form.ExpectedImpact"] = "4", ["Form.Effort"] = "2",
        }));

        var cause = page.QuerySelector("[data-testid=root-causes] tbody tr")!;
        Assert.Equal("Billing error", cause.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal("1", cause.QuerySelectorAll("td")[0].TextContent.Trim());
        Assert.Equal("100 %", page.QuerySelector("[data-testid=within-sla]")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-testid=root-cause-chart] script[type='application/json']"));
        Assert.Equal("The effort is in person-days, more than 0.", refused.QuerySelector("#Form-effort-error")!.TextContent.Trim());
        Assert.Equal("Explain the invoice", ((AngleSharp.Html.Dom.IHtmlInputElement)refused.QuerySelector("#initiative-title")!).Value);
        var row = saved.QuerySelector("[data-testid=initiatives] tbody tr")!;
        Assert.Equal("Explain the invoice", row.QuerySelector("th")!.TextContent.Trim());
        var text = System.Text.RegularExpressions.Regex.Replace(row.TextContent, @"\s+", " ");
        Assert.Contains("Billing error (1 case)", text, StringComparison.Ordinal);
        Assert.Contains("proposed", text, StringComparison.Ordinal);
        Assert.Contains("Mark approved", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_responder_sees_and_works_only_their_own_cases_and_the_unassigned_queue()
    {
        var ws = await App.CreateWorkspaceAsync();
        var (ana, ben) = (await AddResponderAsync(ws, "ana"), await AddResponderAsync(ws, "ben"));
        var bens = (await CreateCaseAsync(ws, ben)).GetProperty("case").GetProperty("id").GetGuid();
        using var queued = await ws.Api.PostAsJsonAsync("/api/v1/cases", new { title = "Nobody's yet" });
        var unassigned = (await queued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("case").GetProperty("id").GetGuid();
        using var browser = new BrowserSession(App);
        await browser.SignInAsync($"ana@{ws.Slug}.test", "correct-horse-battery");

        using var other = await browser.Client.GetAsync($"/cases/{bens}");
        using var queue = await browser.Client.GetAsync($"/cases/{unassigned}");
        var inbox = await browser.Client.GetStringAsync("/cases?view=unassigned");
        await browser.SubmitFormAsync($"/cases/{unassigned}", "form[action*='handler=Acknowledge']", new Dictionary<string, string>());
        using var keyView = await ws.Api.GetAsync($"/api/v1/cases/{bens}");
        using var taken = JsonDocument.Parse(await ws.Api.GetStringAsync($"/api/v1/cases/{unassigned}"));

        // Another responder's case does not exist for ana; the unassigned one does (she takes it from the queue), and
        // the API key (no role) sees every case.
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Contains("Nobody&#x27;s yet", inbox, StringComparison.Ordinal);
        Assert.DoesNotContain("Called about a late refund", inbox, StringComparison.Ordinal);
        Assert.Equal(ana, taken.RootElement.GetProperty("case").GetProperty("owner").GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, keyView.StatusCode);
    }

    [Fact]
    public async Task A_kpi_entering_its_action_threshold_fires_its_kpi_rule_once_with_a_case_and_an_email()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);
        (await ws.Api.PutAsJsonAsync("/api/v1/targets/nps", new { target = new { op = ">=", value = 50 }, action = new { op = "<", value = 0 } }))
            .EnsureSuccessStatusCode();
        using var mixed = await ws.Api.PostAsJsonAsync("/api/v1/alert-rules", new
        {
            name = "Both", conditions = new { kpis = new[] { "tnps" }, npsAtMost = 6 }, actions = new { openCase = new { } },
        });
        using var unknown = await ws.Api.PostAsJsonAsync("/api/v1/alert-rules", new
        {
            name = "Unknown", conditions = new { kpis = new[] { "happiness" } }, actions = new { openCase = new { } },
        });
        (await ws.Api.PostAsJsonAsync("/api/v1/alert-rules", new
        {
            name = "NPS alarm", conditions = new { kpis = new[] { "tnps" } }, actions = new { openCase = new { priority = "High" }, notifyEmails = new[] { "cx-lead@example.test" } },
        })).EnsureSuccessStatusCode();

        // 10 promoters and 20 detractors this month: transactional NPS (10 − 20) / 30 = −33.33, n = 30, below the action threshold 0.
        var responses = Enumerable.Range(0, 30).Select(i => new
        {
            answers = new Dictionary<string, object> { ["nps"] = i < 10 ? 10 : 2 },
            touchpointKey = ResponsesTestSurvey.TouchpointKey,
            startedAt = Clock.UtcNow.AddMinutes(-3),
            completedAt = Clock.UtcNow,
        }).ToArray();
        using (var batch = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/surveys/{survey.Id}/responses/batch") { Content = JsonContent.Create(new { responses }) })
        {
            batch.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            using var stored = await ws.Api.SendAsync(batch);
            Assert.True(stored.IsSuccessStatusCode, await stored.Content.ReadAsStringAsync());
        }

        await RunJobsAsync(); // the responses' own alert jobs: a KPI rule never fires on a response
        for (var check = 0; check < 2; check++)
        {
            await App.WithScopeAsync(s => s.GetRequiredService<Loopwise.Features.Targets.KpiMonthCheck>().RunAsync(CancellationToken.None), ws.Id);
            await RunJobsAsync();
        }

        var cases = await App.WithScopeAsync(s => s.GetRequiredService<LoopwiseDbContext>().Set<Case>().Select(c => new { c.Title, c.Priority, c.TopicKey }).ToListAsync(), ws.Id);
        var emails = await App.WithScopeAsync(s => s.GetRequiredService<LoopwiseDbContext>().Set<Loopwise.Features.Email.EmailMessage>().CountAsync(), ws.Id);
        Assert.Equal(HttpStatusCode.BadRequest, mixed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var only = Assert.Single(cases);
        Assert.Equal(("NPS alarm: tnps entered its action threshold in 2026-12: -33.33 (n=30; action < 0)", Loopwise.Core.Cases.CasePriority.High, "kpi:tnps"), (only.Title, only.Priority, only.TopicKey));
        Assert.Equal(1, emails);
    }

    private async Task<Guid> AddResponderAsync(TestWorkspace ws, string name) =>
        await App.WithScopeAsync(async s => (await s.GetRequiredService<UserService>().AddAsync(
            ws.Id, $"{name}@{ws.Slug}.test", name, "correct-horse-battery", [Role.Responder], CancellationToken.None)).Value!.Id, ws.Id);

    private static async Task<JsonElement> CreateCaseAsync(TestWorkspace ws, Guid owner)
    {
        using var response = await ws.Api.PostAsJsonAsync("/api/v1/cases", new { title = "Called about a late refund", ownerUserId = owner });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<JsonElement> CaseAsync(TestWorkspace ws, JsonElement @case) =>
        JsonDocument.Parse(await ws.Api.GetStringAsync($"/api/v1/cases/{@case.GetProperty("case").GetProperty("id").GetGuid()}")).RootElement.Clone();

    private static IEnumerable<(string Kind, string? Action, string Actor)> Events(JsonElement detail) =>
        detail.GetProperty("events").EnumerateArray().Select(e => (
            e.GetProperty("kind").GetString()!,
            e.GetProperty("action").ValueKind == JsonValueKind.Null ? null : e.GetProperty("action").GetString(),
            e.GetProperty("actor").GetString()!));

    private async Task<Guid> PostAsync(TestWorkspace ws, Guid surveyId, int nps, string customer, string comment)
    {
        using var posted = await ws.Api.PostAsJsonAsync($"/api/v1/surveys/{surveyId}/responses", new
        {
            answers = new Dictionary<string, object> { ["nps"] = nps, ["reason"] = comment },
            touchpointKey = ResponsesTestSurvey.TouchpointKey,
            customerExternalId = customer,
            startedAt = Clock.UtcNow.AddMinutes(-2),
            completedAt = Clock.UtcNow,
        });
        posted.EnsureSuccessStatusCode();
        return (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task RunJobsAsync()
    {
        var runner = App.Services.GetRequiredService<JobRunner>();
        await runner.RunDueAsync(50, CancellationToken.None);
    }
}

[Collection(CasesSqliteCollection.Name)]
public sealed class CasesTests_Sqlite(CasesSqliteFixture fixture) : CasesTests(fixture);

[Collection(CasesPostgresCollection.Name)]
public sealed class CasesTests_Postgres(CasesPostgresFixture fixture) : CasesTests(fixture);
