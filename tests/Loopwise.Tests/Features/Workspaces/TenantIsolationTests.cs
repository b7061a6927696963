using System.Net.Http.Json;
using System.Text;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Customers;
using Loopwise.Features.Email;
using Loopwise.Features.Invitations;
using Loopwise.Features.Jobs;
using Loopwise.Features.Responses;
using Loopwise.Features.Surveys;
using Loopwise.Features.Touchpoints;
using Loopwise.Features.Webhooks;
using Loopwise.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Workspaces;

/// <summary>
/// Workspace B, holding every capability, tries every API endpoint and every signed-in page of the app's route table
/// with the identifiers of workspace A's objects. Nothing of A may be revealed or changed. The endpoints are read from
/// the running app, so a new endpoint is covered without touching this test.
/// </summary>
public abstract class TenantIsolationTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task No_api_endpoint_or_page_lets_one_workspace_reach_another()
    {
        var a = await App.CreateWorkspaceAsync();
        var b = await App.CreateWorkspaceAsync();
        var secrets = await SeedAsync(a);
        var before = await SnapshotAsync(a.Id);
        using var browserB = new BrowserSession(App);
        await browserB.SignInAsync(b.Email, b.Password);

        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/s/", StringComparison.Ordinal) && !raw.StartsWith("/i/", StringComparison.Ordinal))
            .ToList();
        var leaks = new List<string>();
        var tried = 0;
        foreach (var endpoint in endpoints)
        {
            var isApi = endpoint.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal);
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var url in Urls(endpoint, secrets))
            {
                foreach (var method in isApi ? methods : methods.Where(m => m == "GET"))
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), url);
                    if (method is "POST" or "PUT" or "PATCH")
                    {
                        request.Content = JsonContent.Create(new { });
                    }

                    var client = isApi ? b.Api : browserB.Client;
                    using var response = await client.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    tried++;
                    var leaked = secrets.Values.FirstOrDefault(s => body.Contains(s, StringComparison.OrdinalIgnoreCase));
                    if (response.IsSuccessStatusCode && leaked is not null)
                    {
                        leaks.Add($"{method} {url} -> {(int)response.StatusCode} reveals '{leaked}'");
                    }
                }
            }
        }

        Assert.Empty(leaks);
        Assert.True(tried >= endpoints.Count, $"only {tried} requests for {endpoints.Count} endpoints");
        Assert.Equal(before, await SnapshotAsync(a.Id));
        Assert.True((await a.Api.GetAsync("/api/v1/api-keys")).IsSuccessStatusCode, "workspace A's key must still work");
    }

    /// <summary>One object of each kind in workspace A, with names nobody else uses.</summary>
    private async Task<Dictionary<string, string>> SeedAsync(TestWorkspace a)
    {
        var marker = $"SECRET{Guid.NewGuid():N}"[..20];
        return await App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LoopwiseDbContext>();
            var clock = services.GetRequiredService<TimeProvider>();
            var now = clock.GetUtcNow().UtcDateTime;
            var touchpoint = new Touchpoint { WorkspaceId = a.Id, Id = Guid.CreateVersion7(), Key = "tp-" + marker.ToLowerInvariant(), Name = marker + "-touchpoint", Channel = Channel.Web, CreatedAt = now };
            var definition = new SurveyDefinition
            {
                DefaultLanguage = "en",
                Languages = ["en"],
                Title = new LocalizedText("en", marker + "-title"),
                Questions = [new Question { Id = "nps", Type = QuestionType.Nps, Text = new LocalizedText("en", marker + "-question"), Required = true }],
            };
            var survey = new Survey
            {
                WorkspaceId = a.Id, Id = Guid.CreateVersion7(), Name = marker + "-survey", Kind = SurveyKind.Transactional, Status = SurveyStatus.Published,
                LinkToken = marker[..12], DefinitionJson = SurveyJson.Serialize(definition), CreatedAt = now, UpdatedAt = now,
            };
            var customer = new Customer { WorkspaceId = a.Id, Id = Guid.CreateVersion7(), ExternalId = marker + "-customer", Email = marker.ToLowerInvariant() + "@example.test", CreatedAt = now };
            var invitation = new Invitation
            {
                WorkspaceId = a.Id, Id = Guid.CreateVersion7(), Token = marker, SurveyId = survey.Id, TouchpointId = touchpoint.Id,
                CustomerId = customer.Id, CreatedAt = now, ExpiresAt = now.AddDays(30),
            };
            // A failed e-mail of A's (no job: the running worker leaves it as it is), which B must neither read nor resend.
            var emailId = Guid.CreateVersion7();
            var email = new EmailMessage
            {
                WorkspaceId = a.Id, Id = emailId, Purpose = EmailPurposes.Invitation, ToAddress = customer.Email!, Subject = marker + "-subject",
                TextBody = marker + "-body", CustomerId = customer.Id, Status = EmailStatus.Failed, MessageId = $"{emailId:N}@example.test",
                LastError = marker + "-error", CreatedAt = now, UpdatedAt = now,
            };
            db.AddRange(touchpoint, survey, customer, invitation, email);
            // A webhook endpoint with a delivery and its attempt (stored without a job: nothing sends it).
            var webhook = new WebhookEndpoint
            {
                WorkspaceId = a.Id, Id = Guid.CreateVersion7(), Url = $"https://{marker.ToLowerInvariant()}.example.test/hook", Description = marker + "-webhook",
                Enabled = true, Secret = services.GetRequiredService<WebhookSecrets>().Protect(WebhookSecrets.NewSecret()), CreatedAt = now, UpdatedAt = now,
            };
            var delivery = new WebhookDelivery
            {
                WorkspaceId = a.Id, Id = Guid.CreateVersion7(), EndpointId = webhook.Id, EventId = marker + "-event", EventType = "case.opened",
                Body = $"{{\"id\":\"{marker}-event\"}}", Status = WebhookDeliveryStatus.Delivered, Attempts = 1, CreatedAt = now, UpdatedAt = now, CompletedAt = now,
            };
            var attempt = new WebhookAttempt
            {
                WorkspaceId = a.Id, DeliveryId = delivery.Id, Number = 1, Series = 1, JobId = Guid.CreateVersion7(), AttemptedAt = now, StatusCode = 200,
                ResponseBody = marker + "-response-body",
            };
            db.AddRange(webhook, delivery, attempt);
            // A job of A's, scheduled far ahead so the running worker leaves it as it is; its kind carries the marker.
            var job = services.GetRequiredService<JobQueue>().Enqueue(new NewJob($"job-{marker}", "{}") { WorkspaceId = a.Id, RunAt = now.AddYears(1) });
            await db.SaveChangesAsync();
            var responseId = Guid.CreateVersion7();
            await services.GetRequiredService<ResponseWriter>().WriteCompletedAsync(a.Id,
                [new ResponseToStore(responseId, survey.Id, 1, touchpoint.Id, customer.Id, null, DistributionChannel.Api, "en", now, now, AnswerSet.Of(("nps", new AnswerValue(Number: 3))), marker + "-response")],
                new Dictionary<Guid, SurveyDefinition> { [survey.Id] = definition }, CancellationToken.None);
            return new Dictionary<string, string>
            {
                ["marker"] = marker,
                ["touchpoint"] = touchpoint.Id.ToString(),
                ["touchpointKey"] = touchpoint.Key,
                ["survey"] = survey.Id.ToString(),
                ["surveyToken"] = survey.LinkToken,
                ["customer"] = customer.Id.ToString(),
                ["invitation"] = invitation.Id.ToString(),
                ["response"] = responseId.ToString(),
                ["workspace"] = a.Id.ToString(),
                ["apiKeyPrefix"] = a.ApiKey.Split('_')[1],
                ["apiKey"] = (await db.Set<Loopwise.Features.Users.ApiKey>().SingleAsync()).Id.ToString(),
                ["job"] = job.Id.ToString(),
                ["email"] = emailId.ToString(),
                ["webhook"] = webhook.Id.ToString(),
                ["webhookDelivery"] = delivery.Id.ToString(),
            };
        }, a.Id);
    }

    /// <summary>Every URL for an endpoint: each route parameter filled with each of A's identifiers in turn.</summary>
    private static IEnumerable<string> Urls(RouteEndpoint endpoint, Dictionary<string, string> secrets)
    {
        var pattern = endpoint.RoutePattern;
        if (pattern.Parameters.Count == 0)
        {
            yield return Render(pattern, _ => string.Empty);
            yield break;
        }

        foreach (var value in secrets.Where(s => s.Key != "marker").Select(s => s.Value).Distinct(StringComparer.Ordinal))
        {
            yield return Render(pattern, _ => value);
        }
    }

    private static string Render(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern, Func<string, string> valueOf)
    {
        var builder = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            builder.Append('/');
            foreach (var part in segment.Parts)
            {
                builder.Append(part switch
                {
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => Uri.EscapeDataString(valueOf(parameter.Name)),
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
                    _ => string.Empty,
                });
            }
        }

        return builder.Length == 0 ? "/" : builder.ToString();
    }

    /// <summary>All of A's rows in every tenant table, as text: must be identical before and after B's attempts.</summary>
    private async Task<string> SnapshotAsync(Guid workspaceId) =>
        await App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LoopwiseDbContext>();
            var values = new SqlValue(db.IsPostgres);
            var text = new StringBuilder();
            await db.Database.OpenConnectionAsync();
            // Every tenant table, and the jobs table (not ITenantOwned: system jobs have no workspace).
            foreach (var table in db.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)).Select(t => t.GetTableName()!).Append("jobs").Order(StringComparer.Ordinal))
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = $"SELECT * FROM {table} WHERE workspace_id = @w";
                var parameter = command.CreateParameter();
                parameter.ParameterName = "w";
                parameter.Value = values.Of(workspaceId);
                command.Parameters.Add(parameter);
                var rows = new List<string>();
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var row = new object[reader.FieldCount];
                    reader.GetValues(row);
                    rows.Add(string.Join('|', row.Select(v => v is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
                }

                text.Append(table).Append(':').AppendJoin('\n', rows.Order(StringComparer.Ordinal)).Append('\n');
            }

            return text.ToString();
        }, workspaceId);
}

[Collection(Collections.Sqlite)]
public sealed class TenantIsolationTests_Sqlite(SqliteAppFixture fixture) : TenantIsolationTests(fixture);

[Collection(Collections.Postgres)]
public sealed class TenantIsolationTests_Postgres(PostgresAppFixture fixture) : TenantIsolationTests(fixture);
