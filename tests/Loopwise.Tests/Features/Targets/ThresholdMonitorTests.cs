using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Loopwise.Cli;
using Loopwise.Core.Kpis;
using Loopwise.Data;
using Loopwise.Features.Kpis;
using Loopwise.Features.Responses;
using Loopwise.Features.Targets;
using Loopwise.Tests.Features.Metrics;
using Loopwise.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Targets;

public abstract class ThresholdMonitorTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    private static readonly KpiDefinition Fcr = KpiCatalog.Get(KpiId.Fcr);
    private static readonly KpiDefinition Frt = KpiCatalog.Get(KpiId.FirstResponseTime);

    [Fact]
    public async Task Monitor_records_one_event_when_a_kpi_enters_action_and_none_when_it_stays_there_or_is_checked_again()
    {
        var ws = await App.CreateWorkspaceAsync();

        // cx-reference.md §10 defaults: fcr action "< 65" (benchmark 70-75), first_response_time action "> 4" hours.
        var october = await CheckAsync(ws.Id, "2026-10", Rate(Fcr, 0.72, 100), Rate(Frt, 1.5, 40));       // on target, on target
        var november = await CheckAsync(ws.Id, "2026-11", Rate(Fcr, 0.60, 100), Rate(Frt, 3.0, 40));      // fcr enters action
        var stays = await CheckAsync(ws.Id, "2026-11", Rate(Fcr, 0.58, 120), Rate(Frt, 5.0, 40));         // fcr stays; frt enters
        var again = await CheckAsync(ws.Id, "2026-11", Rate(Fcr, 0.58, 120), Rate(Frt, 5.0, 40));         // same period again
        var back = await CheckAsync(ws.Id, "2026-11", Rate(Fcr, 0.68, 130), Rate(Frt, 5.0, 40));          // fcr to watch...
        var reentered = await CheckAsync(ws.Id, "2026-11", Rate(Fcr, 0.61, 140), Rate(Frt, 5.0, 40));     // ...and back: same period
        var december = await CheckAsync(ws.Id, "2026-12", Rate(Fcr, 0.61, 30), Rate(Frt, 5.0, 10));       // both stay in action

        Assert.Empty(october);
        Assert.Equal(["fcr"], november.Select(c => c.Id.Value));
        Assert.Equal(["first_response_time"], stays.Select(c => c.Id.Value));
        Assert.Empty(again);
        Assert.Empty(back);
        Assert.Empty(reentered);
        Assert.Empty(december);
        using var events = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/targets/events"));
        var list = events.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, list.Count);
        var frt = list[0]; // newest first
        var fcr = list[1];
        Assert.Equal(("fcr", "2026-11", 60.0, 100L, "< 65", "Below", "OnTarget"), Describe(fcr));
        Assert.Equal(("first_response_time", "2026-11", 5.0, 40L, "> 4", "Above", "Watch"), Describe(frt));
        var snapshots = await App.WithScopeAsync(async s =>
            await s.GetRequiredService<LoopwiseDbContext>().Set<KpiStatusSnapshot>().OrderBy(x => x.KpiId).Select(x => new { x.KpiId, x.Status, x.Period, x.N }).ToListAsync(), ws.Id);
        Assert.Equal([("fcr", "Action", "2026-12", 30L), ("first_response_time", "Action", "2026-12", 10L)], snapshots.Select(x => (x.KpiId, x.Status, x.Period, x.N)));
    }

    [Fact]
    public async Task A_first_check_already_in_action_records_an_event_with_no_previous_status_and_events_filter_by_day()
    {
        var ws = await App.CreateWorkspaceAsync();
        var today = TimeProvider.System.GetUtcNow().UtcDateTime.Date;

        var first = await CheckAsync(ws.Id, "2026-11", Rate(Fcr, 0.50, 50));
        var inRange = await ws.Api.GetFromJsonAsync<JsonElement>($"/api/v1/targets/events?from={Day(today.AddDays(-1))}&to={Day(today.AddDays(1))}");
        var before = await ws.Api.GetFromJsonAsync<JsonElement>($"/api/v1/targets/events?to={Day(today.AddDays(-1))}");
        var bad = await ws.Api.GetAsync("/api/v1/targets/events?from=yesterday");

        Assert.Null(Assert.Single(first).PreviousStatus);
        Assert.Equal(JsonValueKind.Null, Assert.Single(inRange.EnumerateArray()).GetProperty("statusBefore").ValueKind);
        Assert.Empty(before.EnumerateArray());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Another_workspaces_events_and_snapshots_are_invisible()
    {
        var a = await App.CreateWorkspaceAsync();
        var b = await App.CreateWorkspaceAsync();
        await CheckAsync(a.Id, "2026-11", Rate(Fcr, 0.50, 50));

        var eventsOfB = await b.Api.GetFromJsonAsync<JsonElement>("/api/v1/targets/events");
        var firstOfB = await CheckAsync(b.Id, "2026-11", Rate(Fcr, 0.50, 50));

        Assert.Empty(eventsOfB.EnumerateArray());
        Assert.Single(firstOfB); // B's first check is not compared with A's snapshot
        Assert.Single((await a.Api.GetFromJsonAsync<JsonElement>("/api/v1/targets/events")).EnumerateArray());
    }

    [Fact]
    public async Task Kpis_check_verb_records_one_event_for_a_seeded_workspace_and_nothing_when_run_again()
    {
        var ws = await App.CreateWorkspaceAsync();
        // NPS has no action threshold by default (§10 notes); give it one. Transactional NPS is rated with the NPS entry.
        var put = await ws.Api.PutAsJsonAsync("/api/v1/targets/nps", new { target = new { op = ">=", value = 50 }, action = new { op = "<", value = 0 } });
        Assert.True(put.IsSuccessStatusCode);
        var seed = await new MetricsSeed(App, ws.Id).CreateAsync("web");
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        // 10 promoters, 40 detractors: NPS = (10 - 40) / 50 = -60 points, n = 50 >= min_n 30, below the action threshold 0.
        await seed.WriteNpsAsync("web", now.Date, MetricsSeed.Repeat((10, 10), (3, 40)));

        var first = await LoopwiseCli.RunAsync(["kpis", "check", "--db", App.Database, "--workspace", ws.Slug]);
        var second = await LoopwiseCli.RunAsync(["kpis", "check", "--db", App.Database, "--workspace", ws.Slug]);
        var unknown = await LoopwiseCli.RunAsync(["kpis", "check", "--db", App.Database, "--workspace", "no-such-" + ws.Slug]);

        Assert.Equal((0, 0, 3), (first, second, unknown));
        using var events = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/targets/events"));
        var only = Assert.Single(events.RootElement.EnumerateArray());
        Assert.Equal(("tnps", now.ToString("yyyy-MM", CultureInfo.InvariantCulture), -60.0, 50L, "< 0", "Below", null), Describe(only));
        var snapshots = await App.WithScopeAsync(async s =>
            await s.GetRequiredService<LoopwiseDbContext>().Set<KpiStatusSnapshot>().ToDictionaryAsync(x => x.KpiId, x => x.Status), ws.Id);
        Assert.Equal("Action", snapshots["tnps"]);
        Assert.Equal("NoData", snapshots["nps"]); // no relationship survey
        Assert.Equal(KpiSeriesQuery.Ids.Count, snapshots.Count); // every KPI of the dashboards is rated
        Assert.Equal("NoData", snapshots["fcr"]);
    }

    [Fact]
    public async Task Kpis_check_rates_funnel_kpis_too_and_records_a_completion_rate_below_its_action_threshold()
    {
        var ws = await App.CreateWorkspaceAsync();
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        await App.WithScopeAsync(async sp =>
        {
            // 120 started, 66 completed today: completion 55% (< 80, the §10 action threshold), abandonment 45% (> 15).
            var db = sp.GetRequiredService<LoopwiseDbContext>();
            var survey = Guid.NewGuid();
            db.Add(new ResponseRollup { WorkspaceId = ws.Id, SurveyId = survey, Day = today, Started = 120, Completed = 66 });
            db.Add(new ResponseMonthRollup { WorkspaceId = ws.Id, SurveyId = survey, Day = new DateOnly(today.Year, today.Month, 1), Started = 120, Completed = 66 });
            await db.SaveChangesAsync();
            return 0;
        }, ws.Id);

        Assert.Equal(0, await LoopwiseCli.RunAsync(["kpis", "check", "--db", App.Database, "--workspace", ws.Slug]));

        using var events = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/targets/events"));
        var byKpi = events.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("kpi").GetString()!, Describe);
        var period = today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Assert.Equal(("completion_rate", period, 55.0, 120L, "< 80", "Below", null), byKpi["completion_rate"]);
        Assert.Equal(("abandonment_rate", period, 45.0, 120L, "> 15", "Above", null), byKpi["abandonment_rate"]);
        Assert.Equal(2, byKpi.Count);
    }

    private static KpiStatusResult Rate(KpiDefinition definition, double value, long n) =>
        KpiStatusRule.Evaluate(definition, DefaultTargets.Find(definition.Id), value, n);

    private Task<IReadOnlyList<ThresholdCrossing>> CheckAsync(Guid workspaceId, string period, params KpiStatusResult[] current) =>
        App.WithScopeAsync(s => s.GetRequiredService<ThresholdMonitor>().CheckAsync(current, period, CancellationToken.None), workspaceId);

    private static (string?, string?, double, long, string?, string?, string?) Describe(JsonElement e) => (
        e.GetProperty("kpi").GetString(), e.GetProperty("period").GetString(), e.GetProperty("value").GetDouble(), e.GetProperty("n").GetInt64(),
        e.GetProperty("threshold").GetString(), e.GetProperty("direction").GetString(),
        e.GetProperty("statusBefore").ValueKind == JsonValueKind.Null ? null : e.GetProperty("statusBefore").GetString());

    private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

[Collection(Collections.Sqlite)]
public sealed class ThresholdMonitorTests_Sqlite(SqliteAppFixture fixture) : ThresholdMonitorTests(fixture);

[Collection(Collections.Postgres)]
public sealed class ThresholdMonitorTests_Postgres(PostgresAppFixture fixture) : ThresholdMonitorTests(fixture);
