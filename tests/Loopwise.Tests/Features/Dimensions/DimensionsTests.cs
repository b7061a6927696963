using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Customers;
using Loopwise.Features.Dimensions;
using Loopwise.Tests.Features.Responses;
using Loopwise.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Dimensions;

public abstract class DimensionsTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    private static readonly DateTime Completed = new(2026, 5, 6, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Dimensions_are_replaced_and_listed_in_order()
    {
        var ws = await App.CreateWorkspaceAsync();

        var put = await ws.Api.PutAsJsonAsync("/api/v1/dimensions", new[] { new { attribute = "region", label = "Region" }, new { attribute = "plan", label = "Plan" } });
        var listed = await ws.Api.GetFromJsonAsync<List<DimensionDto>>("/api/v1/dimensions");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(new[] { "region:Region", "plan:Plan" }, listed!.Select(d => $"{d.Attribute}:{d.Label}"));
    }

    [Fact]
    public async Task Invalid_dimensions_are_refused_per_field_and_the_stored_list_is_kept()
    {
        var ws = await App.CreateWorkspaceAsync();
        await ws.Api.PutAsJsonAsync("/api/v1/dimensions", new[] { new { attribute = "region", label = "Region" } });

        var put = await ws.Api.PutAsJsonAsync("/api/v1/dimensions", new[]
        {
            new { attribute = "Region!", label = "Region" },
            new { attribute = "plan", label = "" },
            new { attribute = "plan", label = "Plan again" },
        });
        using var problem = JsonDocument.Parse(await put.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal(new[] { "dimensions[0].attribute", "dimensions[1].label", "dimensions[2].attribute" }, errors);
        Assert.Equal("region", Assert.Single((await ws.Api.GetFromJsonAsync<List<DimensionDto>>("/api/v1/dimensions"))!).Attribute);
    }

    [Fact]
    public async Task Responses_carry_their_customers_dimension_values_and_the_dimension_rollups_equal_a_recount()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);
        await ws.Api.PutAsJsonAsync("/api/v1/dimensions", new[] { new { attribute = "region", label = "Region" }, new { attribute = "value_tier", label = "Value tier" } });
        var regions = new[] { "North", "South", "West" };
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LoopwiseDbContext>();
            for (var i = 0; i < 12; i++)
            {
                // Customer 11 has no attributes at all; customer 10 has only a region.
                var attributes = i switch
                {
                    11 => null,
                    10 => """{"region":"East"}""",
                    _ => JsonSerializer.Serialize(new Dictionary<string, string> { ["region"] = regions[i % 3], ["value_tier"] = i < 4 ? "Gold" : "Silver", ["plan"] = "Pro" }),
                };
                db.Add(new Customer { WorkspaceId = ws.Id, Id = Guid.NewGuid(), ExternalId = $"C{i}", AttributesJson = attributes, CreatedAt = Completed });
            }

            await db.SaveChangesAsync();
            return 0;
        }, ws.Id);
        var random = new Random(11);

        // A batch (bulk path), then single responses (one round trip, slots on PostgreSQL), one without a customer.
        var batch = Enumerable.Range(0, 60).Select(i => (object)new
        {
            answers = new Dictionary<string, object> { ["nps"] = random.Next(0, 11), ["csat"] = random.Next(1, 6) },
            customerExternalId = $"C{random.Next(0, 12)}",
            completedAt = Completed.AddHours(-random.Next(0, 72)),
        }).ToList();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/surveys/{survey.Id}/responses/batch") { Content = JsonContent.Create(new { responses = batch }) };
        request.Headers.Add("Idempotency-Key", "dimensions-batch");
        Assert.Equal(HttpStatusCode.Created, (await ws.Api.SendAsync(request)).StatusCode);
        for (var i = 0; i < 8; i++)
        {
            var single = await ws.Api.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/responses", new
            {
                answers = new Dictionary<string, object> { ["nps"] = i, ["csat"] = 1 + (i % 5) },
                customerExternalId = i == 7 ? null : $"C{i}",
                completedAt = Completed,
            });
            Assert.Equal(HttpStatusCode.Created, single.StatusCode);
        }

        var stored = await ResponsesTestSurvey.ResponsesAsync(App, ws.Id, survey.Id);
        var rollups = await App.WithScopeAsync(sp => sp.GetRequiredService<LoopwiseDbContext>().Set<AnswerDimensionRollup>().AsNoTracking().Where(r => r.SurveyId == survey.Id).ToListAsync(), ws.Id);
        var recount = stored
            .Where(r => r.DimensionsJson is not null)
            .SelectMany(r => JsonSerializer.Deserialize<Dictionary<string, string>>(r.DimensionsJson!)!.SelectMany(d =>
                SurveyJson.DeserializeAnswers(r.AnswersJson).Answers.Where(a => a.Value.Number is not null)
                    .Select(a => $"{a.Key}|{d.Key}={d.Value}|{DateOnly.FromDateTime(r.CompletedAt!.Value):yyyy-MM-dd}|{a.Value.Number}")))
            .GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        var folded = rollups.GroupBy(r => $"{r.QuestionId}|{r.Dimension}={r.DimensionValue}|{r.Day:yyyy-MM-dd}|{r.Value}", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Count), StringComparer.Ordinal);

        Assert.Equal(68, stored.Count);
        Assert.Null(stored.Single(r => r.CustomerId is null).DimensionsJson);
        var c0 = await App.WithScopeAsync(sp => sp.GetRequiredService<LoopwiseDbContext>().Set<Customer>().SingleAsync(c => c.ExternalId == "C0"), ws.Id);
        Assert.All(stored.Where(r => r.CustomerId == c0.Id), r => Assert.Equal("""{"region":"North","value_tier":"Gold"}""", r.DimensionsJson));
        Assert.DoesNotContain(stored, r => r.DimensionsJson is { } json && json.Contains("plan", StringComparison.Ordinal)); // not a dimension
        Assert.NotEmpty(recount);
        Assert.Equal(recount.OrderBy(k => k.Key, StringComparer.Ordinal), folded.OrderBy(k => k.Key, StringComparer.Ordinal));
        Assert.Contains(folded.Keys, k => k.Contains("region=East", StringComparison.Ordinal));
        Assert.DoesNotContain(folded.Keys, k => k.Contains("value_tier=", StringComparison.Ordinal) && k.Contains("East", StringComparison.Ordinal));
    }
}

[Collection(Collections.Sqlite)]
public sealed class DimensionsTests_Sqlite(SqliteAppFixture fixture) : DimensionsTests(fixture);

[Collection(Collections.Postgres)]
public sealed class DimensionsTests_Postgres(PostgresAppFixture fixture) : DimensionsTests(fixture);
