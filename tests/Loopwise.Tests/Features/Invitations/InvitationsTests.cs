using System.Net;
using System.Net.Http.Json;
using System.Text;
using Loopwise.Cli;
using Loopwise.Data;
using Loopwise.Features.Customers;
using Loopwise.Tests.Features.Respond;
using Loopwise.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Invitations;

public abstract class InvitationsTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Csv_rows_that_cannot_be_used_are_rejected_with_their_line_numbers()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await SurveyData.AddSurveyAsync(App, ws);
        const string csv =
            "external_id,email,name,language,plan\r\n" +   // line 1
            "c1,ann@example.test,Ann,en,gold\r\n" +          // line 2: ok
            ",bob@example.test,Bob,en,\r\n" +               // line 3: no id
            "c3,not-an-email,Cy,en,\r\n" +                  // line 4: bad e-mail
            "c4,dee@example.test,\"Dee\nDoe\",fr,silver\r\n" + // lines 5-6: ok, quoted name over two lines
            "c1,ann2@example.test,Ann,en,\r\n" +            // line 7: repeats line 2
            "c5,eve@example.test\r\n";                      // line 8: too few fields
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");

        var response = await ws.Api.PostAsync($"/api/v1/surveys/{survey.Id}/invitations", content);
        var batch = await response.Content.ReadFromJsonAsync<Batch>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([2, 5], batch!.Created.Select(c => c.Line));
        Assert.Equal([3, 4, 7, 8], batch.Rejected.Select(r => r.Line));
        Assert.Equal("email 'not-an-email' is not a valid e-mail address", batch.Rejected[1].Reason);
        Assert.Equal("external_id 'c1' repeats line 2", batch.Rejected[2].Reason);
        Assert.Equal("Dee\nDoe", batch.Created[1].Name);
        Assert.StartsWith($"http://localhost/i/{ws.Slug}/", batch.Created[0].Link, StringComparison.Ordinal);
        var ann = await CustomerAsync(ws, "c1");
        Assert.Equal("{\"plan\":\"gold\"}", ann.AttributesJson);
        Assert.NotNull(ann.LastInvitedAt);
    }

    [Fact]
    public async Task Customers_in_quarantine_or_unsubscribed_are_suppressed_with_the_reason()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await SurveyData.AddSurveyAsync(App, ws);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await SurveyData.AddAsync(App, ws,
            new Customer { WorkspaceId = ws.Id, Id = Guid.CreateVersion7(), ExternalId = "recent", LastInvitedAt = now.AddDays(-10), CreatedAt = now.AddDays(-60) },
            new Customer { WorkspaceId = ws.Id, Id = Guid.CreateVersion7(), ExternalId = "long-ago", LastInvitedAt = now.AddDays(-31), CreatedAt = now.AddDays(-60) },
            new Customer { WorkspaceId = ws.Id, Id = Guid.CreateVersion7(), ExternalId = "gone", UnsubscribedAt = now.AddDays(-1), CreatedAt = now.AddDays(-60) });

        var response = await ws.Api.PostAsJsonAsync($"/api/v1/surveys/{survey.LinkToken}/invitations", new
        {
            customers = new[] { new { externalId = "recent" }, new { externalId = "long-ago" }, new { externalId = "gone" }, new { externalId = "new" } },
        });
        var batch = await response.Content.ReadFromJsonAsync<Batch>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["long-ago", "new"], batch!.Created.Select(c => c.ExternalId));
        Assert.Equal(2, batch.Suppressed.Count);
        Assert.Equal((1, "recent"), (batch.Suppressed[0].Line, batch.Suppressed[0].ExternalId));
        Assert.StartsWith("quarantine: last invited ", batch.Suppressed[0].Reason, StringComparison.Ordinal);
        Assert.Contains("30-day quarantine", batch.Suppressed[0].Reason, StringComparison.Ordinal);
        Assert.Equal((3, "unsubscribed: the person opted out of surveys"), (batch.Suppressed[1].Line, batch.Suppressed[1].Reason));
    }

    [Fact]
    public async Task A_created_link_opens_the_survey_and_the_list_reports_each_status()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await SurveyData.AddSurveyAsync(App, ws);
        var created = await ws.Api.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/invitations", new
        {
            expiresDays = 7,
            customers = new[] { new { externalId = "a", language = (string?)"fr" }, new { externalId = "b", language = (string?)null }, new { externalId = "c", language = (string?)null } },
        });
        var batch = (await created.Content.ReadFromJsonAsync<Batch>())!;
        using var respondent = new SurveyForm(App);

        var french = await respondent.GetAsync(new Uri(batch.Created[0].Link).PathAndQuery);
        await respondent.SubmitAsync(french, ("a.nps", "9"));
        await respondent.GetAsync(new Uri(batch.Created[1].Link).PathAndQuery);
        var list = await ws.Api.GetFromJsonAsync<Item[]>($"/api/v1/surveys/{survey.Id}/invitations");
        var again = await ws.Api.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/invitations", new { customers = new[] { new { externalId = "a" } } });

        Assert.Equal("fr", french.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(TimeSpan.FromDays(7), batch.Created[0].ExpiresAt - batch.CreatedAt);
        Assert.Equal(["answered", "opened", "sent"], list!.OrderBy(i => i.ExternalId).Select(i => i.Status.ToLowerInvariant()));
        Assert.Single((await again.Content.ReadFromJsonAsync<Batch>())!.Suppressed);
    }

    [Fact]
    public async Task Cli_writes_the_links_csv()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await SurveyData.AddSurveyAsync(App, ws);
        await SurveyData.AddTouchpointAsync(App, ws, "store");
        var folder = Directory.CreateTempSubdirectory("loopwise-invitations-");
        var input = Path.Combine(folder.FullName, "customers.csv");
        var output = Path.Combine(folder.FullName, "links.csv");
        await File.WriteAllTextAsync(input, "customer_id;email;name;language\nk1;k1@example.test;=cmd;en\nk2;;;\n");

        var exit = await LoopwiseCli.RunAsync(
        [
            "invitations", "create", "--db", App.Database, "--workspace", ws.Slug, "--survey", survey.LinkToken,
            "--touchpoint", "store", "--customers", input, "--expires-days", "10", "--base-url", "https://cx.example.test/", "--out", output,
        ]);
        var lines = await File.ReadAllLinesAsync(output);

        Assert.Equal(0, exit);
        Assert.Equal("external_id,email,name,language,link,expires_at", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"k1,k1@example.test,'=cmd,en,https://cx.example.test/i/{ws.Slug}/", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"k2,,,,https://cx.example.test/i/{ws.Slug}/", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inviting_needs_the_distribution_write_scope()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await SurveyData.AddSurveyAsync(App, ws);
        var key = await ws.Api.PostAsJsonAsync("/api/v1/api-keys", new { name = "reader", scopes = new[] { "distribution.read" } });
        using var reader = App.CreateClient();
        reader.DefaultRequestHeaders.Authorization = new("Bearer", (await key.Content.ReadFromJsonAsync<CreatedKey>())!.Key);

        var post = await reader.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/invitations", new { customers = new[] { new { externalId = "x" } } });
        var list = await reader.GetAsync($"/api/v1/surveys/{survey.Id}/invitations");

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    private Task<Customer> CustomerAsync(TestWorkspace ws, string externalId) =>
        App.WithScopeAsync(sp => sp.GetRequiredService<LoopwiseDbContext>().Set<Customer>().AsNoTracking().SingleAsync(c => c.ExternalId == externalId), ws.Id);

    private sealed record Batch(Guid SurveyId, DateTime CreatedAt, List<CreatedLink> Created, List<Suppressed> Suppressed, List<Rejected> Rejected);

    private sealed record CreatedLink(int Line, Guid InvitationId, string ExternalId, string? Email, string? Name, string? Language, string Link, DateTime ExpiresAt);

    private sealed record Suppressed(int Line, string ExternalId, string Reason);

    private sealed record Rejected(int Line, string Reason);

    private sealed record Item(Guid Id, string ExternalId, string Status, string Link);

    private sealed record CreatedKey(Guid Id, string Key);
}

[Collection(Collections.Sqlite)]
public sealed class InvitationsTests_Sqlite(SqliteAppFixture fixture) : InvitationsTests(fixture);

[Collection(Collections.Postgres)]
public sealed class InvitationsTests_Postgres(PostgresAppFixture fixture) : InvitationsTests(fixture);
