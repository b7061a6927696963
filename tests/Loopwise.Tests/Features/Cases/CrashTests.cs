using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loopwise.Data;
using Loopwise.Features.Alerts;
using Loopwise.Features.Cases;
using Loopwise.Features.Email;
using Loopwise.Features.Jobs;
using Loopwise.Features.Responses;
using Loopwise.Tests.Features.Responses;
using Loopwise.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Loopwise.Tests.Features.Cases;

/// <summary>
/// The crash test of issue 5: 1 000 detractor responses, each opening a case and queueing an alert e-mail, are posted
/// by 4 concurrent clients to a REAL server process (<c>dotnet loopwise.dll serve</c>) that is killed hard (the whole
/// process tree) and started again on the same database, twice: mid-way through the posts (after 400 acknowledged,
/// once e-mails go out), and half-way through the e-mails still to send (the job queue is FIFO, so sends trail the
/// alert jobs; this crash lands among SMTP conversations). The clients carry on and retry every post whose answer was
/// lost. Each post
/// has its own <c>externalId</c>, so a retry of a post that was stored before the kill is refused as a duplicate
/// ("already stored", 400; or 409 when two copies race), which the client counts as stored.
///
/// Afterwards, once the server's jobs are drained: exactly 1 000 responses, 1 000 alert firings and 1 000 cases (one
/// per customer, each with its "created" event first), 1 000 alert e-mails with status sent (each with exactly one
/// sent attempt), no job dead, and at the SMTP sink exactly 1 000 delivered messages whose Message-IDs are the 1 000
/// of the database, each once.
///
/// "None twice", honestly (ADR 13): SMTP delivery is at least once. A kill after the sink's 250 and before our commit
/// makes the job run again and send the message again, byte for byte, with the same Message-ID; no client can close
/// that window because SMTP has no idempotency key but the Message-ID. So the sink plays the idempotent receiver that
/// the stable Message-ID exists for (<see cref="SmtpSink.Options.DedupeMessageIds"/>): a copy whose Message-ID was
/// already delivered is accepted and kept apart as a re-send, not delivered again. The test proves every re-send is
/// that window and nothing else: it is identical to the delivered copy, and its message has an attempt the kill left
/// at "sending". It prints how many re-sends the sink recognised (usually 0 to a few).
/// </summary>
public abstract class CrashTests(ITestOutputHelper output)
{
    private const int Total = 1000;
    private const int KillAfter = 400;
    private const int Clients = 4;
    private const string Notify = "cx-lead@example.test";
    private const string From = "alerts@loopwise.test";
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    protected abstract Task<string> CreateDatabaseAsync();

