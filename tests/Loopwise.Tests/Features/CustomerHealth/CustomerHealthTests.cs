using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Commerce;
using Loopwise.Features.CustomerHealth;
using Loopwise.Features.Customers;
using Loopwise.Features.Responses;
using Loopwise.Features.Support;
using Loopwise.Features.Surveys;
using Loopwise.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.CustomerHealth;

/// <summary>
/// Customer health scores through the API with the shipped default model (cx-reference.md §3): H = Σ wᵢ·sᵢ / Σ wᵢ over
/// the present components, coverage = Σw(present)/Σw(all), "insufficient data" below 60%, versions never rewritten.
/// </summary>
public abstract class CustomerHealthTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    private static readonly DateTime Now = TimeProvider.System.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Customer_with_promoter_csat_five_one_recent_ticket_and_a_ten_day_old_order_gets_the_hand_computed_score()
    {
        var ws = await App.CreateWorkspaceAsync();
        await SeedAsync(ws);

        using var run = JsonDocument.Parse(await (await ws.Api.PostAsync("/api/v1/health/score", null)).EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        using var health = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/health/customers/full"));

        // Default model: nps 30, csat_pct 20, ces_effort 10, tickets_30d 20, days_since_last_order 20 (Σw = 100).
        // nps: latest relationship answer 9 (promoter) → +1 → (100 + 100)/2 = 100 (the older detractor answer is ignored);
        // csat_pct: one answer 5 of 5 favourable → 1 → 100; ces_effort: no CES answer → missing;
        // tickets_30d: 1 (the 45-day-old ticket is outside the window) → (5 − 1)/(5 − 0)·100 = 80;
        // days_since_last_order: 10 → band ≤ 30 → 100.
        // Coverage = (30 + 20 + 20 + 20)/100 = 0.9; H = (30·100 + 20·100 + 20·80 + 20·100)/90 = 8600/90 = 95.555… → healthy.
        var root = health.RootElement;
        Assert.Equal(8600.0 / 90.0, root.GetProperty("score").GetDouble(), 9);
        Assert.Equal(0.9, root.GetProperty("coverage").GetDouble(), 12);
        Assert.Equal("Healthy", root.GetProperty("band").GetString());
        Assert.Equal(("default", 1), (root.GetProperty("modelId").GetString(), root.GetProperty("modelVersion").GetInt32()));
        var contributions = root.GetProperty("contributions").EnumerateArray().ToDictionary(c => c.GetProperty("signal").GetString()!);
        Assert.Equal(JsonValueKind.Null, contributions["ces_effort"].GetProperty("componentScore").ValueKind);
        Assert.Equal(1.0, contributions["tickets_30d"].GetProperty("rawValue").GetDouble());
        Assert.Equal(80.0, contributions["tickets_30d"].GetProperty("componentScore").GetDouble(), 12);
        Assert.Equal(20.0 / 90.0 * 80.0, contributions["tickets_30d"].GetProperty("points").GetDouble(), 9);
        Assert.Equal(10.0, contributions["days_since_last_order"].GetProperty("rawValue").GetDouble());
        Assert.Equal(1.0, contributions["nps"].GetProperty("rawValue").GetDouble());

        // Two customers: "full" healthy, "nps-only" insufficient.
        var counts = run.RootElement;
        Assert.Equal((2, 1, 0, 0, 1), (counts.GetProperty("customers").GetInt32(), counts.GetProperty("healthy").GetInt32(),
            counts.GetProperty("atRisk").GetInt32(), counts.GetProperty("critical").GetInt32(), counts.GetProperty("insufficientData").GetInt32()));
    }

    [Fact]
    public async Task Customer_with_only_an_nps_answer_has_coverage_three_tenths_and_insufficient_data()
    {
        var ws = await App.CreateWorkspaceAsync();
        await SeedAsync(ws);
        (await ws.Api.PostAsync("/api/v1/health/score", null)).EnsureSuccessStatusCode();

        using var health = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/health/customers/nps-only"));

        // Only nps (weight 30 of 100) is present: coverage 0.3 < 0.6 → no score, no band.
        var root = health.RootElement;
        Assert.Equal(0.3, root.GetProperty("coverage").GetDouble(), 12);
        Assert.True(root.GetProperty("insufficientData").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("score").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("band").ValueKind);
    }

    [Fact]
    public async Task A_new_model_version_changes_later_scores_while_the_stored_earlier_score_keeps_its_version()
    {
        var ws = await App.CreateWorkspaceAsync();
        await SeedAsync(ws);
        (await ws.Api.PostAsync("/api/v1/health/score", null)).EnsureSuccessStatusCode();

        using var created = await ws.Api.PostAsJsonAsync("/api/v1/health/models/default/versions", new
        {
            effectiveFrom = DateOnly.FromDateTime(Now),
            segmentFilter = (string?)null,
            components = new object[]
            {
                new { signal = "nps", weight = 50, normaliser = new { kind = "nps" } },
                new { signal = "tickets_30d", weight = 50, normaliser = new { kind = "reversedMinMax", lo = 0, hi = 5 } },
            },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await Task.Delay(5); // two runs never share a scored_at
        (await ws.Api.PostAsync("/api/v1/health/score", null)).EnsureSuccessStatusCode();

        using var health = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/health/customers/full"));
        using var versions = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/health/models/default/versions"));

        // Version 2: (50·100 + 50·80)/100 = 90 with coverage 1.
        Assert.Equal(2, health.RootElement.GetProperty("modelVersion").GetInt32());
        Assert.Equal(90.0, health.RootElement.GetProperty("score").GetDouble(), 9);
        Assert.Equal(new[] { (1, "system"), (2, "key") }, versions.RootElement.EnumerateArray()
            .Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("createdBy").GetString()!.Split(':')[0])));
        var stored = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LoopwiseDbContext>();
            var id = await db.Set<Customer>().Where(c => c.ExternalId == "full").Select(c => c.Id).SingleAsync();
            return await db.Set<HealthScoreRow>().Where(s => s.CustomerId == id).OrderBy(s => s.ScoredAt).Select(s => new { s.ModelVersion, s.Score }).ToListAsync();
        }, ws.Id);
        Assert.Equal(2, stored.Count);
        Assert.Equal(1, stored[0].ModelVersion);
        Assert.Equal(8600.0 / 90.0, stored[0].Score!.Value, 9);
        Assert.Equal(2, stored[1].ModelVersion);
    }

    [Fact]
    public async Task An_invalid_model_is_refused_with_field_paths_and_nothing_is_stored()
    {
        var ws = await App.CreateWorkspaceAsync();

        using var response = await ws.Api.PostAsJsonAsync("/api/v1/health/models/default/versions", new
        {
            effectiveFrom = DateOnly.FromDateTime(Now),
            components = new object[]
            {
                new { signal = "nps", weight = -1, normaliser = new { kind = "nps" } },
                new { signal = "NPS", weight = 10, normaliser = new { kind = "nps" } },
            },
        });
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var versions = JsonDocument.Parse(await ws.Api.GetStringAsync("/api/v1/health/models/default/versions"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "components[0].weight", "components[1].signal" }, errors);
        var only = Assert.Single(versions.RootElement.EnumerateArray());
        Assert.False(only.GetProperty("stored").GetBoolean());
        Assert.Equal(0, await App.WithScopeAsync(sp => sp.GetRequiredService<LoopwiseDbContext>().Set<HealthModelRow>().CountAsync(), ws.Id));
    }

    [Fact]
    public async Task Another_workspace_sees_neither_the_models_nor_the_scores()
    {
        var a = await App.CreateWorkspaceAsync();
        var b = await App.CreateWorkspaceAsync();
        await SeedAsync(a);
        using var created = await a.Api.PostAsJsonAsync("/api/v1/health/models/a-secret-model/versions", new
        {
            effectiveFrom = DateOnly.FromDateTime(Now),
            components = new object[] { new { signal = "nps", weight = 1, normaliser = new { kind = "nps" } } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        (await a.Api.PostAsync("/api/v1/health/score", null)).EnsureSuccessStatusCode();

        var models = await b.Api.GetStringAsync("/api/v1/health/models");
        using var bRun = JsonDocument.Parse(await (await b.Api.PostAsync("/api/v1/health/score", null)).EnsureSuccessStatusCode().Content.ReadAsStringAsync());

        Assert.DoesNotContain("a-secret-model", models, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Api.GetAsync("/api/v1/health/models/a-secret-model/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Api.GetAsync("/api/v1/health/customers/full")).StatusCode);
        Assert.Equal(0, bRun.RootElement.GetProperty("customers").GetInt32());
        var month = DateOnly.FromDateTime(Now);
        var bCells = await App.WithScopeAsync(sp => sp.GetRequiredService<HealthKpiCells>().MonthlyAsync(month, month, CancellationToken.None), b.Id);
        Assert.Equal(0, Assert.Single(bCells).Customers);
        var aCells = await App.WithScopeAsync(sp => sp.GetRequiredService<HealthKpiCells>().MonthlyAsync(month, month, CancellationToken.None), a.Id);
        Assert.Equal(2, Assert.Single(aCells).Customers); // "full" (default model) and "nps-only" (a-secret-model: nps alone covers it)
    }

    [Fact]
    public async Task Monthly_cells_take_each_customers_latest_score_within_the_month_and_skip_insufficient_data()
    {
        var ws = await App.CreateWorkspaceAsync();
        var (c1, c2) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LoopwiseDbContext>();
            HealthScoreRow Score(Guid customer, DateTime at, double? value) => new()
            {
                WorkspaceId = ws.Id, CustomerId = customer, ModelId = "default", ModelVersion = 1, ScoredAt = at, Score = value, Coverage = 1,
                Band = null, ContributionsJson = "[]",
            };
            db.AddRange(
                Score(c1, Utc(2026, 1, 5), 40), Score(c1, Utc(2026, 1, 20), 80), // January: c1's latest is 80
                Score(c2, Utc(2026, 1, 10), 60), Score(c2, Utc(2026, 1, 25), null), // c2's later January score has no value: 60 counts
                Score(c1, Utc(2026, 3, 1), 70), // March: c1 only
                Score(c2, Utc(2026, 4, 2), 10)); // April: outside the range
            await db.SaveChangesAsync();
            return 0;
        }, ws.Id);

        var cells = await App.WithScopeAsync(sp => sp.GetRequiredService<HealthKpiCells>().MonthlyAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), CancellationToken.None), ws.Id);

        Assert.Equal(new[] { (new DateOnly(2026, 1, 1), 2L, 140.0), (new DateOnly(2026, 2, 1), 0L, 0.0), (new DateOnly(2026, 3, 1), 1L, 70.0) }, cells);
    }

    [Fact]
    public async Task The_page_scores_every_customer_and_shows_the_counts_per_band_and_the_lowest_scores()
    {
        var ws = await App.CreateWorkspaceAsync();
        await SeedAsync(ws);
        using var browser = new BrowserSession(App);
        await browser.SignInAsync(ws.Email, ws.Password);

        var html = await browser.SubmitFormAsync("/customers/health", "#score-form", new Dictionary<string, string>());

        Assert.Contains("Scored 2 customer(s): 1 healthy, 0 at risk, 0 critical, 1 with insufficient data.", html, StringComparison.Ordinal);
        Assert.Contains("healthy: 1", html, StringComparison.Ordinal);
        Assert.Contains("insufficient data: 1", html, StringComparison.Ordinal);
        Assert.Contains("<td>95.6</td>", html, StringComparison.Ordinal); // 8600/90 = 95.56, shown with one decimal
    }

    private static DateTime Utc(int year, int month, int day) => new(year, month, day, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// "full": a relationship survey answered 3 (60 days ago) then 9 (2 days ago) with CSAT 5, one ticket 3 days ago and
    /// one 45 days ago, an order 10 days ago. "nps-only": a relationship-survey NPS answer of 10 and nothing else.
    /// </summary>
    private async Task SeedAsync(TestWorkspace ws) => await App.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<LoopwiseDbContext>();
        var definition = new SurveyDefinition
        {
            DefaultLanguage = "en",
            Languages = ["en"],
            Title = new LocalizedText("en", "Relationship"),
            Questions =
            [
                new Question { Id = "nps", Type = QuestionType.Nps, Text = new LocalizedText("en", "Recommend?") },
                new Question { Id = "csat", Type = QuestionType.Csat, Text = new LocalizedText("en", "Satisfied?") },
            ],
        };
        var survey = new Survey
        {
            WorkspaceId = ws.Id, Id = Guid.CreateVersion7(), Name = "Relationship", Kind = SurveyKind.Relationship, Status = SurveyStatus.Published,
            LinkToken = Guid.NewGuid().ToString("N")[..12], DefinitionJson = SurveyJson.Serialize(definition), CreatedAt = Now, UpdatedAt = Now,
        };
        var full = new Customer { WorkspaceId = ws.Id, Id = Guid.CreateVersion7(), ExternalId = "full", CreatedAt = Now };
        var npsOnly = new Customer { WorkspaceId = ws.Id, Id = Guid.CreateVersion7(), ExternalId = "nps-only", CreatedAt = Now };
        SurveyResponse Response(Customer customer, DateTime at, params (string Id, int Value)[] answers) => new()
        {
            WorkspaceId = ws.Id, Id = Guid.CreateVersion7(), SurveyId = survey.Id, SurveyVersion = 1, CustomerId = customer.Id, Channel = DistributionChannel.Api,
            Language = "en", StartedAt = at, CompletedAt = at,
            AnswersJson = SurveyJson.Serialize(AnswerSet.Of([.. answers.Select(a => (a.Id, AnswerValue.OfNumber(a.Value)))])),
        };
        Ticket NewTicket(string id, DateTime at) => new()
        {
            WorkspaceId = ws.Id, Id = Guid.CreateVersion7(), ExternalId = id, CustomerId = full.Id, Channel = "email", CreatedAt = at, CreatedBy = "customer", Status = "new",
        };
        db.AddRange(survey, full, npsOnly,
            Response(full, Now.AddDays(-60), ("nps", 3)),
            Response(full, Now.AddDays(-2), ("nps", 9), ("csat", 5)),
            Response(npsOnly, Now.AddDays(-5), ("nps", 10)),
            NewTicket("t-recent", Now.AddDays(-3)),
            NewTicket("t-old", Now.AddDays(-45)),
            new Order { WorkspaceId = ws.Id, Id = Guid.CreateVersion7(), ExternalId = "o1", CustomerId = full.Id, OrderedAt = Now.AddDays(-10), AmountMinor = 1000, Currency = "EUR" });
        await db.SaveChangesAsync();
        return 0;
    }, ws.Id);
}

[Collection(Collections.Sqlite)]
public sealed class CustomerHealthTests_Sqlite(SqliteAppFixture fixture) : CustomerHealthTests(fixture);

[Collection(Collections.Postgres)]
public sealed class CustomerHealthTests_Postgres(PostgresAppFixture fixture) : CustomerHealthTests(fixture);
