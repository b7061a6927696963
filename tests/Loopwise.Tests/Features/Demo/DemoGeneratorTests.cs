using System.Collections.Concurrent;
using Loopwise.Core.Metrics;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Audit;
using Loopwise.Features.Customers;
using Loopwise.Features.Demo;
using Loopwise.Features.Kpis;
using Loopwise.Features.Responses;
using Loopwise.Features.Surveys;
using Loopwise.Features.Touchpoints;
using Loopwise.Features.Users;
using Loopwise.Tests.Infrastructure;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Demo;

public abstract class DemoGeneratorTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    /// <summary>"Now" for every build here: the window is 2025-07-01 .. 2026-06-30, twelve whole months.</summary>
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);

    private const int Responses = 2_000;

    /// <summary>One 2 000-response build per database, shared by the read-only tests of this class.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<Task<DemoResult>>> SharedBuilds = new(StringComparer.Ordinal);

    private Task<DemoResult> SharedAsync() =>
        SharedBuilds.GetOrAdd(App.Database, _ => new Lazy<Task<DemoResult>>(async () =>
            (await BuildAsync(new DemoOptions { Slug = NewSlug(), Responses = Responses, Seed = 42 })).Value!)).Value;

    [Fact]
    public async Task Builds_eleven_touchpoints_on_eight_channels_across_the_six_journey_stages()
    {
        var demo = await SharedAsync();

        var touchpoints = await QueryAsync(demo, db => db.Set<Touchpoint>().ToListAsync());

        Assert.Equal(11, touchpoints.Count);
        Assert.Equal(8, touchpoints.Select(t => t.Channel).Distinct().Count());
        Assert.Equal(new[] { "Discover", "Buy", "Receive", "Use", "Get help", "Renew" }, DemoCompany.Stages);
        Assert.All(DemoCompany.Stages, stage => Assert.Contains(touchpoints, t => t.JourneyStage == stage));
        Assert.Equal(Channel.InPerson, touchpoints.Single(t => t.Key == "in-store-checkout").Channel);
        Assert.Equal(Channel.Phone, touchpoints.Single(t => t.Key == "contact-centre").Channel);
    }

    [Fact]
    public async Task Publishes_three_valid_surveys_for_nps_csat_and_ces_one_in_english_and_french()
    {
        var demo = await SharedAsync();

        var surveys = await QueryAsync(demo, db => db.Set<Survey>().OrderBy(s => s.Name).ToListAsync());
        var definitions = surveys.ToDictionary(s => s.Name, s => SurveyJson.Deserialize(s.DefinitionJson));

        Assert.Equal(3, surveys.Count);
        Assert.All(surveys, s => Assert.Equal(SurveyStatus.Published, s.Status));
        Assert.All(definitions.Values, d => Assert.Empty(SurveyDefinitionValidator.Validate(d)));
        var nps = definitions["Trail Club relationship NPS"];
        Assert.Equal(new[] { "en", "fr" }, nps.Languages);
        Assert.Equal(SurveyKind.Relationship, surveys.Single(s => s.Name == "Trail Club relationship NPS").Kind);
        Assert.Equal(QuestionType.Nps, nps.Questions[0].Type);
        Assert.Equal(DisplayCondition.Of("nps", ConditionOperator.LessThanOrEqual, "6"), nps.FindQuestion("fix_first")!.ShowIf);
        Assert.Equal(QuestionType.SingleChoice, nps.FindQuestion("what_matters")!.Type);
        Assert.Equal(QuestionType.MultipleChoice, definitions["Post-purchase satisfaction"].FindQuestion("could_be_better")!.Type);
        var ces = definitions["Post-support effort"].FindQuestion("ces")!;
        Assert.Equal(Scales.CesEffort.Id, ces.ScaleId);
        Assert.Equal(QuestionType.SingleChoice, definitions["Post-support effort"].FindQuestion("resolved")!.Type);
    }

    [Fact]
    public async Task Every_role_has_an_account_that_signs_in_with_the_demo_password()
    {
        var demo = await SharedAsync();

        foreach (var role in Enum.GetValues<Role>())
        {
            var account = demo.Accounts.Single(a => a.Roles.Contains(role));
            var signedIn = await App.WithScopeAsync(sp => sp.GetRequiredService<UserService>()
                .SignInAsync(account.Email, DemoCompany.Password, demo.Slug, CancellationToken.None));

            Assert.NotNull(signedIn);
            Assert.Equal(demo.WorkspaceId, signedIn.Workspace.Id);
            Assert.Equal(new[] { role }, signedIn.Roles);
        }

        var wrong = await App.WithScopeAsync(sp => sp.GetRequiredService<UserService>()
            .SignInAsync(demo.Accounts[0].Email, "not-the-demo-password", demo.Slug, CancellationToken.None));
        Assert.Null(wrong);
        Assert.Equal("manager@" + demo.Slug + ".loopwise.test", demo.Accounts[0].Email);
        Assert.StartsWith("lw_", demo.ApiKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stores_exactly_the_requested_completed_responses_plus_about_ten_percent_abandoned_ones_over_twelve_months()
    {
        var demo = await SharedAsync();

        var responses = await ResponsesAsync(demo);
        var completed = responses.Where(r => r.CompletedAt is not null).ToList();
        var abandoned = responses.Count - completed.Count;

        Assert.Equal(Responses, completed.Count);
        Assert.Equal(Responses, demo.Completed);
        Assert.InRange(abandoned, Responses * 7 / 100, Responses * 15 / 100);
        Assert.Equal(new DateOnly(2025, 7, 1), DateOnly.FromDateTime(completed.Min(r => r.CompletedAt!.Value)));
        Assert.Equal(new DateOnly(2026, 6, 30), DateOnly.FromDateTime(completed.Max(r => r.CompletedAt!.Value)));
        Assert.All(completed, r => Assert.True(r.StartedAt < r.CompletedAt));
        Assert.Equal(200, await QueryAsync(demo, db => db.Set<Customer>().CountAsync()));
    }

    [Fact]
    public async Task Completed_answers_are_valid_for_their_survey()
    {
        var demo = await SharedAsync();
        var definitions = await DefinitionsAsync(demo);

        var responses = await ResponsesAsync(demo);

        Assert.All(responses.Where(r => r.CompletedAt is not null), r =>
            Assert.Empty(AnswerValidator.Validate(definitions[r.SurveyId], SurveyJson.DeserializeAnswers(r.AnswersJson), AnswerMode.Complete)));
    }

    [Fact]
    public async Task Rollups_equal_a_recount_of_the_stored_responses()
    {
        var demo = await SharedAsync();
        var definitions = await DefinitionsAsync(demo);
        var responses = await ResponsesAsync(demo);

        var expectedAnswers = new Dictionary<(Guid, string, Guid, DateOnly, int), long>();
        var expectedTotals = new Dictionary<(Guid, Guid, DateOnly), (long Started, long Completed)>();
        foreach (var r in responses)
        {
            if (r.CompletedAt is not { } completedAt)
            {
                var startKey = (r.SurveyId, r.TouchpointId, DateOnly.FromDateTime(r.StartedAt));
                var current = expectedTotals.GetValueOrDefault(startKey);
                expectedTotals[startKey] = (current.Started + 1, current.Completed);
                continue;
            }

            var day = DateOnly.FromDateTime(completedAt);
            var key = (r.SurveyId, r.TouchpointId, day);
            var totals = expectedTotals.GetValueOrDefault(key);
            expectedTotals[key] = (totals.Started + 1, totals.Completed + 1);
            var answers = SurveyJson.DeserializeAnswers(r.AnswersJson);
            foreach (var question in definitions[r.SurveyId].Questions.Where(q => q.IsRating))
            {
                if (answers.Find(question.Id)?.Number is { } value)
                {
                    var answerKey = (r.SurveyId, question.Id, r.TouchpointId, day, value);
                    expectedAnswers[answerKey] = expectedAnswers.GetValueOrDefault(answerKey) + 1;
                }
            }
        }

        var answerRollups = RollupRows.Fold(await QueryAsync(demo, db => db.Set<AnswerRollup>().ToListAsync()));
        var responseRollups = RollupRows.Fold(await QueryAsync(demo, db => db.Set<ResponseRollup>().ToListAsync()));

        Assert.Equal(
            expectedAnswers.OrderBy(kv => kv.Key).ToList(),
            answerRollups.Select(a => KeyValuePair.Create((a.SurveyId, a.QuestionId, a.TouchpointId, a.Day, a.Value), a.Count)).OrderBy(kv => kv.Key).ToList());
        Assert.Equal(
            expectedTotals.OrderBy(kv => kv.Key).ToList(),
            responseRollups.Select(r => KeyValuePair.Create((r.SurveyId, r.TouchpointId, r.Day), (r.Started, r.Completed))).OrderBy(kv => kv.Key).ToList());
        Assert.Equal(Responses, responseRollups.Sum(r => r.Completed));
        Assert.Equal(responses.Count, responseRollups.Sum(r => r.Started));
        await QueryAsync(demo, async db =>
        {
            await MonthRollups.AssertFoldOfDaysAsync(db, demo.WorkspaceId, "answer", "response", "ticket", "ticket_duration");
            return true;
        });
    }

    [Fact]
    public async Task Responses_come_in_english_and_french_and_french_only_on_bilingual_surveys()
    {
        var demo = await SharedAsync();
        var definitions = await DefinitionsAsync(demo);

        var completed = (await ResponsesAsync(demo)).Where(r => r.CompletedAt is not null).ToList();
        var french = completed.Where(r => r.Language == "fr").ToList();

        Assert.Equal(new[] { "en", "fr" }, completed.Select(r => r.Language).Distinct().Order(StringComparer.Ordinal));
        Assert.InRange(french.Count, 20, 400);
        Assert.All(french, r => Assert.Contains("fr", definitions[r.SurveyId].Languages));
        Assert.Contains(french, r => SurveyJson.DeserializeAnswers(r.AnswersJson).Answers.Values.Any(a => a.Text is { } t && (t.Contains(" mais ", StringComparison.Ordinal) || t.Contains('é'))));
    }

    [Fact]
    public async Task Comments_vary_in_tone_and_length_and_some_carry_personal_data()
    {
        var demo = await SharedAsync();

        var comments = (await ResponsesAsync(demo))
            .Where(r => r.CompletedAt is not null)
            .SelectMany(r => SurveyJson.DeserializeAnswers(r.AnswersJson).Answers.Values)
            .Select(a => a.Text)
            .OfType<string>()
            .ToList();

        Assert.InRange(comments.Count, Responses / 4, Responses);
        Assert.True(comments.Distinct(StringComparer.Ordinal).Count() > comments.Count / 3, "comments should rarely repeat");
        Assert.Contains(comments, c => c.Contains(" but ", StringComparison.Ordinal));
        Assert.Contains(comments, c => c.StartsWith("Oh great, ", StringComparison.Ordinal) || c.StartsWith("Love how ", StringComparison.Ordinal)
            || c.StartsWith("Wow, ", StringComparison.Ordinal) || c.StartsWith("Fantastic: ", StringComparison.Ordinal) || c.StartsWith("Brilliant. ", StringComparison.Ordinal));
        Assert.Contains(comments, c => c.Length <= 12);
        Assert.Contains(comments, c => c.Length >= 150);
        Assert.Contains(comments, c => c.Contains("@example.", StringComparison.Ordinal));
        Assert.Contains(comments, c => c.Contains(" 555", StringComparison.Ordinal));
        Assert.Contains(comments, c => c.Contains("courier", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Monthly_volume_peaks_in_november_and_december_and_dips_in_summer()
    {
        var demo = await SharedAsync();

        var byMonth = (await ResponsesAsync(demo))
            .Where(r => r.CompletedAt is not null)
            .GroupBy(r => r.CompletedAt!.Value.Month)
            .ToDictionary(g => g.Key, g => (double)g.Count());
        var holidays = (byMonth[11] + byMonth[12]) / 2;
        var others = byMonth.Where(kv => kv.Key is not (11 or 12)).Average(kv => kv.Value);
        var summer = (byMonth[7] + byMonth[8]) / 2;

        Assert.Equal(12, byMonth.Count);
        Assert.True(holidays > 1.3 * others, $"Nov-Dec {holidays} vs other months {others}");
        Assert.True(summer < byMonth.Values.Average(), $"Jul-Aug {summer} vs all months {byMonth.Values.Average()}");
    }

    [Fact]
    public async Task Delivery_csat_drops_for_six_weeks_after_the_carrier_change_and_recovers()
    {
        var demo = await SharedAsync();

        // The carrier changes 168 days before the window's last day (2026-06-30): bad from 2026-01-17, recovered by 2026-03-16.
        var delivery = await TouchpointIdAsync(demo, "home-delivery");
        var scores = (await ResponsesAsync(demo))
            .Where(r => r.CompletedAt is not null && r.TouchpointId == delivery)
            .Select(r => (Day: DateOnly.FromDateTime(r.CompletedAt!.Value), Score: SurveyJson.DeserializeAnswers(r.AnswersJson).Find("csat")!.Number!.Value))
            .ToList();
        var before = TopTwoBox(scores.Where(s => s.Day < new DateOnly(2026, 1, 13)));
        var during = TopTwoBox(scores.Where(s => s.Day >= new DateOnly(2026, 1, 17) && s.Day <= new DateOnly(2026, 2, 23)));
        var after = TopTwoBox(scores.Where(s => s.Day >= new DateOnly(2026, 3, 16)));

        Assert.True(during < before - 25, $"CSAT% before {before:0}, during {during:0}");
        Assert.True(after > during + 25, $"CSAT% during {during:0}, after {after:0}");
    }

    [Fact]
    public async Task Live_chat_takes_less_effort_after_the_fix()
    {
        var demo = await SharedAsync();

        // The chat fix lands 70 days before 2026-06-30 (2026-04-21) and is complete a week later.
        var chat = await TouchpointIdAsync(demo, "live-chat");
        var scores = (await ResponsesAsync(demo))
            .Where(r => r.CompletedAt is not null && r.TouchpointId == chat)
            .Select(r => (Day: DateOnly.FromDateTime(r.CompletedAt!.Value), Score: SurveyJson.DeserializeAnswers(r.AnswersJson).Find("ces")!.Number!.Value))
            .ToList();
        double LowEffort(IEnumerable<(DateOnly Day, int Score)> s) => 100.0 * s.Count(x => x.Score <= 2) / s.Count();

        var before = LowEffort(scores.Where(s => s.Day < new DateOnly(2026, 4, 21)));
        var after = LowEffort(scores.Where(s => s.Day >= new DateOnly(2026, 4, 28)));

        Assert.True(after > before + 15, $"% low effort before {before:0}, after {after:0}");
    }

    [Fact]
    public async Task Orders_in_cad_give_the_overview_a_revenue_per_customer_and_a_clv()
    {
        var demo = await SharedAsync();

        var series = new List<KpiSeries>();
        foreach (var kpi in new[] { "revenue_per_customer", "clv" })
        {
            series.Add(await App.WithScopeAsync(async sp =>
                (await sp.GetRequiredService<KpiSeriesQuery>().HandleAsync(kpi, new KpiSliceRequest("2025-07-01", "2026-06-30", "month"), CancellationToken.None)).Value!, demo.WorkspaceId));
        }

        Assert.All(series, s => Assert.Contains("(CAD", s.Label, StringComparison.Ordinal));
        var arpu = series[0].Groups[0].Total.Value;
        var clv = series[1].Groups[0].Total.Value;
        // About 1.5 orders a year of about 95 CAD per customer, 4 for club members, over the daily mean of customers active
        // in the month (fewer than those who buy in a year): a yearly ARPU of some hundreds of CAD, and a CLV (ARPU over
        // the yearly contract churn) above it.
        Assert.InRange(arpu!.Value, 100, 1_000);
        Assert.True(clv > arpu, $"ARPU {arpu}, CLV {clv}");
        Assert.All(series[0].Groups[0].Points, p => Assert.NotNull(p.Value));
    }

    [Fact]
    public async Task A_second_run_without_reset_reuses_the_build_and_changes_nothing()
    {
        var demo = await SharedAsync();
        var countsBefore = await CountsAsync(demo);

        var again = await BuildAsync(new DemoOptions { Slug = demo.Slug, Responses = 500, Seed = 1 });

        Assert.True(again.IsSuccess);
        Assert.True(again.Value!.AlreadyBuilt);
        Assert.Null(again.Value.ApiKey);
        Assert.Equal(demo.WorkspaceId, again.Value.WorkspaceId);
        Assert.Equal(Responses, again.Value.Completed);
        Assert.Equal(countsBefore, await CountsAsync(demo));
    }

    [Fact]
    public async Task Reset_deletes_the_workspace_data_and_builds_again()
    {
        var slug = NewSlug();
        var first = (await BuildAsync(new DemoOptions { Slug = slug, Responses = 300 })).Value!;

        var second = await BuildAsync(new DemoOptions { Slug = slug, Responses = 400, Reset = true });

        Assert.True(second.IsSuccess);
        Assert.False(second.Value!.AlreadyBuilt);
        Assert.Equal(first.WorkspaceId, second.Value.WorkspaceId);
        var counts = await CountsAsync(second.Value);
        Assert.Equal((11, 3, 100, 400L, 400L, 1, 1, 9), (counts.Touchpoints, counts.Surveys, counts.Customers, counts.Completed, counts.RollupCompleted, counts.Keys, counts.Built, counts.Members));
        Assert.InRange(counts.Partial, 20, 70);
        Assert.Equal(counts.Partial + 400, await QueryAsync(second.Value, db => db.Set<ResponseRollup>().SumAsync(r => r.Started)));
    }

    [Fact]
    public async Task An_existing_workspace_without_a_finished_build_is_left_alone_without_reset()
    {
        var ws = await App.CreateWorkspaceAsync(NewSlug());

        var result = await BuildAsync(new DemoOptions { Slug = ws.Slug, Responses = 100 });

        Assert.IsType<Error.Conflict>(result.Error);
        Assert.Contains("--reset", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithScopeAsync(sp => sp.GetRequiredService<LoopwiseDbContext>().Set<Touchpoint>().CountAsync(), ws.Id));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_responses_and_another_seed_different_ones()
    {
        var a = (await BuildAsync(new DemoOptions { Slug = NewSlug(), Responses = 300, Seed = 7 })).Value!;
        var b = (await BuildAsync(new DemoOptions { Slug = NewSlug(), Responses = 300, Seed = 7 })).Value!;
        var c = (await BuildAsync(new DemoOptions { Slug = NewSlug(), Responses = 300, Seed = 8 })).Value!;

        var (fa, fb, fc) = (await FingerprintAsync(a), await FingerprintAsync(b), await FingerprintAsync(c));

        Assert.Equal(fa, fb);
        Assert.NotEqual(fa, fc);
    }

    [Fact]
    public async Task Recent_detractors_have_cases_whose_histories_follow_the_workflow_with_root_causes_rules_and_initiatives()
    {
        var demo = await SharedAsync();

        var cases = await QueryAsync(demo, db => db.Set<Loopwise.Features.Cases.Case>().AsNoTracking().ToListAsync());
        var events = await QueryAsync(demo, db => db.Set<Loopwise.Features.Cases.CaseEvent>().AsNoTracking().ToListAsync());
        var rules = await QueryAsync(demo, db => db.Set<Loopwise.Features.Alerts.AlertRule>().CountAsync());
        var initiatives = await QueryAsync(demo, db => db.Set<Loopwise.Features.Initiatives.Initiative>().CountAsync());

        Assert.True(cases.Count >= 5, $"only {cases.Count} cases");
        Assert.Equal(Enumerable.Range(1, cases.Count), cases.Select(c => c.Number).Order());
        Assert.Contains(cases, c => Loopwise.Core.Cases.CaseWorkflow.IsOpen(c.State));
        Assert.Contains(cases, c => !Loopwise.Core.Cases.CaseWorkflow.IsOpen(c.State));
        foreach (var c in cases)
        {
            // Every recorded transition is one the workflow allows, and the last one leaves the case in its state.
            var state = Loopwise.Core.Cases.CaseState.New;
            foreach (var e in events.Where(e => e.CaseId == c.Id && e.Action is not null).OrderBy(e => e.Sequence))
            {
                var move = Loopwise.Core.Cases.CaseWorkflow.Next(state, e.Action!.Value);
                Assert.True(move.IsAllowed, $"case #{c.Number}: {move.Refusal}");
                state = move.State!.Value;
            }

            Assert.Equal(c.State, state);
            Assert.True(c.ResolvedAt is null || c.RootCause is not null, $"case #{c.Number} resolved without a root cause");
            Assert.True(c.CreatedAt >= Now.UtcDateTime.AddDays(-Loopwise.Features.Demo.DemoCases.Days - 1) && c.CreatedAt <= Now.UtcDateTime);
        }

        Assert.Equal(cases.Count(c => c.OpenKey is not null), cases.Where(c => c.OpenKey is not null).Select(c => c.OpenKey).Distinct().Count());
        Assert.Equal((3, 3), (rules, initiatives));
    }

    private async Task<Result<DemoResult>> BuildAsync(DemoOptions options) =>
        await App.WithScopeAsync(sp => ActivatorUtilities.CreateInstance<DemoGenerator>(sp, new FixedClock(Now))
            .BuildAsync(options, null, CancellationToken.None));

    private Task<T> QueryAsync<T>(DemoResult demo, Func<LoopwiseDbContext, Task<T>> query) =>
        App.WithScopeAsync(sp => query(sp.GetRequiredService<LoopwiseDbContext>()), demo.WorkspaceId);

    private Task<List<SurveyResponse>> ResponsesAsync(DemoResult demo) =>
        QueryAsync(demo, db => db.Set<SurveyResponse>().AsNoTracking().ToListAsync());

    private async Task<Dictionary<Guid, SurveyDefinition>> DefinitionsAsync(DemoResult demo) =>
        (await QueryAsync(demo, db => db.Set<Survey>().ToListAsync())).ToDictionary(s => s.Id, s => SurveyJson.Deserialize(s.DefinitionJson));

    private Task<Guid> TouchpointIdAsync(DemoResult demo, string key) =>
        QueryAsync(demo, db => db.Set<Touchpoint>().Where(t => t.Key == key).Select(t => t.Id).SingleAsync());

    private async Task<(int Touchpoints, int Surveys, int Customers, long Completed, long RollupCompleted, int Keys, int Built, int Members, long Partial)> CountsAsync(DemoResult demo) =>
        await QueryAsync(demo, async db => (
            await db.Set<Touchpoint>().CountAsync(),
            await db.Set<Survey>().CountAsync(),
            await db.Set<Customer>().CountAsync(),
            await db.Set<SurveyResponse>().LongCountAsync(r => r.CompletedAt != null),
            await db.Set<ResponseRollup>().SumAsync(r => r.Completed),
            await db.Set<ApiKey>().CountAsync(),
            await db.Set<AuditEntry>().CountAsync(e => e.Action == DemoGenerator.BuiltAction),
            await db.Set<Membership>().CountAsync(),
            await db.Set<SurveyResponse>().LongCountAsync(r => r.CompletedAt == null)));

    /// <summary>Everything generated about the responses, in time order, without ids (which are fresh per build).</summary>
    private async Task<List<string>> FingerprintAsync(DemoResult demo)
    {
        var touchpoints = await QueryAsync(demo, db => db.Set<Touchpoint>().ToDictionaryAsync(t => t.Id, t => t.Key));
        var responses = await ResponsesAsync(demo);
        return responses
            .OrderBy(r => r.CompletedAt ?? r.StartedAt).ThenBy(r => r.StartedAt).ThenBy(r => r.AnswersJson, StringComparer.Ordinal)
            .Select(r => string.Join('|', touchpoints[r.TouchpointId], r.Channel, r.Language, r.StartedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture), r.CompletedAt is null, r.AnswersJson))
            .ToList();
    }

    /// <summary>CSAT% = 100 · share of scores in {4, 5} (cx-reference.md §2).</summary>
    private static double TopTwoBox(IEnumerable<(DateOnly Day, int Score)> scores)
    {
        var list = scores.ToList();
        Assert.True(list.Count >= 10, $"only {list.Count} scores in the period");
        return 100.0 * list.Count(s => s.Score >= 4) / list.Count;
    }

    private static string NewSlug() => "demo-" + Guid.NewGuid().ToString("N")[..10];

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

[Collection(Collections.Sqlite)]
public sealed class DemoGeneratorTests_Sqlite(SqliteAppFixture fixture) : DemoGeneratorTests(fixture);

[Collection(Collections.Postgres)]
public sealed class DemoGeneratorTests_Postgres(PostgresAppFixture fixture) : DemoGeneratorTests(fixture);
