using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loopwise.Data;
using Loopwise.Features.Responses;
using Loopwise.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Kpis;

/// <summary>Ticket and survey-funnel KPIs through the KPI series API, against hand-computed values (cx-reference.md §4).</summary>
public abstract class OperationalKpisApiTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    private const string October = "from=2026-10-01&to=2026-10-31&interval=month";

    [Fact]
    public async Task Ticket_kpis_are_computed_from_the_ticket_rollups_as_computed_by_hand()
    {
        var ws = await App.CreateWorkspaceAsync();
        // Monday 5 October 2026, default calendar Mon-Fri 09:00-17:00 UTC, SLA 4 business hours, FCR window 7 days.
        var tickets = new object[]
        {
            Ticket("A", "c-a", Oct(5, 10), Reply(Oct(5, 10, 30))),                                        // FRT 0.5 h
            Ticket("B", "c-b", Oct(5, 10), Bot(Oct(5, 10, 1)), Reply(Oct(5, 12))),                        // a bot does not stop the clock: 2 h
            Ticket("C", "c-c", Oct(5, 16), Reply(Oct(6, 10))),                                           // 16-17 + 9-10 = 2 business hours
            Ticket("D", "c-d", Oct(5, 11)),                                                              // never answered: an SLA breach
            Ticket("E", "c-a", Oct(7, 9), Reply(Oct(7, 9, 15))),                                          // c-a again on the same issue within 7 days: 0.25 h
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets/batch") { Content = JsonContent.Create(new { tickets }) };
        request.Headers.Add("Idempotency-Key", "operational-kpis");
        var posted = await ws.Api.SendAsync(request);
        Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());

        var mean = await TotalAsync(ws, "first_response_time");
        var median = await TotalAsync(ws, "first_response_time_median");
        var p90 = await TotalAsync(ws, "first_response_time_p90");
        var sla = await TotalAsync(ws, "sla_attainment");
        var fcr = await TotalAsync(ws, "fcr");

        Assert.Equal((4L, (0.5 + 2 + 2 + 0.25) / 4), (mean.N, Math.Round(mean.Value!.Value, 10)));
        Assert.Equal(0.5, median.Value!.Value, 10);  // nearest rank ⌈0.5·4⌉ = 2 of {0.25, 0.5, 2, 2} h
        Assert.Equal(2.0, p90.Value!.Value, 10);      // ⌈0.9·4⌉ = 4 → 2 h
        Assert.Equal((5L, 0.8), (sla.N, sla.Value!.Value)); // A, B, C, E met; D breached
        Assert.Equal((4L, 0.75), (fcr.N, fcr.Value!.Value)); // first contacts A, B, C, D; A came back (E)
    }

    [Fact]
    public async Task Survey_completion_and_abandonment_rates_come_from_the_response_rollups()
    {
        var ws = await App.CreateWorkspaceAsync();
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LoopwiseDbContext>();
            var survey = Guid.NewGuid();
            db.Add(new ResponseRollup { WorkspaceId = ws.Id, SurveyId = survey, Day = new DateOnly(2026, 10, 3), Started = 6, Completed = 5 });
            db.Add(new ResponseRollup { WorkspaceId = ws.Id, SurveyId = survey, Day = new DateOnly(2026, 10, 9), Started = 4, Completed = 3 });
            db.Add(new ResponseRollup { WorkspaceId = ws.Id, SurveyId = survey, Day = new DateOnly(2026, 10, 9), Slot = 3, Started = 10, Completed = 8 });
            // The month rows the writers keep beside them (October is read whole from them).
            db.Add(new ResponseMonthRollup { WorkspaceId = ws.Id, SurveyId = survey, Day = new DateOnly(2026, 10, 1), Started = 10, Completed = 8 });
            db.Add(new ResponseMonthRollup { WorkspaceId = ws.Id, SurveyId = survey, Day = new DateOnly(2026, 10, 1), Slot = 3, Started = 10, Completed = 8 });
            await db.SaveChangesAsync();
            return 0;
        }, ws.Id);

        var completion = await TotalAsync(ws, "completion_rate");
        var abandonment = await TotalAsync(ws, "abandonment_rate");

        Assert.Equal((20L, 0.8), (completion.N, completion.Value!.Value));
        Assert.Equal((20L, 0.2), (abandonment.N, Math.Round(abandonment.Value!.Value, 10)));
        Assert.Equal(0.584, completion.Lower, 3); // Wilson 16/20: [0.584, 0.919]
        Assert.Equal(0.919, completion.Upper, 3);
    }

    [Fact]
    public async Task Ticket_kpis_refuse_a_survey_or_a_customer_dimension()
    {
        var ws = await App.CreateWorkspaceAsync();

        var bySurvey = await ws.Api.GetAsync($"/api/v1/kpis/fcr?{October}&by=survey");

        Assert.Equal(HttpStatusCode.BadRequest, bySurvey.StatusCode);
        Assert.Contains("\"by\"", await bySurvey.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monthly_response_time_percentiles_computed_by_the_database_equal_the_core_rule_on_the_raw_tickets()
    {
        // Random tickets from 20 July to 24 October 2026 on three channels, most with a first human reply: the monthly series
        // from 2026-07-20 to 2026-10-24 reads August and September whole from the month rollups and the cut months by day.
        var ws = await App.CreateWorkspaceAsync();
        var random = new Random(20261123);
        var start = new DateTime(2026, 7, 20, 0, 0, 0, DateTimeKind.Utc);
        string[] channels = ["email", "chat", "phone"];
        for (var round = 0; round < 4; round++)
        {
            var tickets = Enumerable.Range(0, 60).Select(i =>
            {
                var created = start.AddMinutes(random.Next(0, 96 * 24 * 60));
                object[] events = random.Next(6) == 0 ? [] : [Reply(created.AddMinutes(1 + random.Next(0, random.Next(2) == 0 ? 300 : 5000)))];
                return new { externalId = $"P{round}-{i}", customerExternalId = $"c-{random.Next(40)}", issueKey = "delivery", channel = channels[random.Next(3)], createdAt = created, events };
            }).ToArray();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets/batch") { Content = JsonContent.Create(new { tickets }) };
            request.Headers.Add("Idempotency-Key", "percentiles-" + round);
            var posted = await ws.Api.SendAsync(request);
            Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        }

        var raw = await App.WithScopeAsync(
            async sp => await sp.GetRequiredService<LoopwiseDbContext>().Set<Loopwise.Features.Support.Ticket>().AsNoTracking()
                .Where(t => t.FrtBusinessSeconds != null).Select(t => new { t.CreatedAt, Seconds = t.FrtBusinessSeconds!.Value }).ToListAsync(),
            ws.Id);
        Assert.True(raw.Count > 150, $"only {raw.Count} replied tickets");
        foreach (var (kpi, percent) in new[] { ("first_response_time_median", 50.0), ("first_response_time_p90", 90.0) })
        {
            using var json = JsonDocument.Parse(await ws.Api.GetStringAsync($"/api/v1/kpis/{kpi}?from=2026-07-20&to=2026-10-24&interval=month"));
            var group = json.RootElement.GetProperty("groups")[0];
            Hours? Expected(IEnumerable<long> seconds) => Loopwise.Core.Support.DurationBuckets.Percentile(seconds, percent) is { } s ? new Hours(s / 3600.0) : null;
            Hours? Actual(JsonElement point) => point.GetProperty("value").ValueKind == JsonValueKind.Null ? null : new Hours(point.GetProperty("value").GetDouble());

            Assert.Equal(Expected(raw.Select(r => r.Seconds)), Actual(group.GetProperty("total")));
            Assert.Equal(raw.Count, group.GetProperty("total").GetProperty("n").GetInt64());
            var points = group.GetProperty("points").EnumerateArray().ToList();
            Assert.Equal(4, points.Count);
            foreach (var point in points)
            {
                var month = DateOnly.Parse(point.GetProperty("from").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                var inMonth = raw.Where(r => r.CreatedAt.Year == month.Year && r.CreatedAt.Month == month.Month).Select(r => r.Seconds).ToList();
                Assert.Equal((inMonth.Count, Expected(inMonth)), (point.GetProperty("n").GetInt64(), Actual(point)));
            }
        }
    }

    private readonly record struct Hours(double Value);

    private static DateTime Oct(int day, int hour, int minute = 0) => new(2026, 10, day, hour, minute, 0, DateTimeKind.Utc);

    private static object Reply(DateTime at) => new { kind = "message", at, direction = "outbound", author = "human", @public = true };

    private static object Bot(DateTime at) => new { kind = "message", at, direction = "outbound", author = "bot", @public = true };

    private static object Ticket(string id, string customer, DateTime created, params object[] events) =>
        new { externalId = id, customerExternalId = customer, issueKey = "delivery", channel = "email", createdAt = created, events };

    private static async Task<(long N, double? Value, double Lower, double Upper)> TotalAsync(TestWorkspace ws, string kpi)
    {
        var response = await ws.Api.GetAsync($"/api/v1/kpis/{kpi}?{October}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var json = JsonDocument.Parse(text);
        var total = json.RootElement.GetProperty("groups")[0].GetProperty("total");
        var value = total.GetProperty("value");
        var interval = total.GetProperty("interval");
        return (total.GetProperty("n").GetInt64(), value.ValueKind == JsonValueKind.Null ? null : value.GetDouble(),
            interval.ValueKind == JsonValueKind.Null ? double.NaN : interval.GetProperty("lower").GetDouble(),
            interval.ValueKind == JsonValueKind.Null ? double.NaN : interval.GetProperty("upper").GetDouble());
    }
}

[Collection(Collections.Sqlite)]
public sealed class OperationalKpisApiTests_Sqlite(SqliteAppFixture fixture) : OperationalKpisApiTests(fixture);

[Collection(Collections.Postgres)]
public sealed class OperationalKpisApiTests_Postgres(PostgresAppFixture fixture) : OperationalKpisApiTests(fixture);
