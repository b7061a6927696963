using System.Net;
using System.Net.Http.Json;
using Loopwise.Data;
using Loopwise.Features.Customers;
using Loopwise.Features.Email;
using Loopwise.Features.Jobs;
using Loopwise.Tests.Features.Respond;
using Loopwise.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Email;

/// <summary>
/// Outbound e-mail (ADR 13) through a real SMTP server (the sink, with STARTTLS and AUTH) on each database: delivery
/// with the right headers and bodies, retries after 451, no retry after 550, no second send when a job runs again,
/// the sending limit, invitations by e-mail with unsubscribe links, and the delivery-log API. Jobs are run by hand on
/// the fixture's <see cref="ManualClock"/>; each test uses recipients of its own and starts with an empty jobs table.
/// </summary>
public abstract class EmailTests(EmailAppFixture fixture) : IAsyncLifetime
{
    private LoopwiseApp App => fixture.App;

    private SmtpSink Sink => fixture.Sink;

    private ManualClock Clock => fixture.Clock;

    public async Task InitializeAsync() =>
        await App.WithScopeAsync(async s => await s.GetRequiredService<LoopwiseDbContext>().Database.ExecuteSqlRawAsync("DELETE FROM jobs"));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_queued_message_is_delivered_over_starttls_with_auth_with_its_headers_utf8_subject_and_both_bodies()
    {
        var ws = await App.CreateWorkspaceAsync();
        var to = NewAddress("ana");
        const string subject = "Ihre Meinung zählt – ¿qué tal? 🙂 a long subject that needs more than one encoded word to fit";
        var queuedAt = Clock.GetUtcNow();
        var id = await QueueAsync(ws, new OutgoingEmail(ws.Id, EmailPurposes.Test, to, "Ana Müller", subject,
            "Hallo Ana,\n.\nGrüße aus Köln: https://example.test/a=b", "<p>Hallo <b>Ana</b> – Grüße</p>"));

        Assert.Equal(1, await RunDueAsync());

        var received = Assert.Single(Sink.MessagesTo(to));
        Assert.Equal(EmailAppFixture.User, received.AuthenticatedUser);
        Assert.Equal("Loopwise Surveys <surveys@loopwise.test>", received.Header("From"));
        Assert.Equal("=?UTF-8?B?QW5hIE3DvGxsZXI=?= <" + to + ">", received.Header("To"));
        Assert.Equal(subject, received.Subject);
        Assert.Equal($"<{id:N}@loopwise.test>", received.MessageId);
        Assert.Equal(Loopwise.Core.Email.MimeWriter.Date(queuedAt), received.Header("Date")); // the time it was queued, the same on a resend
        Assert.Equal("Hallo Ana,\r\n.\r\nGrüße aus Köln: https://example.test/a=b\r\n", received.Text);
        Assert.Equal("<p>Hallo <b>Ana</b> – Grüße</p>\r\n", received.Html);
        Assert.False(received.Headers.ContainsKey("List-Unsubscribe"));

        var message = await MessageAsync(ws, id);
        Assert.Equal((EmailStatus.Sent, 1, null, Clock.UtcNow), (message.Status, message.Attempts, message.LastError, message.SentAt));
        Assert.StartsWith("250 2.0.0 OK: queued as", message.LastReply, StringComparison.Ordinal);
        var attempt = Assert.Single(await AttemptsAsync(ws, id));
        Assert.Equal((EmailAttempt.Sent, 1), (attempt.Outcome, attempt.Number));
        Assert.Equal(JobStatus.Succeeded, (await JobsOfAsync(id)).Single().Status);
    }

    [Fact]
    public async Task A_message_refused_twice_with_451_is_retried_and_delivered_once_with_three_attempts_logged()
    {
        var ws = await App.CreateWorkspaceAsync();
        var id = await QueueAsync(ws, new OutgoingEmail(ws.Id, EmailPurposes.Alert, EmailAppFixture.Flaky, null, "Alert: NPS dropped", "NPS fell below 30.", null));

        Assert.Equal(1, await RunDueAsync());
        var first = await MessageAsync(ws, id);
        Assert.Equal((EmailStatus.Queued, 1), (first.Status, first.Attempts));
        Assert.Contains("451 4.3.0", first.LastError, StringComparison.Ordinal);
        Assert.Empty(Sink.MessagesTo(EmailAppFixture.Flaky));

        Clock.Advance(TimeSpan.FromMinutes(1)); // past any back-off (capped at 1 min)
        Assert.Equal(1, await RunDueAsync());
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await RunDueAsync());

