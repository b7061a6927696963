using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Loopwise.Data;
using Loopwise.Features.Jobs;
using Loopwise.Features.Users;
using Loopwise.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Cases;

/// <summary>
/// The case owners' inbox and the case page without JavaScript (issue 5): the inbox lists my open cases and not
/// another person's, with the nearest due time in words; the one-click acknowledge (a plain form, or htmx for the card
/// alone) takes a New case; a reached call moves the case to InProgress; resolving needs a root cause, shown beside
/// the field with what was typed kept; pages and actions ask for their permission; a Responder lands on the inbox.
/// The fixture's clock starts each test on Monday 2026-12-07 09:00 UTC (the default calendar: Monday to Friday
/// 09:00–17:00 UTC), so a Normal case's first response (8 working hours) is due at 17:00 the same day.
/// </summary>
public abstract class CasePagesTests(CasesAppFixture fixture) : IAsyncLifetime
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
    public async Task The_inbox_lists_my_open_cases_with_the_nearest_due_time_in_words_and_not_someone_elses()
    {
        var ws = await App.CreateWorkspaceAsync();
        var (ana, ben) = (await AddUserAsync(ws, "ana", Role.Responder), await AddUserAsync(ws, "ben", Role.Responder));
        var mine = await CreateCaseAsync(ws, "Refund not received", ana);
        await CreateCaseAsync(ws, "Rude cashier", ben);
        var queued = await CreateCaseAsync(ws, "Parcel crushed", owner: null);
        using var browser = await SignInAsync(ws, "ana");

        var inbox = await PageAsync(browser, "/cases");
        var card = Assert.Single(inbox.QuerySelectorAll("[data-testid=case-card]"));
        Assert.Equal(mine.ToString(), card.GetAttribute("data-case"));
        Assert.Contains("#1 Refund not received", card.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Assigned", card.QuerySelector("[data-testid=case-state]")!.TextContent.Trim());
        // 8 working hours from Monday 09:00: due at 17:00, in 8 hours, on track (in words, not colour alone).
        var due = card.QuerySelector("[data-testid=case-due]")!;
        Assert.Equal("due in 8 h", due.TextContent.Trim());
        Assert.Equal("2026-12-07T17:00:00Z", due.GetAttribute("datetime"));
        Assert.Equal("SLA on track", card.QuerySelector("[data-testid=case-sla]")!.TextContent.Trim());
        // Assigned by hand and not yet acknowledged: the primary action is the one-click acknowledge.
        Assert.Equal("Acknowledge", card.QuerySelector("form button.primary")!.TextContent.Trim());
        Assert.Equal("page", inbox.QuerySelector("[data-testid=inbox-tab-mine]")!.GetAttribute("aria-current"));
        Assert.NotNull(inbox.QuerySelector("nav.app-nav a[href='/cases'][aria-current=page]"));
        // A Responder sees their own lists and the unassigned queue they may pick from, not All open (asking for it
        // shows theirs); a Responder who is also a Practitioner sees the team's lists too.
        Assert.NotNull(inbox.QuerySelector("[data-testid=inbox-tab-unassigned]"));
        Assert.Null(inbox.QuerySelector("[data-testid=inbox-tab-all]"));
        var asked = await PageAsync(browser, "/cases?view=all");
        Assert.Equal("page", asked.QuerySelector("[data-testid=inbox-tab-mine]")!.GetAttribute("aria-current"));
        Assert.Single(asked.QuerySelectorAll("[data-testid=case-card]"));
        await App.WithScopeAsync(async s => (await s.GetRequiredService<UserService>().AddAsync(
            ws.Id, $"pat@{ws.Slug}.test", "pat", ws.Password, [Role.Responder, Role.Practitioner], CancellationToken.None)).Value!, ws.Id);
        using (var both = await SignInAsync(ws, "pat"))
        {
            Assert.NotNull((await PageAsync(both, "/cases")).QuerySelector("[data-testid=inbox-tab-unassigned]"));
        }

        // 13:30: 3.5 hours to go, so due soon; nothing breached yet.
        Clock.Set(Monday9.AddHours(4.5));
        var dueSoon = await PageAsync(browser, "/cases?view=due");
        Assert.Equal([mine.ToString()], dueSoon.QuerySelectorAll("[data-testid=case-card]").Select(c => c.GetAttribute("data-case")));
        Assert.Equal("due in 4 h", dueSoon.QuerySelector("[data-testid=case-due]")!.TextContent.Trim());
        Assert.NotNull((await PageAsync(browser, "/cases?view=breached")).QuerySelector("[data-testid=inbox-empty]"));

        // 17:30, before the SLA check ran: the card already says breached; after the check, the Breached list has it.
        Clock.Set(Monday9.AddHours(8.5));
        var late = await PageAsync(browser, "/cases");
        Assert.Equal("breached 30 min ago", late.QuerySelector("[data-testid=case-due]")!.TextContent.Trim());
        Assert.Equal("SLA breached", late.QuerySelector("[data-testid=case-sla]")!.TextContent.Trim());
        await App.Services.GetRequiredService<JobRunner>().RunDueAsync(50, CancellationToken.None);
        var breached = await PageAsync(browser, "/cases?view=breached");
        Assert.Equal([mine.ToString()], breached.QuerySelectorAll("[data-testid=case-card]").Select(c => c.GetAttribute("data-case")));

        // A manager sees the unassigned queue and every open case.
        await AddUserAsync(ws, "max", Role.Manager);
        using var manager = await SignInAsync(ws, "max");
        var unassigned = await PageAsync(manager, "/cases?view=unassigned");
        Assert.Equal([queued.ToString()], unassigned.QuerySelectorAll("[data-testid=case-card]").Select(c => c.GetAttribute("data-case")));
        Assert.Equal(3, (await PageAsync(manager, "/cases?view=all")).QuerySelectorAll("[data-testid=case-card]").Length);
    }

    [Fact]
    public async Task Acknowledge_takes_a_new_case_with_a_plain_form_and_updates_the_card_alone_for_htmx()
    {
        var ws = await App.CreateWorkspaceAsync();
        var ana = await AddUserAsync(ws, "ana", Role.Responder);
        var max = await AddUserAsync(ws, "max", Role.Manager);
        var queued = await CreateCaseAsync(ws, "Parcel crushed", owner: null);
        var assigned = await CreateCaseAsync(ws, "Refund not received", ana);

        // The manager takes the New case from the unassigned queue with the card's plain form.
        using var manager = await SignInAsync(ws, "max");
        var queue = await PageAsync(manager, "/cases?view=unassigned");
        var form = queue.QuerySelector($"[data-case='{queued}'] form")!;
        using var posted = await manager.Client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(Fields(form)));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("/cases", posted.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("?view=unassigned", posted.RequestMessage.RequestUri.Query);
        var after = new HtmlParser().ParseDocument(await posted.Content.ReadAsStringAsync());
        Assert.Equal("Case #1 acknowledged: it is yours.", after.QuerySelector(".flash")!.TextContent.Trim());
        Assert.NotNull(after.QuerySelector("[data-testid=inbox-empty]"));
        var taken = await CaseAsync(ws, queued);
        Assert.Equal(("Assigned", max), (taken.GetProperty("case").GetProperty("state").GetString(), taken.GetProperty("case").GetProperty("owner").GetProperty("id").GetGuid()));
        Assert.Equal(JsonValueKind.String, taken.GetProperty("acknowledgedAt").ValueKind);

        // The responder acknowledges her assigned case through htmx: the answer is the card alone, now with "Open".
        using var responder = await SignInAsync(ws, "ana");
        var inbox = await PageAsync(responder, "/cases");
        var card = inbox.QuerySelector($"[data-case='{assigned}']")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, card.QuerySelector("form")!.GetAttribute("hx-post"))
        {
            Content = new FormUrlEncodedContent(Fields(card.QuerySelector("form")!)),
        };
        request.Headers.Add("HX-Request", "true");
        using var fragment = await responder.Client.SendAsync(request);
        var html = await fragment.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);
        var swapped = new HtmlParser().ParseDocument(html);
        Assert.Equal("Case #2 acknowledged: it is yours.", swapped.QuerySelector("[data-testid=case-card-message]")!.TextContent.Trim());
        Assert.Equal("Case #2 acknowledged: it is yours.", swapped.QuerySelector("#inbox-status[hx-swap-oob]")!.TextContent.Trim());
        Assert.Empty(swapped.QuerySelectorAll("form"));
        Assert.Equal("Open", swapped.QuerySelector(".button.primary")!.TextContent.Trim());
        Assert.NotNull(swapped.QuerySelector("a[data-swap-focus]"));
        Assert.Equal(JsonValueKind.String, (await CaseAsync(ws, assigned)).GetProperty("acknowledgedAt").ValueKind);

        // The same stale card posted again is refused (the case moved on): the card says why, in place.
        using var again = new HttpRequestMessage(HttpMethod.Post, card.QuerySelector("form")!.GetAttribute("hx-post"))
        {
            Content = new FormUrlEncodedContent(Fields(card.QuerySelector("form")!)),
        };
        again.Headers.Add("HX-Request", "true");
        using var refused = await responder.Client.SendAsync(again);
        var refusal = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Contains("changed since version", refusal.QuerySelector("[data-testid=case-card-message].error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reached_call_moves_the_case_in_progress_and_a_call_without_an_outcome_is_refused_beside_the_field()
    {
        var ws = await App.CreateWorkspaceAsync();
        var ana = await AddUserAsync(ws, "ana", Role.Responder);
        var id = await CreateCaseAsync(ws, "Refund not received", ana);
        using var browser = await SignInAsync(ws, "ana");

        var page = await PageAsync(browser, $"/cases/{id}");
        Assert.Equal("phone", page.QuerySelector("#contact-channel option[selected]")!.GetAttribute("value"));
        Assert.Equal("0 of 8 working hours used", page.QuerySelector("[data-testid=clock-first-response] dd span:nth-child(2)")!.TextContent.Trim());

        // No outcome: the message sits beside the outcome, tied to it, and the note is kept.
        var missing = Fields(page.QuerySelector("[data-testid=contact-form]")!);
        missing["Contact.Note"] = "Called at lunch <b>time</b>";
        var refused = await PostPageAsync(browser, $"/cases/{id}?handler=Contact", missing);
        Assert.Equal("The outcome is one of reached, no_answer, left_message.", refused.QuerySelector("#contact-outcome-error")!.TextContent);
        Assert.Equal("true", refused.QuerySelector("#contact-outcome")!.GetAttribute("aria-invalid"));
        Assert.Contains("contact-outcome-error", refused.QuerySelector("#contact-outcome")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("Called at lunch <b>time</b>", refused.QuerySelector("#contact-note")!.TextContent);
        Assert.Equal("Assigned", refused.QuerySelector("[data-testid=case-state]")!.TextContent.Trim());

        // Two hours later the customer is reached: in progress, the first-response clock met.
        Clock.Set(Monday9.AddHours(2));
        var call = Fields(refused.QuerySelector("[data-testid=contact-form]")!);
        call["Contact.Outcome"] = "reached";
        using var response = await browser.Client.PostAsync($"/cases/{id}?handler=Contact", new FormUrlEncodedContent(call));
        var done = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal($"/cases/{id}", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("Phone call logged: reached the customer. The case is in progress.", done.QuerySelector(".flash")!.TextContent.Trim());
        Assert.Equal("In progress", done.QuerySelector("[data-testid=case-state]")!.TextContent.Trim());
        Assert.StartsWith("Met", done.QuerySelector("[data-testid=clock-first-response] dd")!.TextContent.Trim(), StringComparison.Ordinal);
        var events = done.QuerySelectorAll("[data-testid=case-timeline] > li").ToList();
        Assert.Equal("Customer contacted (Assigned → In progress)", events[0].QuerySelector("strong")!.TextContent);
        Assert.Equal("Phone call: reached the customer", events[1].QuerySelector("strong")!.TextContent);
        Assert.Equal("Called at lunch <b>time</b>", events[1].QuerySelector(".case-event-body")!.TextContent);
        Assert.StartsWith("ana, ", events[1].QuerySelector(".muted")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-12-07T11:00:00Z", events[1].QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("InProgress", (await CaseAsync(ws, id)).GetProperty("case").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Resolving_without_a_root_cause_shows_the_error_and_keeps_the_case_in_progress_and_with_one_resolves_it()
    {
        var ws = await App.CreateWorkspaceAsync();
        var ana = await AddUserAsync(ws, "ana", Role.Responder);
        var id = await CreateCaseAsync(ws, "Refund not received", ana);
        using var browser = await SignInAsync(ws, "ana");
        var page = await PageAsync(browser, $"/cases/{id}");
        Assert.Null(page.QuerySelector("[data-testid=resolve-form]"));
        var call = Fields(page.QuerySelector("[data-testid=contact-form]")!);
        call["Contact.Outcome"] = "reached";
        page = await PostPageAsync(browser, $"/cases/{id}?handler=Contact", call);

        // No root cause: the service's message beside the select, the resolution and note as typed, still in progress.
        var resolve = Fields(page.QuerySelector("[data-testid=resolve-form]")!);
        resolve["Resolve.ResolutionCode"] = "Refunded";
        resolve["Resolve.Note"] = "Refund issued by hand.";
        var refused = await PostPageAsync(browser, $"/cases/{id}?handler=Resolve", resolve);
        Assert.Equal("Resolving a case needs its root cause (a category of at most 100 characters).", refused.QuerySelector("#resolve-root-cause-error")!.TextContent);
        Assert.Equal("true", refused.QuerySelector("#resolve-root-cause")!.GetAttribute("aria-invalid"));
        Assert.Equal("Refunded", refused.QuerySelector("#resolve-code option[selected]")!.GetAttribute("value"));
        Assert.Equal("Refund issued by hand.", refused.QuerySelector("#resolve-note")!.TextContent);
        Assert.NotNull(refused.QuerySelector("[data-testid=resolve-form] [role=alert]"));
        Assert.Equal("In progress", refused.QuerySelector("[data-testid=case-state]")!.TextContent.Trim());
        Assert.Equal("InProgress", (await CaseAsync(ws, id)).GetProperty("case").GetProperty("state").GetString());

        // "Other" needs its name.
        var other = Fields(refused.QuerySelector("[data-testid=resolve-form]")!);
        other["Resolve.RootCause"] = "Other";
        var unnamed = await PostPageAsync(browser, $"/cases/{id}?handler=Resolve", other);
        Assert.Equal("Name the root cause, or pick one of the list.", unnamed.QuerySelector("#resolve-root-cause-other-error")!.TextContent);
        Assert.Equal("Other", unnamed.QuerySelector("#resolve-root-cause option[selected]")!.GetAttribute("value"));
        Assert.Equal("InProgress", (await CaseAsync(ws, id)).GetProperty("case").GetProperty("state").GetString());

        // With a root cause it resolves.
        var fixedUp = Fields(unnamed.QuerySelector("[data-testid=resolve-form]")!);
        fixedUp["Resolve.RootCause"] = "Billing error";
        var resolved = await PostPageAsync(browser, $"/cases/{id}?handler=Resolve", fixedUp);
        Assert.Equal("Case #1 resolved: root cause Billing error, refunded.", resolved.QuerySelector(".flash")!.TextContent.Trim());
        Assert.Equal("Resolved", resolved.QuerySelector("[data-testid=case-state]")!.TextContent.Trim());
        Assert.Equal("Billing error", resolved.QuerySelector("[data-testid=case-root-cause]")!.TextContent.Trim());
        Assert.Null(resolved.QuerySelector("[data-testid=resolve-form]"));
        Assert.Null(resolved.QuerySelector("[data-testid=contact-form]"));
        var final = await CaseAsync(ws, id);
        Assert.Equal(("Resolved", "Billing error", "Refunded"), (
            final.GetProperty("case").GetProperty("state").GetString(), final.GetProperty("rootCause").GetString(), final.GetProperty("resolutionCode").GetString()));

        // A name typed under "Other" is the root cause.
        var second = await CreateCaseAsync(ws, "Wrong size sent", ana);
        var secondPage = await PageAsync(browser, $"/cases/{second}");
        var reach = Fields(secondPage.QuerySelector("[data-testid=contact-form]")!);
        reach["Contact.Outcome"] = "reached";
        secondPage = await PostPageAsync(browser, $"/cases/{second}?handler=Contact", reach);
        var named = Fields(secondPage.QuerySelector("[data-testid=resolve-form]")!);
        (named["Resolve.RootCause"], named["Resolve.RootCauseOther"], named["Resolve.ResolutionCode"]) = ("Other", " Size chart wrong ", "Replaced");
        await PostPageAsync(browser, $"/cases/{second}?handler=Resolve", named);
        Assert.Equal("Size chart wrong", (await CaseAsync(ws, second)).GetProperty("rootCause").GetString());
    }

    [Fact]
    public async Task A_case_escalated_on_its_breach_is_reassigned_from_its_page()
    {
        var ws = await App.CreateWorkspaceAsync();
        var ana = await AddUserAsync(ws, "ana", Role.Responder);
        var ben = await AddUserAsync(ws, "ben", Role.Responder);
        await AddUserAsync(ws, "max", Role.Manager);
        await AddUserAsync(ws, "vera", Role.Viewer);
        var id = await CreateCaseAsync(ws, "Refund not received", ana);
        Clock.Set(Monday9.AddHours(8.5));
        await App.Services.GetRequiredService<JobRunner>().RunDueAsync(50, CancellationToken.None);
        using var manager = await SignInAsync(ws, "max");

        // Escalated: the assign form is open, offering the people who work cases (not the viewer).
        var page = await PageAsync(manager, $"/cases/{id}");
        Assert.Equal("Escalated", page.QuerySelector("[data-testid=case-state]")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("details[open] [data-testid=assign-form]"));
        var people = page.QuerySelectorAll("#assign-owner option").Select(o => o.TextContent.Trim()).Where(t => !t.StartsWith("Choose", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Ada Admin", "ana", "ben", "max (me)"], people);
        Assert.Null(page.QuerySelector("[data-testid=resolve-form]"));

        // No owner chosen: the service's message beside the select.
        var none = await PostPageAsync(manager, $"/cases/{id}?handler=Assign", Fields(page.QuerySelector("[data-testid=assign-form]")!));
        Assert.Equal("Assigning a case needs the new owner.", none.QuerySelector("#assign-owner-error")!.TextContent);

        var assign = Fields(none.QuerySelector("[data-testid=assign-form]")!);
        assign["Assign.OwnerUserId"] = ben.ToString();
        var done = await PostPageAsync(manager, $"/cases/{id}?handler=Assign", assign);
        Assert.Equal("Case #1 assigned to ben.", done.QuerySelector(".flash")!.TextContent.Trim());
        var after = await CaseAsync(ws, id);
        Assert.Equal(("Assigned", ben), (after.GetProperty("case").GetProperty("state").GetString(), after.GetProperty("case").GetProperty("owner").GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Each_page_and_action_asks_for_its_permission_and_a_responder_lands_on_the_inbox()
    {
        var ws = await App.CreateWorkspaceAsync();
        var ana = await AddUserAsync(ws, "ana", Role.Responder);
        await AddUserAsync(ws, "vera", Role.Viewer);
        await AddUserAsync(ws, "lee", Role.Leader);
        var id = await CreateCaseAsync(ws, "Refund not received", ana);

        using var viewer = await SignInAsync(ws, "vera");
        using var viewerInbox = await viewer.Client.GetAsync("/cases");
        using var viewerCase = await viewer.Client.GetAsync($"/cases/{id}");
        Assert.Equal("/denied", viewerInbox.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/denied", viewerCase.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain("href=\"/cases\"", await viewer.Client.GetStringAsync("/dashboards"), StringComparison.Ordinal);

        // A leader reads cases (every list) but works none: no action forms, and a posted acknowledge is refused.
        using var leader = await SignInAsync(ws, "lee");
        var all = await PageAsync(leader, "/cases?view=all");
        Assert.Single(all.QuerySelectorAll("[data-testid=case-card]"));
        Assert.Empty(all.QuerySelectorAll("[data-testid=case-card] form"));
        var page = await PageAsync(leader, $"/cases/{id}");
        Assert.Null(page.QuerySelector("#actions-heading"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var acknowledge = await leader.Client.PostAsync("/cases?handler=Acknowledge", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["id"] = id.ToString(),
        }));
        Assert.Equal("/denied", acknowledge.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(JsonValueKind.Null, (await CaseAsync(ws, id)).GetProperty("acknowledgedAt").ValueKind);
        using var missing = await leader.Client.GetAsync($"/cases/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // Signing in (also from the home page's redirect) lands a Responder on the inbox and everyone else on the overview.
        Assert.Equal("/cases", await LandingAsync(ws, $"ana@{ws.Slug}.test", "/signin"));
        Assert.Equal("/cases", await LandingAsync(ws, $"ana@{ws.Slug}.test", "/signin?ReturnUrl=%2F"));
        Assert.Equal($"/cases/{id}", await LandingAsync(ws, $"ana@{ws.Slug}.test", $"/signin?ReturnUrl=%2Fcases%2F{id}"));
        Assert.Equal("/", await LandingAsync(ws, ws.Email, "/signin"));
        Assert.Equal("/", await LandingAsync(ws, $"lee@{ws.Slug}.test", "/signin"));
    }

    [Fact]
    public void The_landing_page_is_the_inbox_for_case_workers_without_dashboards()
    {
        Assert.Equal("/cases", SignInModel.LandingPage([.. Permissions.ForRole(Role.Responder)]));
        Assert.Equal("/", SignInModel.LandingPage([.. Permissions.ForRoles([Role.Responder, Role.Viewer])]));
        Assert.Equal("/", SignInModel.LandingPage([.. Permissions.ForRole(Role.Practitioner)]));
        Assert.Equal("/", SignInModel.LandingPage([.. Permissions.ForRole(Role.WorkspaceAdmin)]));
    }

    private async Task<Guid> AddUserAsync(TestWorkspace ws, string name, Role role) =>
        await App.WithScopeAsync(async s => (await s.GetRequiredService<UserService>().AddAsync(
            ws.Id, $"{name}@{ws.Slug}.test", name, ws.Password, [role], CancellationToken.None)).Value!.Id, ws.Id);

    private async Task<BrowserSession> SignInAsync(TestWorkspace ws, string name)
    {
        var browser = new BrowserSession(App);
        await browser.SignInAsync($"{name}@{ws.Slug}.test", ws.Password);
        return browser;
    }

    // Signs in through the form at `signIn` and returns the path (and query) the browser ends on.
    private async Task<string> LandingAsync(TestWorkspace ws, string email, string signIn)
    {
        using var browser = new BrowserSession(App);
        var form = new HtmlParser().ParseDocument(await browser.Client.GetStringAsync(signIn)).QuerySelector("form")!;
        var fields = Fields(form);
        (fields["Input.Email"], fields["Input.Password"]) = (email, ws.Password);
        using var response = await browser.Client.PostAsync(form.GetAttribute("action") is { Length: > 0 } action ? action : signIn, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.RequestMessage!.RequestUri!.PathAndQuery;
    }

    private static async Task<Guid> CreateCaseAsync(TestWorkspace ws, string title, Guid? owner)
    {
        using var response = await ws.Api.PostAsJsonAsync("/api/v1/cases", new { title, ownerUserId = owner });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("case").GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> CaseAsync(TestWorkspace ws, Guid id) =>
        JsonDocument.Parse(await ws.Api.GetStringAsync($"/api/v1/cases/{id}")).RootElement.Clone();

    private static async Task<IDocument> PageAsync(BrowserSession browser, string url)
    {
        using var response = await browser.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static async Task<IDocument> PostPageAsync(BrowserSession browser, string url, Dictionary<string, string> fields)
    {
        using var response = await browser.Client.PostAsync(url, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A form's fields as the browser would post them: inputs, textareas, and each select's selected option.</summary>
    private static Dictionary<string, string> Fields(IElement form)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            fields[element.GetAttribute("name")!] = element.LocalName switch
            {
                "textarea" => element.TextContent,
                "select" => element.QuerySelector("option[selected]")?.GetAttribute("value") ?? element.QuerySelector("option")?.GetAttribute("value") ?? "",
                _ => element.GetAttribute("value") ?? "",
            };
        }

        return fields;
    }
}

[Collection(CasesSqliteCollection.Name)]
public sealed class CasePagesTests_Sqlite(CasesSqliteFixture fixture) : CasePagesTests(fixture);

[Collection(CasesPostgresCollection.Name)]
public sealed class CasePagesTests_Postgres(CasesPostgresFixture fixture) : CasePagesTests(fixture);
