using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loopwise.Core.Webhooks;
using Loopwise.Data;
using Loopwise.Features.Jobs;
using Loopwise.Features.Webhooks;
using Loopwise.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Webhooks;

/// <summary>
/// Webhooks (ADR 14) on each database, end to end: endpoints made through the API, events published through
/// <see cref="WebhookOutbox"/>, the <c>webhook.deliver</c> jobs run by hand on the fixture's <see cref="ManualClock"/>,
/// and a real HTTP receiver (<see cref="WebhookReceiver"/>) that verifies every signature.
/// </summary>
public abstract class WebhooksTests(WebhooksAppFixture fixture) : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected LoopwiseApp App => fixture.App;

    protected ManualClock Clock => fixture.Clock;

    public async Task InitializeAsync() =>
        await App.WithScopeAsync(async s => await s.GetRequiredService<LoopwiseDbContext>().Database.ExecuteSqlRawAsync("DELETE FROM jobs"));

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// The receiver answers 500, 500, 200. Back-off with RetryBase 10 s and equal jitter: attempt 1 fails at t0 → the
    /// job runs again between t0 + 5 s and t0 + 10 s, not a millisecond sooner; attempt 2 fails at t1 → between t1 + 10 s
    /// and t1 + 20 s; attempt 3 is answered 200 → delivered, and nothing is sent again.
    /// </summary>
    [Fact]
    public async Task A_receiver_answering_500_twice_sees_three_signed_attempts_with_one_id_each_at_its_back_off_time()
    {
        var ws = await App.CreateWorkspaceAsync();
        await using var receiver = await WebhookReceiver.StartAsync(Clock.GetUtcNow);
        receiver.Answer(500, 500, 200);
        var (endpointId, secret) = await CreateEndpointAsync(ws, receiver.Url, ["case.opened"]);
        receiver.Secrets = [secret];
        var delivery = Assert.Single(await PublishAsync(ws.Id, "case.opened", "case:1:opened", new { caseId = 1, subject = "Late parcel ✓" }));
        var t0 = Clock.GetUtcNow();

        Assert.Equal(1, await RunDueAsync());
        var first = await JobAsync(delivery.Id);
        Assert.Equal((JobStatus.Queued, 1, 4), (first.Status, first.Attempts, first.MaxAttempts));
        Assert.InRange((first.RunAt - t0.UtcDateTime).TotalSeconds, 5, 10);
        Assert.Equal("WebhookDeliveryFailedException: The receiver answered 500.", first.LastError);

        Clock.Set(first.RunAt.AddMilliseconds(-1));
        Assert.Equal(0, await RunDueAsync());
        Assert.Single(receiver.Requests);
        Clock.Set(first.RunAt);
        Assert.Equal(1, await RunDueAsync());
        var second = await JobAsync(delivery.Id);
        Assert.Equal((JobStatus.Queued, 2), (second.Status, second.Attempts));
        Assert.InRange((second.RunAt - first.RunAt).TotalSeconds, 10, 20);

        Clock.Set(second.RunAt.AddMilliseconds(-1));
        Assert.Equal(0, await RunDueAsync());
        Assert.Equal(2, receiver.Requests.Count);
        Clock.Set(second.RunAt);
        Assert.Equal(1, await RunDueAsync());
        Assert.Equal((JobStatus.Succeeded, 3), ((await JobAsync(delivery.Id)).Status, (await JobAsync(delivery.Id)).Attempts));
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await RunDueAsync());

        // The receiver: the same id three times (its idempotency key), valid signatures, the same body, our user agent.
        var requests = receiver.Requests;
        Assert.Equal([500, 500, 200], requests.Select(r => r.Answered));
        Assert.All(requests, r => Assert.Equal(delivery.Id.ToString(), r.Id));
        Assert.All(requests, r => Assert.True(r.Verification.IsValid, r.Verification.Reason));
        Assert.All(requests, r => Assert.Equal(("Loopwise-Webhooks/1", "application/json; charset=utf-8"), (r.UserAgent, r.ContentType)));
        Assert.Single(requests.Select(r => r.Body).Distinct(StringComparer.Ordinal));
        Assert.Equal([t0.ToUnixTimeSeconds(), new DateTimeOffset(first.RunAt).ToUnixTimeSeconds(), new DateTimeOffset(second.RunAt).ToUnixTimeSeconds()],
            requests.Select(r => long.Parse(r.Timestamp, System.Globalization.CultureInfo.InvariantCulture)));
        using var body = JsonDocument.Parse(requests[0].Body);
        Assert.Equal("case:1:opened", body.RootElement.GetProperty("id").GetString());
        Assert.Equal("case.opened", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(ws.Id, body.RootElement.GetProperty("workspace").GetGuid());
        Assert.Equal(t0.UtcDateTime, body.RootElement.GetProperty("createdAt").GetDateTime().ToUniversalTime());
        Assert.Equal("Late parcel ✓", body.RootElement.GetProperty("data").GetProperty("subject").GetString());

        // The delivery log: three attempts with their status codes and the start of each response.
        var detail = await DeliveryAsync(ws, delivery.Id);
        Assert.Equal(("delivered", 3, 1, (string?)null), (detail.Delivery.Status, detail.Delivery.Attempts, detail.Delivery.Series, detail.Delivery.LastError));
        Assert.Equal([(1, 500), (2, 500), (3, 200)], detail.Attempts.Select(a => (a.Number, a.StatusCode ?? 0)));
        Assert.Equal(["receiver says 500", "receiver says 500", "ok"], detail.Attempts.Select(a => a.ResponseBody));
        Assert.All(detail.Attempts, a => Assert.Equal("30", a.ResponseHeaders!["Retry-After"]));
        Assert.Equal(requests[0].Body, detail.Body);

        var page = await ws.Api.GetFromJsonAsync<WebhookDeliveryPageDto>($"/api/v1/webhooks/{endpointId}/deliveries", Json);
        var listed = Assert.Single(page!.Deliveries);
        Assert.Equal((delivery.Id, "delivered", 200, "ok"), (listed.Id, listed.Status, listed.LastAttempt!.StatusCode, listed.LastAttempt.ResponseBody));
    }

    [Fact]
    public async Task A_receiver_answering_410_gone_turns_the_endpoint_off_without_retrying()
    {
        var ws = await App.CreateWorkspaceAsync();
        await using var receiver = await WebhookReceiver.StartAsync(Clock.GetUtcNow);
        receiver.Answer(410);
        var (endpointId, secret) = await CreateEndpointAsync(ws, receiver.Url, []);
        receiver.Secrets = [secret];
        var delivery = Assert.Single(await PublishAsync(ws.Id, "case.updated", "case:2:updated:1", new { caseId = 2 }));

        Assert.Equal(1, await RunDueAsync());
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await RunDueAsync());

        Assert.Single(receiver.Requests);
        Assert.Equal(JobStatus.Succeeded, (await JobAsync(delivery.Id)).Status);
        var detail = await DeliveryAsync(ws, delivery.Id);
        Assert.Equal(("failed", 410), (detail.Delivery.Status, Assert.Single(detail.Attempts).StatusCode));
        var endpoint = await ws.Api.GetFromJsonAsync<WebhookEndpointDto>($"/api/v1/webhooks/{endpointId}", Json);
        Assert.Equal((false, "The receiver answered 410 Gone."), (endpoint!.Enabled, endpoint.DisabledReason));

        // An endpoint that is off gets nothing more, and cannot be pinged or redelivered to until turned on again.
        Assert.Empty(await PublishAsync(ws.Id, "case.updated", "case:2:updated:2", new { caseId = 2 }));
        Assert.Equal(HttpStatusCode.Conflict, (await ws.Api.PostAsync($"/api/v1/webhooks/{endpointId}/ping", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ws.Api.PostAsync($"/api/v1/webhook-deliveries/{delivery.Id}/redeliver", null)).StatusCode);
        var on = await ws.Api.PutAsJsonAsync($"/api/v1/webhooks/{endpointId}", new WebhookInput(receiver.Url, null, [], true));
        Assert.Equal((true, (string?)null), ((await on.Content.ReadFromJsonAsync<WebhookEndpointDto>(Json))!.Enabled, (await ws.Api.GetFromJsonAsync<WebhookEndpointDto>($"/api/v1/webhooks/{endpointId}", Json))!.DisabledReason));
    }

    [Fact]
    public async Task A_receiver_that_does_not_answer_within_the_timeout_is_a_failed_attempt_retried_later()
    {
        var ws = await App.CreateWorkspaceAsync();
        await using var receiver = await WebhookReceiver.StartAsync(Clock.GetUtcNow);
        receiver.Delay = TimeSpan.FromMinutes(1);
        var (_, secret) = await CreateEndpointAsync(ws, receiver.Url, []);
        receiver.Secrets = [secret];
        var delivery = Assert.Single(await PublishAsync(ws.Id, "case.opened", "case:10:opened", new { }));

        Assert.Equal(1, await RunDueAsync());

        Assert.Equal((JobStatus.Queued, 1), ((await JobAsync(delivery.Id)).Status, (await JobAsync(delivery.Id)).Attempts));
        var detail = await DeliveryAsync(ws, delivery.Id);
        Assert.Equal(("pending", "No answer within 3 s."), (detail.Delivery.Status, detail.Delivery.LastError));
        var attempt = Assert.Single(detail.Attempts);
        Assert.Equal(((int?)null, "No answer within 3 s."), (attempt.StatusCode, attempt.Error));
        Assert.True(Assert.Single(receiver.Requests).Verification.IsValid);
    }

    [Fact]
    public async Task A_delivery_that_fails_every_attempt_is_failed_and_a_redelivery_sends_it_again_under_the_same_id()
    {
        var ws = await App.CreateWorkspaceAsync();
        await using var receiver = await WebhookReceiver.StartAsync(Clock.GetUtcNow);
        receiver.Answer(503);
        var (_, secret) = await CreateEndpointAsync(ws, receiver.Url, ["case.closed"]);
        receiver.Secrets = [secret];
        var delivery = Assert.Single(await PublishAsync(ws.Id, "case.closed", "case:3:closed", new { caseId = 3 }));

        Assert.Equal(HttpStatusCode.Conflict, (await ws.Api.PostAsync($"/api/v1/webhook-deliveries/{delivery.Id}/redeliver", null)).StatusCode);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal(1, await RunDueAsync());
            Clock.Advance(TimeSpan.FromMinutes(2));
        }

        Assert.Equal(0, await RunDueAsync());
        var dead = await JobAsync(delivery.Id);
        Assert.Equal((JobStatus.Dead, 4), (dead.Status, dead.Attempts));
        var failed = await DeliveryAsync(ws, delivery.Id);
        Assert.Equal(("failed", 4, "The receiver answered 503."), (failed.Delivery.Status, failed.Delivery.Attempts, failed.Delivery.LastError));

        // Redeliver: a new series of attempts, same delivery id and body.
        receiver.Answer(200);
        var redeliver = await ws.Api.PostAsync($"/api/v1/webhook-deliveries/{delivery.Id}/redeliver", null);
        Assert.Equal(HttpStatusCode.Accepted, redeliver.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ws.Api.PostAsync($"/api/v1/webhook-deliveries/{delivery.Id}/redeliver", null)).StatusCode);
        Assert.Equal(1, await RunDueAsync());

        var delivered = await DeliveryAsync(ws, delivery.Id);
        Assert.Equal(("delivered", 5, 2), (delivered.Delivery.Status, delivered.Delivery.Attempts, delivered.Delivery.Series));
        Assert.Equal([(1, 503), (1, 503), (1, 503), (1, 503), (2, 200)], delivered.Attempts.Select(a => (a.Series, a.StatusCode ?? 0)));
        Assert.Equal(5, receiver.Requests.Count);
        Assert.All(receiver.Requests, r => Assert.Equal(delivery.Id.ToString(), r.Id));
        Assert.All(receiver.Requests, r => Assert.True(r.Verification.IsValid, r.Verification.Reason));
        Assert.Single(receiver.Requests.Select(r => r.Body).Distinct(StringComparer.Ordinal));

        // A delivered delivery can be redelivered too; its old series' job, run again, sends nothing.
        Assert.Equal(HttpStatusCode.Accepted, (await ws.Api.PostAsync($"/api/v1/webhook-deliveries/{delivery.Id}/redeliver", null)).StatusCode);
        Assert.Equal(1, await RunDueAsync());
        Assert.Equal(6, receiver.Requests.Count);
        Assert.Equal(3, (await DeliveryAsync(ws, delivery.Id)).Delivery.Series);
    }

    [Fact]
    public async Task Only_enabled_endpoints_subscribed_to_the_type_get_a_delivery_and_an_event_id_is_delivered_once_per_endpoint()
    {
        var ws = await App.CreateWorkspaceAsync();
        var opened = (await CreateEndpointAsync(ws, "https://hooks.example.test/opened", ["case.opened"])).Id;
        var all = (await CreateEndpointAsync(ws, "https://hooks.example.test/all", [])).Id;
        var off = (await CreateEndpointAsync(ws, "https://hooks.example.test/off", ["case.opened"], enabled: false)).Id;

        Assert.Equal([all], (await PublishAsync(ws.Id, "survey.published", "survey:9", new { })).Select(d => d.EndpointId));
        Assert.Equal([all], (await PublishAsync(ws.Id, "case.updated", "case:4:updated", new { })).Select(d => d.EndpointId));
        Assert.Equal(new[] { opened, all }.Order(), (await PublishAsync(ws.Id, "case.opened", "case:4:opened", new { })).Select(d => d.EndpointId).Order());
        Assert.Empty(await PublishAsync(ws.Id, "case.opened", "case:4:opened", new { }));

        var deliveries = await App.WithScopeAsync(async s => await s.GetRequiredService<LoopwiseDbContext>().Set<WebhookDelivery>().AsNoTracking().ToListAsync(), ws.Id);
        Assert.DoesNotContain(deliveries, d => d.EndpointId == off);
        Assert.Equal(["case.opened", "case.opened", "case.updated", "survey.published"], deliveries.Select(d => d.EventType).Order(StringComparer.Ordinal));
        var jobs = await App.WithScopeAsync(async s => await s.GetRequiredService<LoopwiseDbContext>().Set<Job>().AsNoTracking().Where(j => j.WorkspaceId == ws.Id).ToListAsync());
        Assert.Equal(deliveries.Select(d => d.Id.ToString()).Order(StringComparer.Ordinal), jobs.Select(j => j.DedupeKey!).Order(StringComparer.Ordinal));
        Assert.All(jobs, j => Assert.Equal(WebhookDeliveryJob.Kind, j.Kind));

        // A publisher's rolled-back transaction leaves neither deliveries nor jobs.
        await App.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<LoopwiseDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await s.GetRequiredService<WebhookOutbox>().PublishAsync(db, ws.Id, "case.opened", "case:5:opened", new { }, CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        }, ws.Id);
        Assert.Equal(4, await App.WithScopeAsync(async s => await s.GetRequiredService<LoopwiseDbContext>().Set<WebhookDelivery>().CountAsync(), ws.Id));
    }

    [Fact]
    public async Task Another_workspaces_endpoint_and_deliveries_are_not_found()
    {
        var a = await App.CreateWorkspaceAsync();
        var b = await App.CreateWorkspaceAsync();
        var endpoint = (await CreateEndpointAsync(a, "https://hooks.example.test/a", [])).Id;
        var delivery = Assert.Single(await PublishAsync(a.Id, "case.opened", "case:6:opened", new { }));

        var input = new WebhookInput("https://hooks.example.test/b", null, [], true);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Api.GetAsync($"/api/v1/webhooks/{endpoint}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Api.PutAsJsonAsync($"/api/v1/webhooks/{endpoint}", input)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Api.DeleteAsync($"/api/v1/webhooks/{endpoint}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Api.PostAsync($"/api/v1/webhooks/{endpoint}/rotate-secret", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Api.PostAsync($"/api/v1/webhooks/{endpoint}/ping", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Api.GetAsync($"/api/v1/webhooks/{endpoint}/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Api.GetAsync($"/api/v1/webhook-deliveries/{delivery.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Api.PostAsync($"/api/v1/webhook-deliveries/{delivery.Id}/redeliver", null)).StatusCode);
        Assert.Empty((await b.Api.GetFromJsonAsync<WebhookEndpointDto[]>("/api/v1/webhooks", Json))!);
        Assert.Empty(await PublishAsync(b.Id, "case.opened", "case:6:opened", new { }));

        Assert.Equal(HttpStatusCode.OK, (await a.Api.GetAsync($"/api/v1/webhooks/{endpoint}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.Api.GetAsync($"/api/v1/webhook-deliveries/{delivery.Id}")).StatusCode);
    }

    [Fact]
    public async Task Link_local_and_malformed_urls_are_refused_with_problem_details_and_a_link_local_address_is_never_connected_to()
    {
        var ws = await App.CreateWorkspaceAsync();
        foreach (var (url, words) in new[]
        {
            ("http://169.254.169.254/latest/meta-data/", "link-local"),
            ("http://[fe80::1]/hook", "link-local"),
            ("http://0.0.0.0/hook", "reserved"),
            ("ftp://hooks.example.test/", "https://"),
            ("/relative/hook", "absolute URL"),
            ("https://user:pass@hooks.example.test/", "credentials"),
        })
        {
            var response = await ws.Api.PostAsJsonAsync("/api/v1/webhooks", new WebhookInput(url, null, [], true));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var message = Assert.Single(problem.RootElement.GetProperty("errors").GetProperty("url").EnumerateArray()).GetString();
            Assert.Contains(words, message, StringComparison.Ordinal);
        }

        var badTypes = await ws.Api.PostAsJsonAsync("/api/v1/webhooks", new WebhookInput("https://hooks.example.test/", null, ["Case Opened"], true));
        Assert.Equal(HttpStatusCode.BadRequest, badTypes.StatusCode);
        Assert.Contains("eventTypes", await badTypes.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Without the setting, loopback and private receivers are refused as well, and http:// too.
        var strict = new WebhookOptions();
        Assert.Contains("AllowPrivateNetworks", WebhookService.UrlProblem("https://127.0.0.1/hook", strict), StringComparison.Ordinal);
        Assert.Contains("AllowPrivateNetworks", WebhookService.UrlProblem("https://10.0.0.8/hook", strict), StringComparison.Ordinal);
        Assert.Contains("AllowPrivateNetworks", WebhookService.UrlProblem("https://localhost:8443/hook", strict), StringComparison.Ordinal);
        Assert.Contains("AllowHttp", WebhookService.UrlProblem("http://hooks.example.test/", strict), StringComparison.Ordinal);
        Assert.Null(WebhookService.UrlProblem("https://hooks.example.test/loopwise", strict));

        // An endpoint whose address became link-local (stored before the check, or a name now resolving there) is refused
        // at connect time: the delivery fails at once, without a retry.
        var endpoint = (await CreateEndpointAsync(ws, "https://hooks.example.test/", [])).Id;
        await App.WithScopeAsync(async s => await s.GetRequiredService<LoopwiseDbContext>().Set<WebhookEndpoint>()
            .Where(e => e.Id == endpoint).ExecuteUpdateAsync(u => u.SetProperty(e => e.Url, "http://169.254.169.254/latest/meta-data/")), ws.Id);
        var delivery = Assert.Single(await PublishAsync(ws.Id, "case.opened", "case:7:opened", new { }));
        Assert.Equal(1, await RunDueAsync());
        Assert.Equal(JobStatus.Succeeded, (await JobAsync(delivery.Id)).Status);
        var detail = await DeliveryAsync(ws, delivery.Id);
        Assert.Equal("failed", detail.Delivery.Status);
        var attempt = Assert.Single(detail.Attempts);
        Assert.Null(attempt.StatusCode);
        Assert.Contains("Refused to connect to 169.254.169.254: 169.254.169.254 is link-local", attempt.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_are_shown_once_kept_encrypted_and_after_a_rotation_both_are_signed_with_for_24_hours()
    {
        var ws = await App.CreateWorkspaceAsync();
        await using var receiver = await WebhookReceiver.StartAsync(Clock.GetUtcNow);
        var (endpointId, oldSecret) = await CreateEndpointAsync(ws, receiver.Url, []);
        Assert.Matches("^whsec_[A-Za-z0-9_-]{43}$", oldSecret);

        var stored = await App.WithScopeAsync(async s => await s.GetRequiredService<LoopwiseDbContext>().Set<WebhookEndpoint>().AsNoTracking().SingleAsync(e => e.Id == endpointId), ws.Id);
        Assert.DoesNotContain(oldSecret[6..], stored.Secret, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_", await ws.Api.GetStringAsync($"/api/v1/webhooks/{endpointId}"), StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_", await ws.Api.GetStringAsync("/api/v1/webhooks"), StringComparison.Ordinal);

        var rotated = await ws.Api.PostAsync($"/api/v1/webhooks/{endpointId}/rotate-secret", null);
        var newSecret = (await rotated.Content.ReadFromJsonAsync<WebhookWithSecretDto>(Json))!.Secret;
        Assert.NotEqual(oldSecret, newSecret);

        // During the overlap both signatures are sent: a receiver that knows either secret accepts.
        await PublishAsync(ws.Id, "case.opened", "case:8:opened", new { });
        Assert.Equal(1, await RunDueAsync());
        var during = Assert.Single(receiver.Requests);
        Assert.Equal(2, during.Signature.Split(',').Length);
        foreach (var known in new[] { oldSecret, newSecret })
        {
            Assert.True(Verify(during, known).IsValid);
        }

        // After 24 hours only the new secret signs.
        Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        await PublishAsync(ws.Id, "case.opened", "case:8:updated", new { });
        Assert.Equal(1, await RunDueAsync());
        var after = receiver.Requests[1];
        Assert.Single(after.Signature.Split(','));
        Assert.True(Verify(after, newSecret).IsValid);
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, Verify(after, oldSecret).Failure);
    }

    /// <summary>
    /// The Data Protection key ring lives in the database (ADR 14): a second node (another app on the same database, with
    /// its own memory and no shared disk) reads a secret encrypted by the first, and the ring is in data_protection_keys.
    /// </summary>
    [Fact]
    public async Task A_secret_encrypted_by_one_node_is_decrypted_by_another_sharing_only_the_database()
    {
        var ws = await App.CreateWorkspaceAsync();
        var (endpointId, secret) = await CreateEndpointAsync(ws, "https://hooks.example.test/node", []);
        var stored = await App.WithScopeAsync(async s => await s.GetRequiredService<LoopwiseDbContext>().Set<WebhookEndpoint>().AsNoTracking().SingleAsync(e => e.Id == endpointId), ws.Id);
        Assert.NotEmpty(await App.WithScopeAsync(async s => await s.GetRequiredService<LoopwiseDbContext>().Set<DataProtectionKey>().AsNoTracking().ToListAsync()));

        await using var otherNode = new LoopwiseApp(App.Database, builder =>
        {
            builder.UseSetting("Loopwise:Jobs:Enabled", "false");
            builder.UseSetting("Loopwise:Kpis:CheckEvery", "0");
        });
        Assert.Equal(secret, otherNode.Services.GetRequiredService<WebhookSecrets>().Unprotect(stored.Secret));
    }

    [Fact]
    public async Task A_ping_reaches_an_endpoint_whatever_it_subscribes_to_and_finished_deliveries_are_kept_30_days()
    {
        var ws = await App.CreateWorkspaceAsync();
        await using var receiver = await WebhookReceiver.StartAsync(Clock.GetUtcNow);
        var (endpointId, secret) = await CreateEndpointAsync(ws, receiver.Url, ["case.opened"], description: "CRM bridge");
        receiver.Secrets = [secret];

        var ping = await ws.Api.PostAsync($"/api/v1/webhooks/{endpointId}/ping", null);
        Assert.Equal(HttpStatusCode.Accepted, ping.StatusCode);
        var delivery = (await ping.Content.ReadFromJsonAsync<WebhookDeliveryDto>(Json))!;
        Assert.Equal(("ping", "pending"), (delivery.EventType, delivery.Status));
        Assert.Equal(1, await RunDueAsync());

        var request = Assert.Single(receiver.Requests);
        Assert.True(request.Verification.IsValid, request.Verification.Reason);
        Assert.Equal(delivery.Id.ToString(), request.Id);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("ping", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("delivered", (await DeliveryAsync(ws, delivery.Id)).Delivery.Status);

        // 30 days later a new delivery's completion purges the old one with its attempts (retention).
        Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromSeconds(1));
        var later = (await (await ws.Api.PostAsync($"/api/v1/webhooks/{endpointId}/ping", null)).Content.ReadFromJsonAsync<WebhookDeliveryDto>(Json))!;
        Assert.Equal(1, await RunDueAsync());
        var page = await ws.Api.GetFromJsonAsync<WebhookDeliveryPageDto>($"/api/v1/webhooks/{endpointId}/deliveries", Json);
        Assert.Equal([later.Id], page!.Deliveries.Select(d => d.Id));
        Assert.Equal(0, await App.WithScopeAsync(async s => await s.GetRequiredService<LoopwiseDbContext>().Set<WebhookAttempt>().CountAsync(a => a.DeliveryId == delivery.Id), ws.Id));

        Assert.Equal(HttpStatusCode.NoContent, (await ws.Api.DeleteAsync($"/api/v1/webhooks/{endpointId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ws.Api.GetAsync($"/api/v1/webhook-deliveries/{later.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_page_adds_an_endpoint_shows_its_secret_once_lists_attempts_and_redelivers_and_hides_other_workspaces()
    {
        var ws = await App.CreateWorkspaceAsync();
        var other = await App.CreateWorkspaceAsync();
        await using var receiver = await WebhookReceiver.StartAsync(Clock.GetUtcNow);
        using var browser = new BrowserSession(App);
        await browser.SignInAsync(ws.Email, ws.Password);

        var created = await browser.SubmitFormAsync("/integrations/webhooks", "form[action*='handler=Create']", new Dictionary<string, string>
        {
            ["endpointUrl"] = receiver.Url, ["description"] = "Page test", ["eventTypes"] = "case.opened, case.updated",
        });
        var secret = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(created).QuerySelector("[data-testid=webhook-secret]")?.TextContent;
        Assert.NotNull(secret);
        receiver.Secrets = [secret];
        var listed = await browser.Client.GetStringAsync("/integrations/webhooks");
        Assert.Contains(receiver.Url, listed, StringComparison.Ordinal);
        Assert.Contains("case.opened, case.updated", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);

        var delivery = Assert.Single(await PublishAsync(ws.Id, "case.updated", "case:9:updated", new { caseId = 9 }));
        Assert.Equal(1, await RunDueAsync());
        var detail = await browser.Client.GetStringAsync($"/integrations/webhooks?delivery={delivery.Id}");
        Assert.Contains("delivered", detail, StringComparison.Ordinal);
        Assert.Contains("case:9:updated", detail, StringComparison.Ordinal);

        var redelivered = await browser.SubmitFormAsync($"/integrations/webhooks?delivery={delivery.Id}", "form[action*='handler=Redeliver']", new Dictionary<string, string>());
        Assert.Contains("Redelivery queued.", redelivered, StringComparison.Ordinal);
        Assert.Equal(1, await RunDueAsync());
        Assert.Equal([delivery.Id.ToString(), delivery.Id.ToString()], receiver.Requests.Select(r => r.Id));
        Assert.All(receiver.Requests, r => Assert.True(r.Verification.IsValid, r.Verification.Reason));

        // Another workspace's admin cannot open the delivery or the endpoint through the page.
        using var otherBrowser = new BrowserSession(App);
        await otherBrowser.SignInAsync(other.Email, other.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBrowser.Client.GetAsync($"/integrations/webhooks?delivery={delivery.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBrowser.Client.GetAsync($"/integrations/webhooks?endpoint={delivery.EndpointId}")).StatusCode);
        Assert.DoesNotContain(receiver.Url, await otherBrowser.Client.GetStringAsync("/integrations/webhooks"), StringComparison.Ordinal);
    }

    private static WebhookVerification Verify(WebhookReceiver.Received request, string secret) =>
        WebhookSignature.Verify([secret], request.Id, request.Timestamp, request.Signature, request.Body, DateTimeOffset.FromUnixTimeSeconds(long.Parse(request.Timestamp, System.Globalization.CultureInfo.InvariantCulture)));

    private static async Task<(Guid Id, string Secret)> CreateEndpointAsync(TestWorkspace ws, string url, string[] eventTypes, bool enabled = true, string? description = null)
    {
        var response = await ws.Api.PostAsJsonAsync("/api/v1/webhooks", new WebhookInput(url, description, eventTypes, enabled));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<WebhookWithSecretDto>(Json))!;
        Assert.Equal((url, string.Join(' ', eventTypes), enabled), (created.Endpoint.Url, string.Join(' ', created.Endpoint.EventTypes), created.Endpoint.Enabled));
        return (created.Endpoint.Id, created.Secret);
    }

    private async Task<IReadOnlyList<WebhookDelivery>> PublishAsync(Guid workspaceId, string type, string eventId, object data) =>
        await App.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<LoopwiseDbContext>();
            var deliveries = await s.GetRequiredService<WebhookOutbox>().PublishAsync(db, workspaceId, type, eventId, data, CancellationToken.None);
            await db.SaveChangesAsync();
            return deliveries;
        }, workspaceId);

    private async Task<int> RunDueAsync() => await App.Services.GetRequiredService<JobRunner>().RunDueAsync(10, CancellationToken.None);

    private async Task<Job> JobAsync(Guid deliveryId) =>
        await App.WithScopeAsync(async s => await s.GetRequiredService<LoopwiseDbContext>().Set<Job>().AsNoTracking()
            .SingleAsync(j => j.Kind == WebhookDeliveryJob.Kind && j.DedupeKey == deliveryId.ToString()));

    private static async Task<WebhookDeliveryDetailDto> DeliveryAsync(TestWorkspace ws, Guid id) =>
        (await ws.Api.GetFromJsonAsync<WebhookDeliveryDetailDto>($"/api/v1/webhook-deliveries/{id}", Json))!;
}

[Collection(WebhooksSqliteCollection.Name)]
public sealed class WebhooksTests_Sqlite(WebhooksSqliteFixture fixture) : WebhooksTests(fixture);

[Collection(WebhooksPostgresCollection.Name)]
public sealed class WebhooksTests_Postgres(WebhooksPostgresFixture fixture) : WebhooksTests(fixture);
