using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Customers;
using Loopwise.Features.Kpis;
using Loopwise.Features.Metrics;
using Loopwise.Features.Responses;
using Loopwise.Features.Surveys;
using Loopwise.Features.Touchpoints;
using Loopwise.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Kpis;

/// <summary>
/// Random responses through the real API (batches and single posts, with and without customers, touchpoints and
/// dimension values), then random slices: every count answered from rollups equals the count from scanning the facts.
/// </summary>
public abstract class SurveyKpiRollupPropertyTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    private static readonly DateOnly FirstDay = new(2026, 1, 1);
    private const int Days = 75;

    [Fact]
    public async Task Every_slice_answered_from_rollups_equals_the_scan_of_the_facts()
    {
        var random = new Random(20261124);
        var ws = await App.CreateWorkspaceAsync();
        var (relationship, transactional, touchpoints) = await SeedAsync(ws);
        await ws.Api.PutAsJsonAsync("/api/v1/dimensions", new[] { new { attribute = "region", label = "Region" }, new { attribute = "plan", label = "Plan" } });

        for (var batch = 0; batch < 4; batch++)
        {
            var items = Enumerable.Range(0, 120).Select(_ => Response(random, batch % 2 == 0 ? "rel" : "tx", touchpoints)).ToList();
            var survey = batch % 2 == 0 ? relationship : transactional;
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/surveys/{survey}/responses/batch") { Content = JsonContent.Create(new { responses = items }) };
            request.Headers.Add("Idempotency-Key", $"property-{batch}");
            Assert.Equal(HttpStatusCode.Created, (await ws.Api.SendAsync(request)).StatusCode);
        }

        foreach (var i in Enumerable.Range(0, 30))
        {
            var survey = i % 2 == 0 ? relationship : transactional;
            var single = await ws.Api.PostAsJsonAsync($"/api/v1/surveys/{survey}/responses", Response(random, i % 2 == 0 ? "rel" : "tx", touchpoints));
            Assert.Equal(HttpStatusCode.Created, single.StatusCode);
        }

        await App.WithScopeAsync(async sp =>
        {
            await MonthRollups.AssertFoldOfDaysAsync(sp.GetRequiredService<LoopwiseDbContext>(), ws.Id, "answer", "response", "answer_dimension");
            return true;
        }, ws.Id);

        var compared = 0;
        var fromRollups = 0;
        var wholeMonths = 0;
        var nonEmpty = 0;
        for (var i = 0; i < 60; i++)
        {
            var kpi = SurveyKpis.All[random.Next(SurveyKpis.All.Count)];
            var slice = RandomSlice(random, touchpoints, relationship, transactional);
            var (auto, facts) = await App.WithScopeAsync(async sp =>
            {
                var reader = sp.GetRequiredService<SurveyKpiCounts>();
                return (await reader.ReadAsync(kpi, slice, KpiSource.Auto, CancellationToken.None), await reader.ReadAsync(kpi, slice, KpiSource.Facts, CancellationToken.None));
            }, ws.Id);

            Assert.False(facts.FromRollups);
            Assert.Equal(slice.CoveredByRollups, auto.FromRollups);
            Assert.Equal(Describe(facts), Describe(auto));
            compared++;
            fromRollups += auto.FromRollups ? 1 : 0;
            wholeMonths += auto.FromRollups && RollupSpan.Of(slice.From, slice.To, slice.Interval).HasMonths ? 1 : 0;
            nonEmpty += auto.Cells.Count > 0 ? 1 : 0;
        }

        Assert.Equal(60, compared);
        Assert.InRange(fromRollups, 25, 59); // both paths exercised
        Assert.True(wholeMonths >= 8, $"only {wholeMonths} slices read whole months from the month rollups");
        Assert.True(nonEmpty >= 30, $"only {nonEmpty} slices had answers");
    }

    private static object Response(Random random, string kind, IReadOnlyList<(Guid Id, string Key)> touchpoints)
    {
        var answers = new Dictionary<string, object> { ["nps"] = random.Next(0, 11) };
        if (random.Next(4) > 0)
        {
            answers[kind == "rel" ? "csat" : "ces"] = kind == "rel" ? random.Next(1, 6) : random.Next(1, 6);
        }

        return new
        {
            answers,
            touchpointKey = random.Next(4) == 0 ? null : touchpoints[random.Next(touchpoints.Count)].Key,
            customerExternalId = random.Next(5) == 0 ? null : $"C{random.Next(0, 20)}",
            completedAt = FirstDay.AddDays(random.Next(0, Days)).ToDateTime(new TimeOnly(random.Next(0, 24), random.Next(0, 60)), DateTimeKind.Utc),
        };
    }

    private static KpiSlice RandomSlice(Random random, IReadOnlyList<(Guid Id, string Key)> touchpoints, Guid relationship, Guid transactional)
    {
        // Ranges cut months anywhere, or start and end on month boundaries (whole months come from the month rollups).
        var from = FirstDay.AddDays(random.Next(-5, Days));
        var to = from.AddDays(random.Next(0, 75));
        if (random.Next(2) == 0)
        {
            from = new DateOnly(from.Year, from.Month, 1);
            to = random.Next(2) == 0 ? new DateOnly(to.Year, to.Month, 1).AddMonths(1).AddDays(-1) : to;
        }

        var by = (KpiGrouping)random.Next(0, 6);
        var dimensions = new[] { "region", "plan" };
        return new KpiSlice(
            from,
            to,
            (TrendInterval)random.Next(0, 4),
            SurveyId: random.Next(4) == 0 ? (random.Next(2) == 0 ? relationship : transactional) : null,
            TouchpointId: random.Next(5) == 0 ? touchpoints[random.Next(touchpoints.Count)].Id : null,
            Channel: random.Next(6) == 0 ? Channel.Web : null,
            Stage: random.Next(6) == 0 ? "Purchase" : null,
            WhereDimension: random.Next(3) == 0 ? "region" : null,
            WhereValue: "North",
            By: by,
            ByDimension: by == KpiGrouping.Dimension ? dimensions[random.Next(2)] : null) is var slice && slice.WhereDimension is null
                ? slice with { WhereValue = null }
                : slice;
    }

    private static string Describe(KpiCells counts) =>
        string.Join('\n', counts.Cells.OrderBy(c => c.Key.Group, StringComparer.Ordinal).ThenBy(c => c.Key.Period)
            .Select(c => $"{c.Key.Group}|{c.Key.Period:yyyy-MM-dd}|{string.Join(',', ((ScaleCell)c.Value).Counts.Counts)}"));

    private async Task<(Guid Relationship, Guid Transactional, IReadOnlyList<(Guid Id, string Key)> Touchpoints)> SeedAsync(TestWorkspace ws) =>
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LoopwiseDbContext>();
            var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var touchpoints = new List<(Guid, string)>();
            foreach (var (key, channel, stage) in new[] { ("web", Channel.Web, "Purchase"), ("store", Channel.InPerson, "Purchase"), ("phone", Channel.Phone, "Support"), ("app", Channel.App, (string?)null) })
            {
                var id = Guid.NewGuid();
                touchpoints.Add((id, key));
                db.Add(new Touchpoint { WorkspaceId = ws.Id, Id = id, Key = key, Name = key, Channel = channel, JourneyStage = stage, CreatedAt = now });
            }

            var regions = new[] { "North", "South", "East" };
            var plans = new[] { "Free", "Pro" };
            for (var i = 0; i < 20; i++)
            {
                var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["region"] = regions[i % 3] };
                if (i % 4 != 0)
                {
                    attributes["plan"] = plans[i % 2]; // some customers have no plan: not counted under "plan"
                }

                db.Add(new Customer { WorkspaceId = ws.Id, Id = Guid.NewGuid(), ExternalId = $"C{i}", AttributesJson = JsonSerializer.Serialize(attributes), CreatedAt = now });
            }

            var relationship = NewSurvey(ws.Id, SurveyKind.Relationship, now, new Question { Id = "nps", Type = QuestionType.Nps, Text = new LocalizedText("en", "Recommend?"), Required = true },
                new Question { Id = "csat", Type = QuestionType.Csat, Text = new LocalizedText("en", "Satisfied?") });
            var transactional = NewSurvey(ws.Id, SurveyKind.Transactional, now, new Question { Id = "nps", Type = QuestionType.Nps, Text = new LocalizedText("en", "Recommend?"), Required = true },
                new Question { Id = "ces", Type = QuestionType.Ces, ScaleId = "ces_effort_1_5", Text = new LocalizedText("en", "Effort?") });
            db.AddRange(relationship, transactional);
            await db.SaveChangesAsync();
            return (relationship.Id, transactional.Id, (IReadOnlyList<(Guid, string)>)touchpoints);
        }, ws.Id);

    private static Survey NewSurvey(Guid workspaceId, SurveyKind kind, DateTime now, params Question[] questions) => new()
    {
        WorkspaceId = workspaceId,
        Id = Guid.NewGuid(),
        Name = kind.ToString(),
        Kind = kind,
        Status = SurveyStatus.Published,
        LinkToken = "p" + Guid.NewGuid().ToString("N")[..10],
        DefinitionJson = SurveyJson.Serialize(new SurveyDefinition { DefaultLanguage = "en", Languages = ["en"], Title = new LocalizedText("en", kind.ToString()), Questions = [.. questions] }),
        CreatedAt = now,
        UpdatedAt = now,
    };
}

[Collection(Collections.Sqlite)]
public sealed class SurveyKpiRollupPropertyTests_Sqlite(SqliteAppFixture fixture) : SurveyKpiRollupPropertyTests(fixture);

[Collection(Collections.Postgres)]
public sealed class SurveyKpiRollupPropertyTests_Postgres(PostgresAppFixture fixture) : SurveyKpiRollupPropertyTests(fixture);
