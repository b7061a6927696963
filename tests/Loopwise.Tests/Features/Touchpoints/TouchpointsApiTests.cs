using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loopwise.Data;
using Loopwise.Features.Audit;
using Loopwise.Features.Responses;
using Loopwise.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Touchpoints;

public abstract class TouchpointsApiTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Create_get_update_list_and_delete_a_touchpoint()
    {
        var ws = await App.CreateWorkspaceAsync();

        var created = await ws.Api.PostAsJsonAsync("/api/v1/touchpoints", new { key = "checkout", name = "Checkout", channel = "Web", journeyStage = "Purchase" });
        var body = await created.Content.ReadFromJsonAsync<TouchpointItem>();
        var fetched = await ws.Api.GetFromJsonAsync<TouchpointItem>($"/api/v1/touchpoints/{body!.Id}");
        var updated = await ws.Api.PutAsJsonAsync($"/api/v1/touchpoints/{body.Id}", new { key = "checkout", name = "Store checkout", channel = "inperson", journeyStage = "" });
        var afterUpdate = await updated.Content.ReadFromJsonAsync<TouchpointItem>();
        var list = await ws.Api.GetFromJsonAsync<TouchpointItem[]>("/api/v1/touchpoints");
        var deleted = await ws.Api.DeleteAsync($"/api/v1/touchpoints/{body.Id}");
        var gone = await ws.Api.GetAsync($"/api/v1/touchpoints/{body.Id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(new TouchpointItem(body.Id, "checkout", "Checkout", "Web", "Purchase"), fetched);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(new TouchpointItem(body.Id, "checkout", "Store checkout", "InPerson", null), afterUpdate);
        Assert.Equal("Store checkout", Assert.Single(list!).Name);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var actions = await AuditActionsAsync(ws.Id);
        Assert.Equal(["touchpoint.create", "touchpoint.update", "touchpoint.delete"], actions);
    }

    [Fact]
    public async Task Duplicate_key_is_a_409_problem()
    {
        var ws = await App.CreateWorkspaceAsync();
        await ws.Api.PostAsJsonAsync("/api/v1/touchpoints", new { key = "app-home", name = "App home", channel = "App" });

        var again = await ws.Api.PostAsJsonAsync("/api/v1/touchpoints", new { key = "app-home", name = "Other", channel = "Web" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Single((await ws.Api.GetFromJsonAsync<TouchpointItem[]>("/api/v1/touchpoints"))!);
    }

    [Fact]
    public async Task Invalid_fields_are_reported_one_by_one()
    {
        var ws = await App.CreateWorkspaceAsync();

        var response = await ws.Api.PostAsJsonAsync("/api/v1/touchpoints", new { key = "Bad Key!", name = "", channel = "Fax" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Equal(["channel", "key", "name"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Empty((await ws.Api.GetFromJsonAsync<TouchpointItem[]>("/api/v1/touchpoints"))!);
    }

    [Fact]
    public async Task A_touchpoint_with_responses_cannot_be_deleted()
    {
        var ws = await App.CreateWorkspaceAsync();
        var created = await (await ws.Api.PostAsJsonAsync("/api/v1/touchpoints", new { key = "call", name = "Call centre", channel = "Phone" }))
            .Content.ReadFromJsonAsync<TouchpointItem>();
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LoopwiseDbContext>();
            db.Add(new SurveyResponse
            {
                WorkspaceId = ws.Id,
                Id = Guid.NewGuid(),
                SurveyId = Guid.NewGuid(),
                SurveyVersion = 1,
                TouchpointId = created!.Id,
                Channel = DistributionChannel.Link,
                Language = "en",
                AnswersJson = "{\"answers\":{}}",
            });
            return await db.SaveChangesAsync();
        }, ws.Id);

        var delete = await ws.Api.DeleteAsync($"/api/v1/touchpoints/{created!.Id}");

        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ws.Api.GetAsync($"/api/v1/touchpoints/{created.Id}")).StatusCode);
    }

    [Fact]
    public async Task Touchpoints_page_creates_and_shows_a_duplicate_key_beside_the_field()
    {
        var ws = await App.CreateWorkspaceAsync();
        using var browser = new BrowserSession(App);
        await browser.SignInAsync(ws.Email, ws.Password);
        var fields = new Dictionary<string, string> { ["Input.Key"] = "kiosk", ["Input.Name"] = "Lobby kiosk", ["Input.Channel"] = "InPerson", ["Input.JourneyStage"] = "Visit" };

        var first = await browser.SubmitFormAsync("/touchpoints", "#touchpoint-form", fields);
        var second = await browser.SubmitFormAsync("/touchpoints", "#touchpoint-form", fields);

        Assert.Contains("Touchpoint &#x27;kiosk&#x27; created.", first, StringComparison.Ordinal);
        Assert.Contains("Lobby kiosk", first, StringComparison.Ordinal);
        Assert.Contains("already exists", second, StringComparison.Ordinal);
        Assert.Single((await ws.Api.GetFromJsonAsync<TouchpointItem[]>("/api/v1/touchpoints"))!);
    }

    private async Task<List<string>> AuditActionsAsync(Guid workspaceId) =>
        await App.WithScopeAsync(
            sp => sp.GetRequiredService<LoopwiseDbContext>().Set<AuditEntry>().OrderBy(a => a.At).ThenBy(a => a.Id)
                .Where(a => a.Action.StartsWith("touchpoint.")).Select(a => a.Action).ToListAsync(),
            workspaceId);

    internal static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray(), StringComparer.Ordinal);
    }

    private sealed record TouchpointItem(Guid Id, string Key, string Name, string Channel, string? JourneyStage);
}

[Collection(Collections.Sqlite)]
public sealed class TouchpointsApiTests_Sqlite(SqliteAppFixture fixture) : TouchpointsApiTests(fixture);

[Collection(Collections.Postgres)]
public sealed class TouchpointsApiTests_Postgres(PostgresAppFixture fixture) : TouchpointsApiTests(fixture);
