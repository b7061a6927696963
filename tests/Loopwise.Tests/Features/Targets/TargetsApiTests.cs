using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loopwise.Data;
using Loopwise.Features.Audit;
using Loopwise.Features.Targets;
using Loopwise.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Targets;

public abstract class TargetsApiTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Get_lists_every_kpi_with_the_section_10_defaults()
    {
        var ws = await App.CreateWorkspaceAsync();

        var list = await ListAsync(ws);

        // cx-reference.md §10 YAML: nps >= 50 (min_n 30), csat_pct >= 80, fcr benchmark 70-75 and action < 65,
        // first_response_time benchmark < 2 and action > 4, completion_rate >= 85 / < 80; §3 business metrics have none.
        Assert.Equal(20, list.GetArrayLength());
        var nps = Item(list, "nps");
        Assert.Equal((">=", 50.0), Threshold(nps, "effective", "target"));
        Assert.Equal(30, nps.GetProperty("effective").GetProperty("min_n").GetInt32());
        Assert.Equal("HigherIsBetter", nps.GetProperty("polarity").GetString());
        Assert.False(nps.GetProperty("overridden").GetBoolean());
        Assert.Equal((">=", 80.0), Threshold(Item(list, "csat_pct"), "effective", "target"));
        var fcr = Item(list, "fcr").GetProperty("effective");
        Assert.Equal("between", fcr.GetProperty("benchmark").GetProperty("op").GetString());
        Assert.Equal((70.0, 75.0), (fcr.GetProperty("benchmark").GetProperty("low").GetDouble(), fcr.GetProperty("benchmark").GetProperty("high").GetDouble()));
        Assert.Equal(("<", 65.0), Threshold(Item(list, "fcr"), "effective", "action"));
        Assert.Equal(7, fcr.GetProperty("settings").GetProperty("window_days").GetInt32());
        Assert.Equal("repeat_contact", fcr.GetProperty("settings").GetProperty("variant").GetString());
        Assert.Equal(("<", 2.0), Threshold(Item(list, "first_response_time"), "effective", "benchmark"));
        Assert.Equal((">", 4.0), Threshold(Item(list, "first_response_time"), "effective", "action"));
        Assert.Equal(("<", 80.0), Threshold(Item(list, "completion_rate"), "effective", "action"));
        Assert.Equal(JsonValueKind.Null, Item(list, "clv").GetProperty("effective").ValueKind);
        Assert.All(list.EnumerateArray(), k => Assert.False(k.GetProperty("overridden").GetBoolean()));
    }

    [Fact]
    public async Task Put_override_changes_the_effective_target_keeps_the_default_min_n_and_is_audited()
    {
        var ws = await App.CreateWorkspaceAsync();

        var put = await ws.Api.PutAsJsonAsync("/api/v1/targets/nps", new { target = new { op = ">=", value = 40 }, action = new { op = "<", value = 0 } });
        var list = await ListAsync(ws);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var nps = Item(list, "nps");
        Assert.True(nps.GetProperty("overridden").GetBoolean());
        Assert.Equal((">=", 40.0), Threshold(nps, "effective", "target"));
        Assert.Equal(("<", 0.0), Threshold(nps, "effective", "action"));
        Assert.Equal((">=", 50.0), Threshold(nps, "default", "target"));
        Assert.Equal(30, nps.GetProperty("effective").GetProperty("min_n").GetInt32());
        Assert.Equal(1, nps.GetProperty("version").GetInt32());
        var (audit, history) = await App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LoopwiseDbContext>();
            return (await db.Set<AuditEntry>().Where(a => a.Target == "kpi:nps").Select(a => a.Action).ToListAsync(),
                await db.Set<KpiTargetChange>().Select(c => new { c.KpiId, c.Version, c.Action, c.PreviousJson }).ToListAsync());
        }, ws.Id);
        Assert.Equal(["kpi_target.set"], audit);
        var change = Assert.Single(history);
        Assert.Equal(("nps", 1, "set", (string?)null), (change.KpiId, change.Version, change.Action, change.PreviousJson));
        // The store's set rates with the override: NPS +45 meets ">= 40".
        var status = await App.WithScopeAsync(async services =>
            (await services.GetRequiredService<KpiTargetStore>().GetSetAsync(CancellationToken.None))
                .Evaluate(Core.Kpis.KpiCatalog.Get(Core.Kpis.KpiId.Nps), 0.45, 100).Status, ws.Id);
        Assert.Equal(Core.Kpis.KpiStatus.OnTarget, status);
    }

    [Fact]
    public async Task Invalid_puts_are_refused_with_field_paths_and_change_nothing()
    {
        var ws = await App.CreateWorkspaceAsync();

        // An action threshold on the good side of the benchmark (fcr is higher-is-better: "> 80" overlaps "70-75 and above").
        var wrongSide = await ws.Api.PutAsJsonAsync("/api/v1/targets/fcr", new { benchmark = new { op = "between", low = 70, high = 75 }, action = new { op = ">", value = 80 } });
        var unknownOp = await ws.Api.PutAsJsonAsync("/api/v1/targets/nps", new { target = new { op = "=>", value = 50 } });
        var negativeN = await ws.Api.PutAsJsonAsync("/api/v1/targets/nps", new { target = new { op = ">=", value = 50 }, min_n = -1 });
        var rangeAsAction = await ws.Api.PutAsJsonAsync("/api/v1/targets/fcr", new { action = new { op = "between", low = 10, high = 20 } });
        var unknownKpi = await ws.Api.PutAsJsonAsync("/api/v1/targets/happiness", new { target = new { op = ">=", value = 50 } });

        Assert.Contains("fcr.action", await ErrorsAsync(wrongSide));
        Assert.Equal(["nps.target.op"], await ErrorsAsync(unknownOp));
        Assert.Equal(["nps.min_n"], await ErrorsAsync(negativeN));
        Assert.Equal(["fcr.action.op"], await ErrorsAsync(rangeAsAction));
        Assert.Equal(HttpStatusCode.NotFound, unknownKpi.StatusCode);
        var list = await ListAsync(ws);
        Assert.All(list.EnumerateArray(), k => Assert.False(k.GetProperty("overridden").GetBoolean()));
        Assert.Equal(0, await App.WithScopeAsync(async s => await s.GetRequiredService<LoopwiseDbContext>().Set<KpiTargetChange>().CountAsync(), ws.Id));
    }

    [Fact]
    public async Task A_less_than_target_on_a_higher_is_better_kpi_is_accepted_with_a_warning()
    {
        var ws = await App.CreateWorkspaceAsync();

        var put = await ws.Api.PutAsJsonAsync("/api/v1/targets/csat_pct", new { target = new { op = "<", value = 90 } });
        using var saved = JsonDocument.Parse(await put.Content.ReadAsStringAsync());
        var list = await ListAsync(ws);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var warning = Assert.Single(saved.RootElement.GetProperty("warnings").EnumerateArray());
        Assert.Equal(("csat_pct.target.op", "warning"), (warning.GetProperty("path").GetString(), warning.GetProperty("severity").GetString()));
        Assert.Equal(("<", 90.0), Threshold(Item(list, "csat_pct"), "effective", "target"));
        Assert.Single(Item(list, "csat_pct").GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task Delete_restores_the_default_and_keeps_the_history()
    {
        var ws = await App.CreateWorkspaceAsync();
        await ws.Api.PutAsJsonAsync("/api/v1/targets/nps", new { target = new { op = ">=", value = 30 } });

        var delete = await ws.Api.DeleteAsync("/api/v1/targets/nps");
        var list = await ListAsync(ws);

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.False(Item(list, "nps").GetProperty("overridden").GetBoolean());
        Assert.Equal((">=", 50.0), Threshold(Item(list, "nps"), "effective", "target"));
        var history = await App.WithScopeAsync(async services =>
            await services.GetRequiredService<LoopwiseDbContext>().Set<KpiTargetChange>().OrderBy(c => c.Version)
                .Select(c => new { c.Version, c.Action, c.NewJson, c.PreviousJson }).ToListAsync(), ws.Id);
        Assert.Equal([(1, "set"), (2, "reset")], history.Select(h => (h.Version, h.Action)));
        Assert.Null(history[1].NewJson);
        Assert.Equal(history[0].NewJson, history[1].PreviousJson);
        Assert.Contains("\"op\":\">=\",\"value\":30", history[0].NewJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_needs_dashboards_read_and_changing_needs_surveys_publish()
    {
        var ws = await App.CreateWorkspaceAsync();
        var created = await ws.Api.PostAsJsonAsync("/api/v1/api-keys", new { name = "viewer", scopes = new[] { "dashboards.read" } });
        using var key = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        using var viewer = App.CreateClient();
        viewer.DefaultRequestHeaders.Authorization = new("Bearer", key.RootElement.GetProperty("key").GetString());

        var read = await viewer.GetAsync("/api/v1/targets");
        var write = await viewer.PutAsJsonAsync("/api/v1/targets/nps", new { target = new { op = ">=", value = 10 } });
        var reset = await viewer.DeleteAsync("/api/v1/targets/nps");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
    }

    [Fact]
    public async Task Another_workspaces_targets_are_invisible_and_untouched()
    {
        var a = await App.CreateWorkspaceAsync();
        var b = await App.CreateWorkspaceAsync();
        await a.Api.PutAsJsonAsync("/api/v1/targets/nps", new { target = new { op = ">=", value = 20 } });

        var listB = await ListAsync(b);
        await b.Api.DeleteAsync("/api/v1/targets/nps");
        var listA = await ListAsync(a);

        Assert.False(Item(listB, "nps").GetProperty("overridden").GetBoolean());
        Assert.Equal((">=", 50.0), Threshold(Item(listB, "nps"), "effective", "target"));
        Assert.Equal((">=", 20.0), Threshold(Item(listA, "nps"), "effective", "target"));
    }

    [Fact]
    public async Task Settings_page_shows_field_errors_beside_fields_saves_and_resets_without_javascript()
    {
        var ws = await App.CreateWorkspaceAsync();
        using var browser = new BrowserSession(App);
        await browser.SignInAsync(ws.Email, ws.Password);
        var url = "/settings/targets?edit=fcr";
        Dictionary<string, string> Form(string actionOp, string actionValue) => new()
        {
            ["Input.BenchmarkOp"] = "between", ["Input.BenchmarkLow"] = "70", ["Input.BenchmarkHigh"] = "75",
            ["Input.ActionOp"] = actionOp, ["Input.ActionValue"] = actionValue, ["Input.Enabled"] = "true",
            ["Input.Variant"] = "repeat_contact", ["Input.WindowDays"] = "7",
        };

        var listing = await browser.Client.GetStringAsync("/settings/targets");
        var refused = await browser.SubmitFormAsync(url, "#target-form", Form("<", "seventy"));
        var wrongSide = await browser.SubmitFormAsync(url, "#target-form", Form(">", "80"));
        var saved = await browser.SubmitFormAsync(url, "#target-form", Form("<", "60"));
        var afterSave = await ListAsync(ws);
        var reset = await browser.SubmitFormAsync("/settings/targets", "tr[data-kpi=fcr] form[action*='Reset']", new Dictionary<string, string>());

        Assert.Contains("First contact resolution", listing, StringComparison.Ordinal);
        Assert.Contains("&lt; 65", listing, StringComparison.Ordinal);
        Assert.Contains("Enter a number", ErrorBeside(refused, "Input_ActionValue"), StringComparison.Ordinal);
        Assert.Contains("overlaps", ErrorBeside(wrongSide, "Input_ActionOp"), StringComparison.Ordinal);
        Assert.Contains("saved", saved, StringComparison.Ordinal);
        Assert.Equal(("<", 60.0), Threshold(Item(afterSave, "fcr"), "effective", "action"));
        Assert.Contains("reset to the default", reset, StringComparison.Ordinal);
        Assert.Equal(("<", 65.0), Threshold(Item(await ListAsync(ws), "fcr"), "effective", "action"));
    }

    internal static async Task<JsonElement> ListAsync(TestWorkspace ws)
    {
        using var document = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/targets"));
        return document.RootElement.Clone();
    }

    internal static JsonElement Item(JsonElement list, string kpi) =>
        list.EnumerateArray().Single(k => k.GetProperty("kpi").GetString() == kpi);

    private static (string?, double) Threshold(JsonElement item, string which, string field)
    {
        var t = item.GetProperty(which).GetProperty(field);
        return (t.GetProperty("op").GetString(), t.GetProperty("value").GetDouble());
    }

    private static async Task<List<string>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
    }

    // The text of the error element that follows the field in the same fieldset or paragraph.
    private static string ErrorBeside(string html, string fieldId)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var field = document.GetElementById(fieldId) ?? throw new InvalidOperationException($"No field {fieldId}.");
        for (var next = field.NextElementSibling; next is not null; next = next.NextElementSibling)
        {
            if (next.ClassList.Contains("error"))
            {
                return next.TextContent.Trim();
            }
        }

        return string.Empty;
    }
}

[Collection(Collections.Sqlite)]
public sealed class TargetsApiTests_Sqlite(SqliteAppFixture fixture) : TargetsApiTests(fixture);

[Collection(Collections.Postgres)]
public sealed class TargetsApiTests_Postgres(PostgresAppFixture fixture) : TargetsApiTests(fixture);