    [Fact]
    public async Task A_thousand_detractors_posted_across_server_kills_give_a_thousand_cases_and_a_thousand_emails_none_twice()
    {
        var clock = Stopwatch.StartNew();
        var database = await CreateDatabaseAsync();
        var (workspaceId, apiKey, surveyId) = await PrepareAsync(database);
        var prepared = clock.Elapsed;

        await using var sink = await SmtpSink.StartAsync(new SmtpSink.Options { DedupeMessageIds = true });
        ServerProcess? server = null;
        string? lastJobs = null;
        try
        {
            server = await ServerProcess.StartAsync(database, sink.Port);
            var current = server;
            var acknowledged = 0;
            var lostAnswers = 0;
            var refusedAsDuplicates = 0;
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
            using var stop = new CancellationTokenSource(Deadline);

            async Task PostAllAsync(ConcurrentQueue<int> queue)
            {
                while (queue.TryDequeue(out var i))
                {
                    var retried = false;
                    while (true)
                    {
                        stop.Token.ThrowIfCancellationRequested();
                        var url = new Uri(Volatile.Read(ref current).Url, $"/api/v1/surveys/{surveyId}/responses");
                        try
                        {
                            using var posted = await http.PostAsJsonAsync(url, new
                            {
                                answers = new Dictionary<string, object> { ["nps"] = i % 7 },
                                touchpointKey = ResponsesTestSurvey.TouchpointKey,
                                customerExternalId = string.Create(CultureInfo.InvariantCulture, $"CRASH-{i:D4}"),
                                externalId = string.Create(CultureInfo.InvariantCulture, $"crash-{i:D4}"),
                            }, stop.Token);
                            if (posted.StatusCode == HttpStatusCode.Created)
                            {
                                break;
                            }

                            var body = await posted.Content.ReadAsStringAsync(stop.Token);
                            if (posted.StatusCode == HttpStatusCode.Conflict || posted.StatusCode == HttpStatusCode.BadRequest && body.Contains("is already stored", StringComparison.Ordinal))
                            {
                                // Stored by an earlier attempt whose answer was lost: only possible after a lost answer.
                                Assert.True(retried, $"Post {i} was refused as a duplicate on its first attempt: {body}");
                                Interlocked.Increment(ref refusedAsDuplicates);
                                break;
                            }

                            Assert.True((int)posted.StatusCode >= 500, $"Post {i}: {(int)posted.StatusCode} {body}");
                        }
                        catch (HttpRequestException)
                        {
                            // the server died under us, or is not up yet: retry
                        }
                        catch (TaskCanceledException) when (!stop.IsCancellationRequested)
                        {
                            // timed out: retry (the external id keeps a late first copy from counting twice)
                        }

                        if (!retried)
                        {
                            retried = true;
                            Interlocked.Increment(ref lostAnswers);
                        }

                        await Task.Delay(100, stop.Token);
                    }

                    Interlocked.Increment(ref acknowledged);
                }
            }

            var queue = new ConcurrentQueue<int>(Enumerable.Range(1, Total));
            var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(() => PostAllAsync(queue))).ToList();
            async Task<TimeSpan> AllPostedAsync()
            {
                await Task.WhenAll(clients);
                return clock.Elapsed;
            }

            var allPosted = AllPostedAsync();

            var restarts = new List<string>();
            async Task CrashAndRestartAsync(string when)
            {
                if (server is not null)
                {
                    await server.KillAsync();
                }

                var restart = Stopwatch.StartNew();
                server = await ServerProcess.StartAsync(database, sink.Port);
                Volatile.Write(ref current, server);
                restarts.Add(string.Create(CultureInfo.InvariantCulture, $"killed {when}; the new server was ready after {restart.Elapsed.TotalSeconds:0.0} s"));
            }

            async Task WaitUntilAsync(Func<bool> condition)
            {
                while (!condition())
                {
                    if (clients.FirstOrDefault(c => c.IsFaulted) is { } failed)
                    {
                        await failed; // a client's assertion, not a timeout
                    }

                    await Task.Delay(20, stop.Token);
                }
            }

            // Crash 1, mid-way through the posts, once e-mails go out: posts, alert jobs and sends in flight.
            await WaitUntilAsync(() => Volatile.Read(ref acknowledged) >= KillAfter && sink.DeliveredCount > 0 || clients.All(c => c.IsCompleted));
            var (ackedAtKill, deliveredAtKill) = (Volatile.Read(ref acknowledged), sink.DeliveredCount);
            Assert.True(ackedAtKill < Total, "Every post was acknowledged before the kill: nothing was in flight.");
            await CrashAndRestartAsync($"after {ackedAtKill} acknowledged posts and {deliveredAtKill} e-mails delivered");

            // Crash 2, half-way through the e-mails still to send: the queue is FIFO, so sends trail the alert jobs
            // (on PostgreSQL they have barely started at crash 1); this one lands among SMTP conversations.
            var target = deliveredAtKill + (Total - deliveredAtKill) / 2;
            await WaitUntilAsync(() => sink.DeliveredCount >= target);
            await CrashAndRestartAsync($"after {Volatile.Read(ref acknowledged)} acknowledged posts and {sink.DeliveredCount} e-mails delivered");
            var posted = await allPosted;
            Assert.Equal(Total, acknowledged);

            // Drained: nothing queued or running but the SLA checks scheduled for later.
            while (true)
            {
                stop.Token.ThrowIfCancellationRequested();
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Url, "/api/v1/jobs"));
                    using var answer = await http.SendAsync(request, stop.Token);
                    lastJobs = await answer.Content.ReadAsStringAsync(stop.Token);
                    answer.EnsureSuccessStatusCode();
                }
                catch (TaskCanceledException) when (!stop.IsCancellationRequested)
                {
                    continue; // a slow answer on a loaded machine: ask again
                }

                using var status = JsonDocument.Parse(lastJobs);
                if (status.RootElement.GetProperty("kinds").EnumerateArray().All(k =>
                        k.GetProperty("running").GetInt64() == 0 && (k.GetProperty("kind").GetString() == CaseSlaJob.Kind || k.GetProperty("queued").GetInt64() == 0)))
                {
                    break;
                }

                await Task.Delay(250, stop.Token);
            }

            var drained = clock.Elapsed;
            await server.KillAsync();
            server = null;
            var db = await ReadDatabaseAsync(database, workspaceId, surveyId);

            Assert.Equal(Total, db.Responses);
            Assert.Equal(Total, db.Firings);
            Assert.Equal(Total, db.Cases.Count);
            Assert.Equal(Total, db.Cases.Select(c => c.CustomerId).Distinct().Count());
            Assert.All(db.Cases, c => Assert.Equal(CaseEventKind.Created, Assert.Contains(c.Id, db.FirstEvents)));
            Assert.Equal(0, db.DeadJobs);
            Assert.Equal(Total, db.Emails.Count);
            Assert.All(db.Emails, e => Assert.Equal((EmailStatus.Sent, Notify, 1), (e.Status, e.ToAddress, e.SentAttempts)));
            Assert.Equal(db.Cases.Select(c => c.Id).Order(), db.Emails.Select(e => e.RelatedId!.Value).Order());

            var delivered = sink.Messages();
            var ids = delivered.Select(m => m.MessageId).ToList();
            Assert.Equal(Total, delivered.Count);
            Assert.Equal(Total, ids.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(db.Emails.Select(e => $"<{e.MessageId}>").Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
            Assert.All(delivered, m => Assert.Equal(Notify, Assert.Single(m.EnvelopeTo)));

            // Every re-send is the crash window: the same bytes as the delivered copy, for a message the kill caught
            // between its "sending" attempt and the record of its outcome.
            var resends = sink.Resends();
            var byId = delivered.ToDictionary(m => m.MessageId, StringComparer.Ordinal);
            var interrupted = db.Emails.Where(e => e.InterruptedAttempts > 0).Select(e => $"<{e.MessageId}>").ToHashSet(StringComparer.Ordinal);
            Assert.All(resends, r =>
            {
                Assert.Equal(byId[r.MessageId].Raw, r.Raw);
                Assert.Contains(r.MessageId, interrupted);
            });

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"""
                Crashes: {string.Join("; ", restarts)}.
                Posts retried after a lost answer or a refused connection: {lostAnswers}; retries refused as already stored (the lost answer was a stored post): {refusedAsDuplicates}.
                Responses {db.Responses}, firings {db.Firings}, cases {db.Cases.Count}, e-mails sent {db.Emails.Count(e => e.Status == EmailStatus.Sent)}, dead jobs {db.DeadJobs}.
                SMTP attempts the kill left at "sending": {db.Emails.Sum(e => e.InterruptedAttempts)} (messages: {interrupted.Count}).
                Sink: {delivered.Count} delivered, {ids.Distinct(StringComparer.Ordinal).Count()} distinct Message-IDs, {resends.Count} re-sends recognised by Message-ID and not delivered again.
                Time: prepared at {prepared.TotalSeconds:0.0} s, all posted at {posted.TotalSeconds:0.0} s, jobs drained at {drained.TotalSeconds:0.0} s, checked at {clock.Elapsed.TotalSeconds:0.0} s.
                """));
        }
        catch
        {
            if (server is not null)
            {
                output.WriteLine("Server output (last lines):\n" + server.Tail);
            }

            output.WriteLine($"Sink: {sink.DeliveredCount} delivered. Last jobs status: {lastJobs}\nSink errors:\n{sink.Errors}");
            throw;
        }
        finally
        {
            if (server is not null)
            {
                await server.KillAsync();
            }
        }
    }

    /// <summary>A workspace with an API key, the published NPS survey and its touchpoint, and the rule NPS ≤ 6 → case + e-mail.</summary>
    private static async Task<(Guid Workspace, string ApiKey, Guid Survey)> PrepareAsync(string database)
    {
        await using var app = new LoopwiseApp(database, builder =>
        {
            builder.UseSetting("Loopwise:Jobs:Enabled", "false");
            builder.UseSetting("Loopwise:Kpis:CheckEvery", "0");
        });
        var ws = await app.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(app, ws);
        using var rule = await ws.Api.PostAsJsonAsync("/api/v1/alert-rules", new
        {
            name = "Detractor call-back",
            conditions = new { npsAtMost = 6 },
            actions = new { openCase = new { }, notifyEmails = new[] { Notify } },
        });
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        SqliteConnection.ClearAllPools();
        return (ws.Id, ws.ApiKey, survey.Id);
    }

    private static async Task<Outcome> ReadDatabaseAsync(string database, Guid workspaceId, Guid surveyId)
    {
        await using var app = new LoopwiseApp(database, builder =>
        {
            builder.UseSetting("Loopwise:Jobs:Enabled", "false");
            builder.UseSetting("Loopwise:Kpis:CheckEvery", "0");
        });
        return await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<LoopwiseDbContext>();
            var responses = await db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == surveyId);
            var firings = await db.Set<AlertFiring>().CountAsync();
            var cases = await db.Set<Case>().AsNoTracking().Select(c => new CaseRow(c.Id, c.CustomerId)).ToListAsync();
            var firstEvents = await db.Set<CaseEvent>().AsNoTracking().Where(e => e.Sequence == 1).ToDictionaryAsync(e => e.CaseId, e => e.Kind);
            var attempts = await db.Set<EmailAttempt>().AsNoTracking().Select(a => new { a.EmailId, a.Outcome }).ToListAsync();
            var emails = (await db.Set<EmailMessage>().AsNoTracking().Where(e => e.Purpose == EmailPurposes.Alert).ToListAsync())
                .Select(e => new EmailRow(e.Status, e.ToAddress, e.MessageId, e.RelatedId,
                    attempts.Count(a => a.EmailId == e.Id && a.Outcome == EmailAttempt.Sent),
                    attempts.Count(a => a.EmailId == e.Id && a.Outcome == EmailAttempt.Sending)))
                .ToList();
            var dead = await db.Set<Job>().CountAsync(j => j.Status == JobStatus.Dead);
            return new Outcome(responses, firings, cases, firstEvents, emails, dead);
        }, workspaceId);
    }

    private sealed record CaseRow(Guid Id, Guid? CustomerId);

    private sealed record EmailRow(EmailStatus Status, string ToAddress, string MessageId, Guid? RelatedId, int SentAttempts, int InterruptedAttempts);

    private sealed record Outcome(int Responses, int Firings, List<CaseRow> Cases, Dictionary<Guid, CaseEventKind> FirstEvents, List<EmailRow> Emails, int DeadJobs);

    /// <summary>
    /// <c>dotnet loopwise.dll serve</c> as a child process on a port the OS picks (it prints where it listens), with
    /// the worker on, a short poll and lease (so a killed worker's jobs come back within seconds) and SMTP to the sink.
    /// </summary>
    private sealed class ServerProcess
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _tail = new();
        private bool _killed;

        private ServerProcess(Process process) => _process = process;

        public Uri Url { get; private set; } = null!;

        public string Tail => string.Join('\n', _tail);

        public static async Task<ServerProcess> StartAsync(string database, int smtpPort)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            string[] arguments =
            [
                Path.Combine(AppContext.BaseDirectory, "loopwise.dll"), "serve", "--db", database, "--urls", "http://127.0.0.1:0",
                "--Logging:LogLevel:Default=Warning",
                "--Loopwise:Jobs:Enabled=true", "--Loopwise:Jobs:Concurrency=8", "--Loopwise:Jobs:PollInterval=00:00:00.200", "--Loopwise:Jobs:Lease=00:00:05",
                "--Loopwise:Jobs:RetryBase=00:00:01", "--Loopwise:Jobs:RetryCap=00:00:05",
                "--Loopwise:Kpis:CheckEvery=0",
                "--Loopwise:Smtp:Host=127.0.0.1", $"--Loopwise:Smtp:Port={smtpPort.ToString(CultureInfo.InvariantCulture)}",
                "--Loopwise:Smtp:Security=None", $"--Loopwise:Smtp:FromAddress={From}", "--Loopwise:Smtp:Timeout=00:00:20",
            ];
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            var process = new Process { StartInfo = start };
            var server = new ServerProcess(process);
            void Keep(string? line)
            {
                if (line is null)
                {
                    return;
                }

                server._tail.Enqueue(line.Length > 500 ? line[..500] : line);
                while (server._tail.Count > 40 && server._tail.TryDequeue(out _))
                {
                }

                const string Running = "Loopwise is running: open ";
                if (line.StartsWith(Running, StringComparison.Ordinal))
                {
                    listening.TrySetResult(new Uri(line[Running.Length..].Trim()));
                }
            }

            process.OutputDataReceived += (_, e) => Keep(e.Data);
            process.ErrorDataReceived += (_, e) => Keep(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                server.Url = await listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
                // Generous limits: a loaded 2-core machine can take many seconds to start and to answer the first request.
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
                var waited = Stopwatch.StartNew();
                while (true)
                {
                    try
                    {
                        using var ready = await http.GetAsync(new Uri(server.Url, "/health/ready"));
                        if (ready.IsSuccessStatusCode)
                        {
                            return server;
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException && waited.Elapsed < TimeSpan.FromSeconds(120))
                    {
                    }

                    if (waited.Elapsed > TimeSpan.FromSeconds(120))
                    {
                        throw new TimeoutException("/health/ready did not answer 200 within 120 s.");
                    }

                    await Task.Delay(100);
                }
            }
            catch (Exception e)
            {
                // Never leave a server behind: the caller does not hold this one yet.
                await server.KillAsync();
                throw new InvalidOperationException("The server did not start:\n" + server.Tail, e);
            }
        }

        /// <summary>Kills the process and everything it started, at once (no shutdown: a crash).</summary>
        public async Task KillAsync()
        {
            if (_killed)
            {
                return;
            }

            _killed = true;
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // already gone
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}

[Collection(CrashCollection.Name)]
public sealed class CrashTests_Sqlite(ITestOutputHelper output) : CrashTests(output)
{
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(Databases.NewSqliteFile());
}

[Collection(CrashCollection.Name)]
public sealed class CrashTests_Postgres(ITestOutputHelper output) : CrashTests(output)
{
    protected override Task<string> CreateDatabaseAsync() => Databases.NewPostgresDatabaseAsync();
}

/// <summary>The crash tests run one at a time: each runs a server process and 1 000 posts, enough for a 2-core machine.</summary>
[CollectionDefinition(Name)]
public sealed class CrashCollection
{
    public const string Name = "crash";
}
