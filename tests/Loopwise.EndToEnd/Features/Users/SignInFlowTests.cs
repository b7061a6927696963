using Loopwise.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace Loopwise.EndToEnd.Features.Users;

[Collection(BrowserCollection.Name)]
public sealed class SignInFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_signs_in_and_reaches_the_overview()
    {
        var ws = await browser.App.CreateWorkspaceAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByLabel("E-mail").FillAsync(ws.Email);
        await page.GetByLabel("Password").FillAsync(ws.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        Assert.EndsWith("/", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_page_has_no_wcag_violations()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/signin");

        Assert.Empty(await Axe.ViolationsAsync(page));
    }
}
