using System.Net;
using System.Net.Http.Json;
using Loopwise.Tests.Infrastructure;

namespace Loopwise.Tests.Features.Users;

public abstract class AuthTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Api_without_credentials_answers_401_problem_details()
    {
        using var client = App.CreateClient();

        var response = await client.GetAsync("/api/v1/api-keys");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Revoked_or_forged_key_is_refused()
    {
        var ws = await App.CreateWorkspaceAsync();
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", ws.ApiKey[..^2] + "xx");

        var forged = await client.GetAsync("/api/v1/api-keys");

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task Key_without_the_scope_is_forbidden()
    {
        var ws = await App.CreateWorkspaceAsync();
        var created = await ws.Api.PostAsJsonAsync("/api/v1/api-keys", new { name = "reader", scopes = new[] { "surveys.read" } });
        var key = (await created.Content.ReadFromJsonAsync<CreatedKey>())!.Key;
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);

        var response = await client.GetAsync("/api/v1/api-keys");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_workspace_lists_only_its_own_keys()
    {
        var a = await App.CreateWorkspaceAsync();
        var b = await App.CreateWorkspaceAsync();

        var keysOfB = await b.Api.GetFromJsonAsync<KeyItem[]>("/api/v1/api-keys");

        var only = Assert.Single(keysOfB!);
        Assert.NotEqual(a.ApiKey.Split('_')[1], only.Prefix);
        Assert.Equal(b.ApiKey.Split('_')[1], only.Prefix);
    }

    [Fact]
    public async Task Revoking_another_workspaces_key_is_not_found_and_the_key_keeps_working()
    {
        var a = await App.CreateWorkspaceAsync();
        var b = await App.CreateWorkspaceAsync();
        var keyOfA = Assert.Single((await a.Api.GetFromJsonAsync<KeyItem[]>("/api/v1/api-keys"))!);

        var revoke = await b.Api.DeleteAsync($"/api/v1/api-keys/{keyOfA.Id}");
        var stillWorks = await a.Api.GetAsync("/api/v1/api-keys");

        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
    }

    [Fact]
    public async Task Sign_in_page_rejects_a_wrong_password_with_a_readable_message()
    {
        var ws = await App.CreateWorkspaceAsync();
        using var browser = new BrowserSession(App);

        var page = await browser.SignInAsync(ws.Email, "not-the-password");

        Assert.Contains("do not match", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_person_sees_the_overview()
    {
        var ws = await App.CreateWorkspaceAsync();
        using var browser = new BrowserSession(App);

        await browser.SignInAsync(ws.Email, ws.Password);
        var overview = await browser.Client.GetStringAsync("/");

        Assert.Contains("Ada Admin", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_keys_page_shows_a_new_key_once_and_the_key_works_until_revoked()
    {
        var ws = await App.CreateWorkspaceAsync();
        using var browser = new BrowserSession(App);
        await browser.SignInAsync(ws.Email, ws.Password);

        var created = await browser.SubmitFormAsync("/settings/api-keys", "form[action*='Create']", new Dictionary<string, string> { ["name"] = "Zendesk sync", ["scopes"] = "surveys.read" });
        var key = AngleSharpText(created, "[data-testid=new-api-key]");
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var before = await client.GetAsync("/api/v1/surveys");
        var listing = await browser.Client.GetStringAsync("/settings/api-keys");
        await browser.SubmitFormAsync("/settings/api-keys", "form[action*='Revoke']", new Dictionary<string, string>());
        var after = await client.GetAsync("/api/v1/surveys");

        Assert.StartsWith("lw_", key, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.DoesNotContain(key, listing, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    private static string AngleSharpText(string html, string selector) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector(selector)?.TextContent.Trim()
        ?? throw new InvalidOperationException($"No {selector} in the page.");

    private sealed record CreatedKey(Guid Id, string Key);

    private sealed record KeyItem(Guid Id, string Name, string Prefix);
}

[Collection(Collections.Sqlite)]
public sealed class AuthTests_Sqlite(SqliteAppFixture fixture) : AuthTests(fixture);

[Collection(Collections.Postgres)]
public sealed class AuthTests_Postgres(PostgresAppFixture fixture) : AuthTests(fixture);
