using System.Runtime.CompilerServices;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Responses;
using Loopwise.Features.Surveys;
using Loopwise.Features.Touchpoints;
using Loopwise.Tests.Infrastructure;
using Loopwise.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Responses;

/// <summary>The survey the response tests write to: NPS (required), CSAT, a multiple and a single choice, a text.</summary>
public static class ResponsesTestSurvey
{
    public const string TouchpointKey = "web-checkout";

    public static SurveyDefinition Definition { get; } = new()
    {
        DefaultLanguage = "en",
        Languages = ["en"],
        Title = new LocalizedText("en", "After checkout"),
        Questions =
        [
            new Question { Id = "nps", Type = QuestionType.Nps, Text = new LocalizedText("en", "How likely are you to recommend Acme to a friend or colleague?"), Required = true },
            new Question { Id = "csat", Type = QuestionType.Csat, Text = new LocalizedText("en", "Overall, how satisfied are you with your order?") },
            new Question
            {
                Id = "features",
                Type = QuestionType.MultipleChoice,
                Text = new LocalizedText("en", "What did you like?"),
                Choices = [new Choice("fast", new LocalizedText("en", "Fast delivery")), new Choice("cheap", new LocalizedText("en", "Low price")), new Choice("friendly", new LocalizedText("en", "Friendly staff"))],
            },
            new Question { Id = "reason", Type = QuestionType.Text, Text = new LocalizedText("en", "What is the main reason for your score?") },
            new Question
            {
                Id = "plan",
                Type = QuestionType.SingleChoice,
                Text = new LocalizedText("en", "Which plan are you on?"),
                Choices = [new Choice("basic", new LocalizedText("en", "Basic plan")), new Choice("pro", new LocalizedText("en", "Pro plan"))],
            },
        ],
    };

    /// <summary>Creates the survey (and the touchpoint) in the workspace; returns the survey.</summary>
    public static async Task<Survey> CreateAsync(LoopwiseApp app, TestWorkspace ws, SurveyStatus status = SurveyStatus.Published) =>
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LoopwiseDbContext>();
            var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var survey = new Survey
            {
                WorkspaceId = ws.Id,
                Id = Guid.NewGuid(),
                Name = "After checkout",
                Status = status,
                LinkToken = Tokens.Random(12),
                DefinitionJson = SurveyJson.Serialize(Definition),
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Add(survey);
            if (!await db.Set<Touchpoint>().AnyAsync(t => t.Key == TouchpointKey))
            {
                db.Add(new Touchpoint { WorkspaceId = ws.Id, Id = Guid.NewGuid(), Key = TouchpointKey, Name = "Web checkout", Channel = Channel.Web, CreatedAt = now });
            }

            await db.SaveChangesAsync();
            return survey;
        }, ws.Id);

    public static async Task<List<SurveyResponse>> ResponsesAsync(LoopwiseApp app, Guid workspaceId, Guid surveyId) =>
        await app.WithScopeAsync(services => services.GetRequiredService<LoopwiseDbContext>().Set<SurveyResponse>()
            .AsNoTracking().Where(r => r.SurveyId == surveyId).ToListAsync(), workspaceId);

    public static async Task<(List<AnswerRollup> Answers, List<ResponseRollup> Totals)> RollupsAsync(LoopwiseApp app, Guid workspaceId, Guid surveyId) =>
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LoopwiseDbContext>();
            return (RollupRows.Fold(await db.Set<AnswerRollup>().AsNoTracking().Where(r => r.SurveyId == surveyId).ToListAsync()),
                RollupRows.Fold(await db.Set<ResponseRollup>().AsNoTracking().Where(r => r.SurveyId == surveyId).ToListAsync()));
        }, workspaceId);

    public static string TestDataPath(string file, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "TestData", file);
}
