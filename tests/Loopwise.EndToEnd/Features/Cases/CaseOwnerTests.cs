using System.Text.RegularExpressions;
using Loopwise.Core.Cases;
using Loopwise.Data;
using Loopwise.EndToEnd.Infrastructure;
using Loopwise.Features.Cases;
using Loopwise.Features.Customers;
using Loopwise.Features.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Loopwise.EndToEnd.Features.Cases;

/// <summary>
/// Issue 5's browser story: a case owner (a Responder) signs in on a phone-sized screen (390×844, touch), lands on
/// the inbox, acknowledges her case with one tap (the card updates in place), opens it, logs a phone call that
/// reached the customer, and resolves it with a root cause and a resolution code. Both pages pass axe-core, have no
/// horizontal scroll and 44 px tap targets.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CaseOwnerTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_case_owner_on_a_phone_acknowledges_a_case_logs_a_call_and_resolves_it_with_a_root_cause()
    {
        var ct = CancellationToken.None;
        var ws = await browser.App.CreateWorkspaceAsync();
        var email = $"rita@{ws.Slug}.test";
        var rita = await browser.App.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<UserService>().AddAsync(ws.Id, email, "Rita Responder", ws.Password, [Role.Responder], ct)).Value!.Id, ws.Id);
        var customer = await browser.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LoopwiseDbContext>();
            var row = new Customer { WorkspaceId = ws.Id, Id = Guid.CreateVersion7(), ExternalId = "CUST-7", Name = "Jo Bloggs", CreatedAt = DateTime.UnixEpoch };
            db.Add(row);
            await db.SaveChangesAsync(ct);
            return row.Id;
        }, ws.Id);
        var opened = await browser.App.WithScopeAsync(async sp => (await sp.GetRequiredService<CaseService>().CreateAsync(
            new CreateCaseRequest("Detractor call-back: parcel arrived crushed", CasePriority.High, customer, null, null, rita, null), "system", ct)).Value!, ws.Id);
        var id = opened.Case.Id;

        await using var phone = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await phone.NewPageAsync();

        // Signing in from the home page lands a Responder on her inbox.
        await page.GotoAsync("/");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ws.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).TapAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cases", Exact = true })).ToBeVisibleAsync();
        Assert.EndsWith("/cases", page.Url, StringComparison.Ordinal);

        // My cases: the card names the case, the customer and the state in words.
        var card = page.Locator($"[data-case='{id}']");
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Heading)).ToContainTextAsync("#1 Detractor call-back: parcel arrived crushed");
        await Assertions.Expect(card).ToContainTextAsync("Jo Bloggs");
        await Assertions.Expect(card.GetByTestId("case-state")).ToHaveTextAsync("Assigned");
        await Assertions.Expect(card.GetByTestId("case-sla")).ToHaveTextAsync(SlaWords());
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "My cases" })).ToHaveAttributeAsync("aria-current", "page");
        await FitsThePhoneAsync(page, ".inbox-tabs a, .case-card-title a, .case-card .button");
        await Screenshots.TakeAsync(page, "50-cases-inbox-phone");
        var inboxViolations = await Axe.ViolationsAsync(page);
        Assert.True(inboxViolations.Count == 0, string.Join("\n", inboxViolations));

        // One tap acknowledges: the card updates in place (htmx), says so, and offers "Open".
        await card.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).TapAsync();
        await Assertions.Expect(card.GetByTestId("case-card-message")).ToHaveTextAsync("Case #1 acknowledged: it is yours.");
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#inbox-status")).ToHaveTextAsync("Case #1 acknowledged: it is yours.");
        await Assertions.Expect(card.GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link)).ToBeFocusedAsync();
        Assert.EndsWith("/cases", page.Url, StringComparison.Ordinal);
        var inboxAfter = await Axe.ViolationsAsync(page);
        Assert.True(inboxAfter.Count == 0, string.Join("\n", inboxAfter));

        // Open the case: its clocks and the moves its state allows.
        await card.GetByRole(AriaRole.Link, new() { Name = "Open" }).TapAsync();
        await Assertions.Expect(page.GetByTestId("case-heading")).ToContainTextAsync("#1");
        await Assertions.Expect(page.GetByTestId("case-owner")).ToHaveTextAsync("Rita Responder");
        await Assertions.Expect(page.GetByTestId("clock-first-response")).ToContainTextAsync("working hours used");
        await Screenshots.TakeAsync(page, "51-case-page-phone");
        // The less-used forms are folded away; unfolded, they fit the phone and pass axe too.
        await page.EvaluateAsync("() => document.querySelectorAll('details.case-more').forEach((d) => { d.open = true; })");
        await FitsThePhoneAsync(page, ".case-form .button, .case-form select, .case-form textarea, .case-form input:not([type=hidden]), .case-back a, .case-more > summary");
        var caseViolations = await Axe.ViolationsAsync(page);
        Assert.True(caseViolations.Count == 0, string.Join("\n", caseViolations));

        // Log a phone call that reached the customer: the case is in progress.
        var call = page.GetByTestId("contact-form");
        await Assertions.Expect(call.GetByLabel("Channel")).ToHaveValueAsync("phone");
        await call.GetByLabel("Outcome").SelectOptionAsync(new SelectOptionValue { Label = "Reached the customer" });
        await call.GetByLabel("Note").FillAsync("Apologised; a replacement goes out today.");
        await call.GetByRole(AriaRole.Button, new() { Name = "Log the call" }).TapAsync();
        await Assertions.Expect(page.GetByTestId("case-state")).ToHaveTextAsync("In progress");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Phone call logged: reached the customer.");

        // Resolve with a root cause and a resolution code.
        var resolve = page.GetByTestId("resolve-form");
        await resolve.GetByLabel("Root cause", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Delivery delay" });
        await resolve.GetByLabel("Resolution").SelectOptionAsync(new SelectOptionValue { Label = "Replaced" });
        await resolve.GetByLabel("Note").FillAsync("Replacement delivered; courier damage reported.");
        await resolve.GetByRole(AriaRole.Button, new() { Name = "Resolve the case" }).TapAsync();
        await Assertions.Expect(page.GetByTestId("case-state")).ToHaveTextAsync("Resolved");
        await Assertions.Expect(page.GetByTestId("case-root-cause")).ToHaveTextAsync("Delivery delay");
        await Assertions.Expect(page.GetByTestId("case-resolution")).ToHaveTextAsync("Replaced");
        await Assertions.Expect(page.GetByTestId("case-timeline").Locator("li").First).ToContainTextAsync("Resolved (In progress → Resolved)");
        await FitsThePhoneAsync(page, ".case-form .button");
        await Screenshots.TakeAsync(page, "52-case-resolved-phone");
        var resolvedViolations = await Axe.ViolationsAsync(page);
        Assert.True(resolvedViolations.Count == 0, string.Join("\n", resolvedViolations));

        // Resolved cases leave My cases.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to my cases" }).TapAsync();
        await Assertions.Expect(page.GetByTestId("inbox-empty")).ToBeVisibleAsync();

        // The closed-loop dashboard counts the resolution and its root cause.
        await page.GetByRole(AriaRole.Link, new() { Name = "Closed-loop dashboard" }).TapAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Closed loop", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("resolved-count")).ToHaveTextAsync("1 resolved");
        var cause = page.GetByTestId("root-causes").Locator("tbody tr");
        await Assertions.Expect(cause).ToHaveCountAsync(1);
        await Assertions.Expect(cause.Locator("th")).ToHaveTextAsync("Delivery delay");
        await Assertions.Expect(cause.Locator("td").First).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("first-contact-median")).Not.ToHaveTextAsync("—");
        var dashboardViolations = await Axe.ViolationsAsync(page);
        Assert.True(dashboardViolations.Count == 0, string.Join("\n", dashboardViolations));
    }

    // No horizontal scroll, and every control matched by `targets` at least 44 px tall and wide (visible ones).
    private static async Task FitsThePhoneAsync(IPage page, string targets)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page scrolls sideways by {overflow} px at 390 px");
        var small = await page.EvaluateAsync<string[]>(
            """
            (selector) => [...document.querySelectorAll(selector)]
              .filter((el) => el.offsetParent !== null)
              .map((el) => [el, el.getBoundingClientRect()])
              .filter(([, r]) => r.height < 44 || r.width < 44)
              .map(([el, r]) => `${el.tagName.toLowerCase()} "${(el.textContent || el.name || '').trim().slice(0, 40)}" ${Math.round(r.width)}x${Math.round(r.height)}`)
            """, targets);
        Assert.True(small.Length == 0, "tap targets under 44 px: " + string.Join("; ", small));
    }

    [GeneratedRegex("^SLA (on track|at risk|breached)$")]
    private static partial Regex SlaWords();
}