        var sent = await MessageAsync(ws, id);
        Assert.Equal((EmailStatus.Sent, 3, null), (sent.Status, sent.Attempts, sent.LastError));
        var attempts = await AttemptsAsync(ws, id);
        Assert.Equal([(1, EmailAttempt.Transient), (2, EmailAttempt.Transient), (3, EmailAttempt.Sent)], attempts.Select(a => (a.Number, a.Outcome)));
        Assert.All(attempts.Take(2), a => Assert.StartsWith("451 4.3.0 sink told to refuse", a.Reply, StringComparison.Ordinal));
        Assert.Single(Sink.MessagesTo(EmailAppFixture.Flaky));

        Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await RunDueAsync());
        Assert.Single(Sink.MessagesTo(EmailAppFixture.Flaky));
    }

    [Fact]
    public async Task A_message_refused_with_550_fails_without_retry_with_the_reply_logged_and_can_be_resent()
    {
        var ws = await App.CreateWorkspaceAsync();
        var id = await QueueAsync(ws, new OutgoingEmail(ws.Id, EmailPurposes.Case, EmailAppFixture.Bounce, null, "Case assigned", "A case is yours.", null));

        Assert.Equal(1, await RunDueAsync());
        var failed = await MessageAsync(ws, id);
        Assert.Equal((EmailStatus.Failed, 1), (failed.Status, failed.Attempts));
        Assert.StartsWith("550 5.1.1 <bounce@example.test>: mailbox unavailable", failed.LastReply, StringComparison.Ordinal);
        Assert.Contains("refused RCPT TO", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(EmailAttempt.Permanent, Assert.Single(await AttemptsAsync(ws, id)).Outcome);
        Assert.Equal(JobStatus.Succeeded, Assert.Single(await JobsOfAsync(id)).Status); // handled: no retry

        Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await RunDueAsync());
        Assert.Equal(1, (await MessageAsync(ws, id)).Attempts);

        // Resend (the API): a new job, same message and Message-ID; refused again, so two permanent attempts.
        var resend = await ws.Api.PostAsync($"/api/v1/emails/{id}/resend", null);
        Assert.Equal(HttpStatusCode.OK, resend.StatusCode);
        Assert.Equal("queued", (await resend.Content.ReadFromJsonAsync<EmailDto>())!.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await ws.Api.PostAsync($"/api/v1/emails/{id}/resend", null)).StatusCode);
        Assert.Equal(1, await RunDueAsync());
        var detail = await ws.Api.GetFromJsonAsync<EmailDetailDto>($"/api/v1/emails/{id}");
        Assert.Equal(("failed", 2), (detail!.Email.Status, detail.Email.Attempts));
        Assert.Equal([EmailAttempt.Permanent, EmailAttempt.Permanent], detail.Attempts.Select(a => a.Outcome));
        Assert.All(detail.Attempts, a => Assert.StartsWith("550 ", a.Reply, StringComparison.Ordinal));
        Assert.Equal(2, (await JobsOfAsync(id)).Count);
        Assert.Empty(Sink.MessagesTo(EmailAppFixture.Bounce));
    }

    [Fact]
    public async Task A_message_whose_job_runs_again_after_it_was_sent_is_not_sent_twice()
    {
        var ws = await App.CreateWorkspaceAsync();
        var to = NewAddress("once");
        var id = await QueueAsync(ws, new OutgoingEmail(ws.Id, EmailPurposes.Test, to, null, "Once", "Only once.", null));
        Assert.Equal(1, await RunDueAsync());

        // The job is delivered again (as after a worker that died before recording its success).
        await App.WithScopeAsync(async s => await s.GetRequiredService<LoopwiseDbContext>().Set<Job>()
            .Where(j => j.Kind == EmailSendJob.Kind && j.Payload.Contains(id.ToString()))
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, JobStatus.Queued).SetProperty(j => j.CompletedAt, (DateTime?)null)));
        Assert.Equal(1, await RunDueAsync());

        Assert.Single(Sink.MessagesTo(to));
        var message = await MessageAsync(ws, id);
        Assert.Equal((EmailStatus.Sent, 1), (message.Status, message.Attempts));
        Assert.Single(await AttemptsAsync(ws, id));
    }

    /// <summary>
    /// Limit 2 per hour. At T0 three messages are queued: two are sent (places at T0), the third waits for the first
    /// place to leave the window, T0 + 1 h, without using an attempt; at T0 + 30 min nothing moves; at T0 + 1 h it goes.
    /// </summary>
    [Fact]
    public async Task The_sending_limit_defers_the_excess_until_the_window_moves()
    {
        var ws = await App.CreateWorkspaceAsync();
        var put = await ws.Api.PutAsJsonAsync("/api/v1/email-settings", new { maxPerHour = 2 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var settings = (await put.Content.ReadFromJsonAsync<EmailSettingsDto>())!;
        Assert.Equal((2, false, true), (settings.MaxPerHour, settings.IsDefault, settings.Configured));
        var t0 = Clock.UtcNow;
        var to = Enumerable.Range(1, 3).Select(i => NewAddress($"limit{i}")).ToList();
        var ids = new List<Guid>();
        foreach (var address in to)
        {
            ids.Add(await QueueAsync(ws, new OutgoingEmail(ws.Id, EmailPurposes.Test, address, null, "Limited", "Within the limit?", null)));
            Clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        await RunDueAsync();
        Assert.Equal([1, 1, 0], to.Select(a => Sink.MessagesTo(a).Count));
        var waiting = await MessageAsync(ws, ids[2]);
        Assert.Equal((EmailStatus.Queued, 0), (waiting.Status, waiting.Attempts));
        Assert.StartsWith("Waiting for the workspace's sending limit", waiting.LastError, StringComparison.Ordinal);
        var job = Assert.Single(await JobsOfAsync(ids[2]));
        Assert.Equal((JobStatus.Queued, 0), (job.Status, job.Attempts));
        var firstPlace = (await MessageAsync(ws, ids[0])).SlotAt!.Value;
        Assert.Equal(firstPlace + TimeSpan.FromHours(1), job.RunAt);

        Clock.Set(t0.AddMinutes(30));
        Assert.Equal(0, await RunDueAsync());
        Assert.Empty(Sink.MessagesTo(to[2]));

        Clock.Set(job.RunAt);
        Assert.Equal(1, await RunDueAsync());
        Assert.Single(Sink.MessagesTo(to[2]));
        Assert.Equal((EmailStatus.Sent, 1), ((await MessageAsync(ws, ids[2])).Status, (await MessageAsync(ws, ids[2])).Attempts));
        Assert.Equal(1, (await JobsOfAsync(ids[2])).Single().Attempts);
    }

    [Fact]
    public async Task Invitations_by_email_carry_each_customers_link_and_an_unsubscribe_link_that_suppresses_the_next_invitations()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await SurveyData.AddSurveyAsync(App, ws);
        var (ana, ben) = (NewAddress("ana"), NewAddress("ben"));
        var created = await ws.Api.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/invitations", new
        {
            sendEmail = true,
            customers = new[] { new { externalId = "ana", email = (string?)ana, name = (string?)"Ana" }, new { externalId = "ben", email = (string?)ben, name = (string?)null }, new { externalId = "cy", email = (string?)null, name = (string?)null } },
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var batch = (await created.Content.ReadFromJsonAsync<Batch>())!;
        Assert.Equal(3, batch.Created.Count);
        Assert.Equal(2, batch.Emailed);
        Assert.Equal("cy", Assert.Single(batch.NotEmailed).ExternalId);

        await RunDueAsync();
        var anaMail = Assert.Single(Sink.MessagesTo(ana));
        var benMail = Assert.Single(Sink.MessagesTo(ben));
        var anaLink = batch.Created.Single(c => c.ExternalId == "ana").Link;
        var benLink = batch.Created.Single(c => c.ExternalId == "ben").Link;
        Assert.Contains(anaLink, anaMail.Text, StringComparison.Ordinal);
        Assert.Contains(anaLink, anaMail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(benLink, anaMail.Text, StringComparison.Ordinal);
        Assert.Contains(benLink, benMail.Text, StringComparison.Ordinal);
        Assert.StartsWith("Hello Ana,", anaMail.Text, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", anaMail.Header("List-Unsubscribe-Post"));
        var anaUnsubscribe = anaMail.Header("List-Unsubscribe").Trim('<', '>');
        var benUnsubscribe = benMail.Header("List-Unsubscribe").Trim('<', '>');
        Assert.StartsWith("http://localhost/u/", anaUnsubscribe, StringComparison.Ordinal);
        Assert.NotEqual(anaUnsubscribe, benUnsubscribe);
        Assert.Contains(anaUnsubscribe, anaMail.Text, StringComparison.Ordinal);

        // GET only asks; the one-click POST (RFC 8058) unsubscribes; an unknown token is 404.
        using var anonymous = App.CreateClient();
        var confirm = await anonymous.GetAsync(new Uri(anaUnsubscribe).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("<form method=\"post\"", await confirm.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await CustomerAsync(ws, "ana")).UnsubscribedAt);
        using var oneClick = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync(new Uri(anaUnsubscribe).PathAndQuery, oneClick)).StatusCode);
        Assert.Equal(Clock.UtcNow, (await CustomerAsync(ws, "ana")).UnsubscribedAt);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/u/" + new string('x', EmailOutbox.UnsubscribeTokenLength))).StatusCode);

        // After the quarantine, the next invitation run suppresses Ana (contact rules) and e-mails Ben.
        Clock.Advance(TimeSpan.FromDays(31));
        var again = (await (await ws.Api.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/invitations", new
        {
            sendEmail = true,
            customers = new[] { new { externalId = "ana" }, new { externalId = "ben" } },
        })).Content.ReadFromJsonAsync<Batch>())!;
        Assert.Equal(["ben"], again.Created.Select(c => c.ExternalId));
        Assert.Equal(("ana", "unsubscribed: the person opted out of surveys"), (Assert.Single(again.Suppressed).ExternalId, again.Suppressed[0].Reason));
        Assert.Equal(1, again.Emailed);

        // Ben unsubscribes (from his first message) before his second is sent: it is suppressed, not sent.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync(new Uri(benUnsubscribe).PathAndQuery, null)).StatusCode);
        await RunDueAsync();
        Assert.Single(Sink.MessagesTo(ana));
        Assert.Single(Sink.MessagesTo(ben));
        var log = await ws.Api.GetFromJsonAsync<EmailPageDto>("/api/v1/emails?purpose=invitation");
        Assert.Equal(["suppressed", "sent", "sent"], log!.Items.Select(i => i.Status));
    }

    [Fact]
    public async Task The_cli_queues_invitation_emails_with_send_email_and_the_server_sends_them()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await SurveyData.AddSurveyAsync(App, ws);
        var to = NewAddress("cli");
        var input = Path.Combine(Path.GetTempPath(), $"customers-{Guid.NewGuid():N}.csv");
        var output = Path.ChangeExtension(input, ".links.csv");
        await File.WriteAllTextAsync(input, $"external_id,email,name\nk1,{to},Kim\nk2,,\n");

        var (exit, text) = await CliRun.RunAsync(
            "invitations", "create", "--db", App.Database, "--workspace", ws.Slug, "--survey", survey.LinkToken,
            "--customers", input, "--base-url", "https://cx.example.test/", "--out", output, "--send-email");

        Assert.Equal(0, exit);
        Assert.Contains("2 invitations created, 0 suppressed, 0 rows rejected, 1 e-mails queued", text, StringComparison.Ordinal);
        Assert.Contains("not e-mailed: line 3: k2: No valid e-mail address", text, StringComparison.Ordinal);
        // The CLI wrote with the real clock; bring the test clock past it so the job is due.
        // Whole seconds: PostgreSQL keeps microseconds, and later tests compare stored times with the clock.
        var soon = TimeProvider.System.GetUtcNow().AddMinutes(1).UtcTicks;
        var real = new DateTimeOffset(soon - (soon % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        if (Clock.GetUtcNow() < real)
        {
            Clock.Set(real);
        }

        await RunDueAsync();
        var received = Assert.Single(Sink.MessagesTo(to));
        var link = (await File.ReadAllLinesAsync(output))[1].Split(',')[4];
        Assert.StartsWith($"https://cx.example.test/i/{ws.Slug}/", link, StringComparison.Ordinal);
        Assert.Contains(link, received.Text, StringComparison.Ordinal);
        Assert.StartsWith("<https://cx.example.test/u/", received.Header("List-Unsubscribe"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_delivery_log_pages_filters_and_refuses_another_workspaces_message()
    {
        var (a, b) = (await App.CreateWorkspaceAsync(), await App.CreateWorkspaceAsync());
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await QueueAsync(a, new OutgoingEmail(a.Id, EmailPurposes.Alert, NewAddress($"log{i}"), null, $"Alert {i}", "Body", null)));
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await a.Api.GetFromJsonAsync<EmailPageDto>("/api/v1/emails?pageSize=2");
        var second = await a.Api.GetFromJsonAsync<EmailPageDto>("/api/v1/emails?pageSize=2&page=2");
        Assert.True(first!.Configured);
        Assert.Equal((3, 3), (first.Total, second!.Total));
        Assert.Equal([ids[2], ids[1]], first.Items.Select(i => i.Id));
        Assert.Equal([ids[0]], second.Items.Select(i => i.Id));
        Assert.Equal(3, (await a.Api.GetFromJsonAsync<EmailPageDto>("/api/v1/emails?status=queued&purpose=alert"))!.Total);
        Assert.Equal(0, (await a.Api.GetFromJsonAsync<EmailPageDto>("/api/v1/emails?status=sent"))!.Total);
        var bad = await a.Api.GetAsync("/api/v1/emails?status=lost");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Body", (await a.Api.GetFromJsonAsync<EmailDetailDto>($"/api/v1/emails/{ids[0]}"))!.Text);

        var other = await b.Api.GetAsync($"/api/v1/emails/{ids[0]}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Api.PostAsync($"/api/v1/emails/{ids[0]}/resend", null)).StatusCode);
        Assert.Equal(0, (await b.Api.GetFromJsonAsync<EmailPageDto>("/api/v1/emails"))!.Total);
    }

    private static string NewAddress(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 13)] + "@example.test";

    private async Task<Guid> QueueAsync(TestWorkspace ws, OutgoingEmail email) =>
        await App.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<LoopwiseDbContext>();
            var message = s.GetRequiredService<EmailOutbox>().Add(db, email);
            await db.SaveChangesAsync();
            return message.Id;
        }, ws.Id);

    private Task<int> RunDueAsync() => App.Services.GetRequiredService<JobRunner>().RunDueAsync(10, CancellationToken.None);

    private Task<EmailMessage> MessageAsync(TestWorkspace ws, Guid id) =>
        App.WithScopeAsync(s => s.GetRequiredService<LoopwiseDbContext>().Set<EmailMessage>().AsNoTracking().SingleAsync(m => m.Id == id), ws.Id);

    private Task<List<EmailAttempt>> AttemptsAsync(TestWorkspace ws, Guid id) =>
        App.WithScopeAsync(s => s.GetRequiredService<LoopwiseDbContext>().Set<EmailAttempt>().AsNoTracking().Where(a => a.EmailId == id).OrderBy(a => a.Number).ToListAsync(), ws.Id);

    private Task<List<Job>> JobsOfAsync(Guid emailId) =>
        App.WithScopeAsync(s => s.GetRequiredService<LoopwiseDbContext>().Set<Job>().AsNoTracking()
            .Where(j => j.Kind == EmailSendJob.Kind && j.DedupeKey!.StartsWith(emailId.ToString("N"))).OrderBy(j => j.CreatedAt).ToListAsync());

    private Task<Customer> CustomerAsync(TestWorkspace ws, string externalId) =>
        App.WithScopeAsync(s => s.GetRequiredService<LoopwiseDbContext>().Set<Customer>().AsNoTracking().SingleAsync(c => c.ExternalId == externalId), ws.Id);

    private sealed record CreatedRow(string ExternalId, string Link);

    private sealed record Row(int Line, string ExternalId, string Reason);

    private sealed record Batch(List<CreatedRow> Created, List<Row> Suppressed, int Emailed, List<Row> NotEmailed);
}

[Collection(EmailSqliteCollection.Name)]
public sealed class EmailTests_Sqlite(EmailSqliteFixture fixture) : EmailTests(fixture);

[Collection(EmailPostgresCollection.Name)]
public sealed class EmailTests_Postgres(EmailPostgresFixture fixture) : EmailTests(fixture);
