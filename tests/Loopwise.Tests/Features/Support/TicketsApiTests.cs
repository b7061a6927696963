using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loopwise.Core.Support;
using Loopwise.Data;
using Loopwise.Features.Support;
using Loopwise.Features.Support.Import;
using Loopwise.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Support;

public abstract class TicketsApiTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    // Monday 5 October 2026 (past, so no event is "in the future").
    private static DateTime Oct(int day, int hour, int minute = 0) => new(2026, 10, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Batch_stores_tickets_with_events_and_a_retry_with_the_same_key_stores_nothing_twice()
    {
        var ws = await App.CreateWorkspaceAsync();
        var body = new
        {
            tickets = new object[]
            {
                new
                {
                    externalId = "T-1", customerExternalId = "c-1", channel = "email", createdAt = Oct(5, 10),
                    events = new object[]
                    {
                        new { kind = "message", at = Oct(5, 10, 1), direction = "outbound", author = "bot" },
                        new { kind = "message", at = Oct(5, 10, 30), direction = "outbound" },
                        new { kind = "status", at = Oct(5, 11), status = "solved" },
                    },
                },
                new { externalId = "T-2", channel = "chat", createdAt = Oct(5, 12), createdBy = "agent" },
            },
        };

        var first = await PostAsync(ws, body, "key-1");
        var retry = await PostAsync(ws, body, "key-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        var tickets = await TicketsAsync(ws.Id);
        Assert.Equal(2, tickets.Count);
        var t1 = tickets.Single(t => t.ExternalId == "T-1");
        Assert.Equal(1800, t1.FrtSeconds); // the bot reply does not stop the clock
        Assert.Equal(1800, t1.FrtBusinessSeconds);
        Assert.Equal("solved", t1.Status);
        Assert.NotNull(t1.CustomerId);
        var rollup = Assert.Single(await RollupsAsync(ws.Id), r => r.Key.Channel == "email").Value;
        Assert.Equal(1, rollup[Col("opened")]);
        Assert.Equal(1, rollup[Col("replied")]);
        Assert.Equal(1800, rollup[Col("frt_sum_seconds")]);
        Assert.Equal(1, rollup[Col("sla_met")]);
    }

    [Fact]
    public async Task Invalid_batch_is_refused_with_field_paths_and_stores_nothing()
    {
        var ws = await App.CreateWorkspaceAsync();
        var body = new
        {
            tickets = new object[]
            {
                new { externalId = "ok", channel = "email", createdAt = Oct(5, 10), events = new object[] { new { kind = "status", at = Oct(5, 11), status = "done" } } },
                new { externalId = "bad", channel = "fax", createdAt = Oct(5, 10) },
                new { externalId = "early", channel = "web", createdAt = Oct(5, 10), events = new object[] { new { kind = "message", at = Oct(4, 10), direction = "inbound" } } },
            },
        };

        var response = await PostAsync(ws, body, "key-bad");
        var noKey = await ws.Api.PostAsJsonAsync("/api/v1/tickets/batch", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["tickets[0].events[0].status", "tickets[1].channel", "tickets[2].events[0].at"], errors);
        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        Assert.Empty(await TicketsAsync(ws.Id));
        Assert.Empty(await RollupsAsync(ws.Id));
    }

    [Fact]
    public async Task A_later_first_reply_and_a_repeat_contact_change_the_rollups_by_the_difference()
    {
        var ws = await App.CreateWorkspaceAsync();
        await PostOkAsync(ws, new { tickets = new[] { new { externalId = "A", customerExternalId = "c", issueKey = "refund", channel = "email", createdAt = Oct(5, 10) } } }, "k1");
        var before = (await RollupsAsync(ws.Id)).Single().Value;

        await PostOkAsync(ws, new { tickets = new[] { new { externalId = "A", events = new[] { new { kind = "message", at = Oct(5, 12), direction = "outbound" } } } } }, "k2");
        var replied = (await RollupsAsync(ws.Id)).Single().Value;
        await PostOkAsync(ws, new { tickets = new[] { new { externalId = "B", customerExternalId = "c", issueKey = "refund", channel = "email", createdAt = Oct(8, 9) } } }, "k3");
        var rows = await RollupsAsync(ws.Id);

        Assert.Equal((1L, 1L, 0L, 0L), (before[Col("opened")], before[Col("first_contacts")], before[Col("replied")], before[Col("repeat_within_window")]));
        Assert.Equal((1L, 1L, 7200L, 7200L), (replied[Col("opened")], replied[Col("replied")], replied[Col("frt_sum_seconds")], replied[Col("frt_business_sum_seconds")]));
        var day5 = rows.Single(r => r.Key.Day == new DateOnly(2026, 10, 5)).Value;
        var day8 = rows.Single(r => r.Key.Day == new DateOnly(2026, 10, 8)).Value;
        Assert.Equal(1, day5[Col("repeat_within_window")]); // B came within 7 days of A on the same issue
        Assert.Equal(1, day5[Col("first_contacts")]);
        Assert.Equal(0, day8[Col("first_contacts")]); // B is a repeat, not a first contact
        Assert.Equal(1, day8[Col("opened")]);
        var durations = await DurationsAsync(ws.Id);
        Assert.Equal(1, durations[new TicketRollupDelta.DurationKey(new DateOnly(2026, 10, 5), "email", Guid.Empty, "calendar", DurationBuckets.Bucket(7200))]);
        Assert.Equal(2, durations.Count);
        var a = (await TicketsAsync(ws.Id)).Single(t => t.ExternalId == "A");
        Assert.Equal(Oct(8, 9), a.RepeatContactAt);
    }

    [Fact]
    public async Task Rollups_equal_a_recount_of_the_raw_ticket_facts_after_random_tickets_and_events()
    {
        var ws = await App.CreateWorkspaceAsync();
        var random = new Random(20261124);
        string[] channels = ["email", "chat", "phone"];
        string?[] issues = ["billing", "login", null];
        var known = new List<(string Id, DateTime Created)>();
        for (var round = 0; round < 6; round++)
        {
            var items = new List<object>();
            for (var i = 0; i < 15; i++)
            {
                var id = $"R{round}-{i}";
                var created = Oct(1 + random.Next(20), random.Next(24), random.Next(60));
                items.Add(new
                {
                    externalId = id, customerExternalId = "cust-" + random.Next(4), issueKey = issues[random.Next(issues.Length)],
                    channel = channels[random.Next(channels.Length)], createdAt = created, createdBy = random.Next(5) == 0 ? "agent" : "customer",
                    events = RandomEvents(random, created),
                });
                known.Add((id, created));
            }

            foreach (var (id, created) in known.OrderBy(_ => random.Next()).Take(8))
            {
                items.Add(new { externalId = id, events = RandomEvents(random, created) });
            }

            // An item may not repeat an external id in one batch: keep the first of each.
            var unique = items.GroupBy(x => (string)x.GetType().GetProperty("externalId")!.GetValue(x)!).Select(g => g.First()).ToArray();
            await PostOkAsync(ws, new { tickets = unique }, "round-" + round);
        }

        var recount = await RecountAsync(ws.Id);
        var rollups = await RollupsAsync(ws.Id);
        var durations = await DurationsAsync(ws.Id);
        await App.WithScopeAsync(async sp =>
        {
            await MonthRollups.AssertFoldOfDaysAsync(sp.GetRequiredService<LoopwiseDbContext>(), ws.Id, "ticket", "ticket_duration");
            return true;
        }, ws.Id);

        Assert.Equal(Text(recount.Counts), Text(rollups));
        Assert.Equal(
            string.Join('\n', recount.Durations.OrderBy(d => d.Key.ToString(), StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}")),
            string.Join('\n', durations.OrderBy(d => d.Key.ToString(), StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}")));
        var tickets = await TicketsAsync(ws.Id);
        var rawBusiness = tickets.Where(t => t.FrtBusinessSeconds is not null).Select(t => t.FrtBusinessSeconds!.Value).ToList();
        var fromRollup = durations.Where(d => d.Key.Clock == "business").Select(d => (d.Key.Bucket, d.Value)).ToList();
        Assert.True(rawBusiness.Count > 10, "the random data should hold replies");
        foreach (var p in new[] { 50.0, 90 })
        {
            Assert.Equal(DurationBuckets.Percentile(rawBusiness, p), DurationBuckets.Percentile(fromRollup, p));
        }

        Assert.Equal(rawBusiness.Sum(), rollups.Values.Sum(v => v[Col("frt_business_sum_seconds")]));
    }

    [Fact]
    public async Task Zendesk_import_stores_the_good_rows_and_reports_every_rejected_row_with_its_line()
    {
        var ws = await App.CreateWorkspaceAsync();

        var report = await App.WithScopeAsync(async services =>
        {
            await using var stream = File.OpenRead(Path.Combine(TestDataFolder(), "zendesk-tickets.csv"));
            var result = await services.GetRequiredService<TicketImporter>().ImportAsync(TicketImportFormat.Zendesk, stream, null, CancellationToken.None);
            return result.Value!;
        }, ws.Id);
        var again = await App.WithScopeAsync(async services =>
        {
            await using var stream = File.OpenRead(Path.Combine(TestDataFolder(), "zendesk-tickets.csv"));
            return (await services.GetRequiredService<TicketImporter>().ImportAsync(TicketImportFormat.Zendesk, stream, null, CancellationToken.None)).Value!;
        }, ws.Id);

        Assert.Equal(11, report.Rows);
        Assert.Equal(8, report.Imported);
        Assert.Equal([9, 10, 12], report.RejectedLines);
        Assert.Equal(["Created at", "Via", "First reply time in minutes"], report.Errors.Select(e => e.Field));
        Assert.Contains(report.Warnings, w => w.Contains("Assignee", StringComparison.Ordinal));
        Assert.Equal(0, again.Imported);
        Assert.Equal(8, again.Duplicates.Count);
        var tickets = (await TicketsAsync(ws.Id)).ToDictionary(t => t.ExternalId);
        Assert.Equal(95 * 60, tickets["10232"].FrtSeconds);
        Assert.Equal(1, tickets["10232"].ReopenedCount);
        Assert.Equal(2, tickets["10241"].ReopenedCount);
        Assert.Equal("chat", tickets["10233"].Channel);
        Assert.Equal(985 * 60, tickets["10236"].FrtSeconds);
        Assert.Equal(300, tickets["10236"].FrtBusinessSeconds); // Friday 16:55 -> Saturday 09:20: 5 open minutes (Mon-Fri 9-17 UTC)
        Assert.Equal(("agent", (long?)null), (tickets["10239"].CreatedBy, tickets["10239"].FrtSeconds));
        Assert.Equal("pending", tickets["10234"].Status);
    }

    [Fact]
    public async Task Settings_round_trip_and_a_bad_calendar_is_refused_with_field_paths()
    {
        var ws = await App.CreateWorkspaceAsync();

        var defaults = await ws.Api.GetFromJsonAsync<JsonElement>("/api/v1/support/settings");
        var bad = await ws.Api.PutAsJsonAsync("/api/v1/support/settings", new
        {
            calendar = new { timeZone = "Mars/Olympus", hours = new[] { new { day = "monday", open = "17:00", close = "09:00" } }, holidays = Array.Empty<string>() },
            fcrWindowDays = 0,
            slaFirstResponseHours = 4,
        });
        var good = await ws.Api.PutAsJsonAsync("/api/v1/support/settings", new
        {
            calendar = new { timeZone = "Europe/Paris", hours = new[] { new { day = "monday", open = "08:00", close = "12:00" } }, holidays = new[] { "2026-12-25" } },
            fcrWindowDays = 3,
            slaFirstResponseHours = 2,
        });
        var after = await ws.Api.GetFromJsonAsync<JsonElement>("/api/v1/support/settings");

        Assert.Equal(7, defaults.GetProperty("fcrWindowDays").GetInt32());
        Assert.Equal(4, defaults.GetProperty("slaFirstResponseHours").GetDouble());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["calendar.hours[0].close", "calendar.timeZone", "fcrWindowDays"], errors);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("Europe/Paris", after.GetProperty("calendar").GetProperty("timeZone").GetString());
        Assert.Equal(3, after.GetProperty("fcrWindowDays").GetInt32());
        Assert.Equal(2, after.GetProperty("slaFirstResponseHours").GetDouble());
    }

    private static object[] RandomEvents(Random random, DateTime created)
    {
        var events = new List<object>();
        var at = created;
        for (var i = random.Next(5); i > 0; i--)
        {
            at = at.AddMinutes(random.Next(1, 3000));
            if (at > Oct(30, 0))
            {
                break;
            }

            events.Add(random.Next(7) switch
            {
                0 => new { kind = "message", at, direction = "inbound" },
                1 => new { kind = "message", at, direction = "outbound", author = "bot" },
                2 => new { kind = "message", at, direction = "outbound", author = "human", @public = random.Next(4) != 0 },
                3 => new { kind = "status", at, status = "solved" },
                4 => new { kind = "status", at, status = random.Next(2) == 0 ? "open" : "reopened" },
                5 => new { kind = "transferred", at },
                _ => (object)new { kind = "resolved_flag", at },
            });
        }

        return [.. events];
    }

    private static int Col(string name) => Array.IndexOf(TicketRollupDelta.Columns, name);

    private static string Text(Dictionary<TicketRollupDelta.Key, long[]> rows) =>
        string.Join('\n', rows.Where(r => r.Value.Any(v => v != 0)).OrderBy(r => r.Key.ToString(), StringComparer.Ordinal).Select(r => $"{r.Key}={string.Join(',', r.Value)}"));

    private static string TestDataFolder([System.Runtime.CompilerServices.CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "TestData");

    private static async Task<HttpResponseMessage> PostAsync(TestWorkspace ws, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets/batch") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await ws.Api.SendAsync(request);
    }

    private static async Task PostOkAsync(TestWorkspace ws, object body, string key)
    {
        var response = await PostAsync(ws, body, key);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private Task<List<Ticket>> TicketsAsync(Guid workspaceId) =>
        App.WithScopeAsync(services => services.GetRequiredService<LoopwiseDbContext>().Set<Ticket>().AsNoTracking().ToListAsync(), workspaceId);

    /// <summary>Rollup rows as readers see them: summed over slots.</summary>
    private Task<Dictionary<TicketRollupDelta.Key, long[]>> RollupsAsync(Guid workspaceId) =>
        App.WithScopeAsync(async services =>
        {
            var rows = await services.GetRequiredService<LoopwiseDbContext>().Set<TicketRollup>().AsNoTracking().ToListAsync();
            return rows.GroupBy(r => new TicketRollupDelta.Key(r.Day, r.Channel, r.TouchpointId)).ToDictionary(g => g.Key, g => new long[]
            {
                g.Sum(r => r.Opened), g.Sum(r => r.CreatedByAgent), g.Sum(r => r.FirstContacts), g.Sum(r => r.AgentFlaggedFcr), g.Sum(r => r.RepeatWithinWindow),
                g.Sum(r => r.Transferred), g.Sum(r => r.ClockStarted), g.Sum(r => r.Replied), g.Sum(r => r.FrtSumSeconds), g.Sum(r => r.FrtBusinessSumSeconds),
                g.Sum(r => r.SlaMet), g.Sum(r => r.Reopened), g.Sum(r => r.Solved),
            });
        }, workspaceId);

    private Task<Dictionary<TicketRollupDelta.DurationKey, long>> DurationsAsync(Guid workspaceId) =>
        App.WithScopeAsync(async services =>
        {
            var rows = await services.GetRequiredService<LoopwiseDbContext>().Set<TicketDurationRollup>().AsNoTracking().ToListAsync();
            return rows.GroupBy(r => new TicketRollupDelta.DurationKey(r.Day, r.Channel, r.TouchpointId, r.Clock, r.Bucket))
                .Where(g => g.Sum(r => r.Count) != 0).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        }, workspaceId);

    /// <summary>Derives every ticket again from its raw events with the Core rules and adds up its contributions.</summary>
    private Task<TicketRollupDelta> RecountAsync(Guid workspaceId) =>
        App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LoopwiseDbContext>();
            var tickets = await db.Set<Ticket>().AsNoTracking().ToListAsync();
            var events = (await db.Set<TicketEvent>().AsNoTracking().ToListAsync()).ToLookup(e => e.TicketId);
            var rules = await services.GetRequiredService<SupportSettingsService>().RulesAsync(CancellationToken.None);
            foreach (var t in tickets)
            {
                TicketWriter.Apply(t, [.. events[t.Id]], rules);
            }

            foreach (var group in tickets.GroupBy(t => t.CustomerId is null || t.IssueKey is null ? t.Id.ToString() : $"{t.CustomerId}|{t.IssueKey}"))
            {
                var byId = group.ToDictionary(t => t.Id);
                foreach (var link in RepeatContacts.Link([.. group.Select(TicketWriter.Contact)], rules.FcrWindowDays))
                {
                    byId[link.TicketId].IsFirstContact = link.IsFirstContact;
                    byId[link.TicketId].RepeatContactAt = link.RepeatAt;
                }
            }

            var delta = new TicketRollupDelta();
            foreach (var t in tickets)
            {
                delta.Add(t, 1);
            }

            delta.Compact();
            return delta;
        }, workspaceId);
}

[Collection(Collections.Sqlite)]
public sealed class TicketsApiTests_Sqlite(SqliteAppFixture fixture) : TicketsApiTests(fixture);

[Collection(Collections.Postgres)]
public sealed class TicketsApiTests_Postgres(PostgresAppFixture fixture) : TicketsApiTests(fixture);
