using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Customers;
using Loopwise.Features.Invitations;
using Loopwise.Features.Surveys;
using Loopwise.Features.Touchpoints;
using Loopwise.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Respond;

/// <summary>Surveys, touchpoints, customers and invitations written straight to the database for respondent tests.</summary>
internal static class SurveyData
{
    /// <summary>NPS (required) on page 1; "what went wrong?" only for detractors (nps ≤ 6) on page 2.</summary>
    public static SurveyDefinition NpsWithFollowUp() => new()
    {
        DefaultLanguage = "en",
        Languages = ["en", "fr"],
        Title = new LocalizedText([new("en", "Your visit"), new("fr", "Votre visite")]),
        ThankYou = new LocalizedText([new("en", "Thanks a lot, we read every answer."), new("fr", "Merci beaucoup, nous lisons chaque réponse.")]),
        Questions =
        [
            new Question
            {
                Id = "nps",
                Type = QuestionType.Nps,
                Required = true,
                Text = new LocalizedText([new("en", "How likely are you to recommend us to a friend?"), new("fr", "Quelle est la probabilité que vous nous recommandiez ?")]),
            },
            new Question
            {
                Id = "wrong",
                Type = QuestionType.Text,
                MaxLength = 500,
                Text = new LocalizedText([new("en", "What went wrong?"), new("fr", "Qu'est-ce qui n'a pas marché ?")]),
                ShowIf = DisplayCondition.Of("nps", ConditionOperator.LessThanOrEqual, "6"),
            },
        ],
    };

    public static async Task<Survey> AddSurveyAsync(LoopwiseApp app, TestWorkspace ws, SurveyDefinition? definition = null, SurveyStatus status = SurveyStatus.Published, SurveyKind kind = SurveyKind.Transactional)
    {
        var survey = new Survey
        {
            WorkspaceId = ws.Id,
            Id = Guid.CreateVersion7(),
            Name = "Visit survey",
            Kind = kind,
            Status = status,
            LinkToken = Web.Tokens.Random(20),
            DefinitionJson = SurveyJson.Serialize(definition ?? NpsWithFollowUp()),
            CreatedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
            UpdatedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        await AddAsync(app, ws, survey);
        return survey;
    }

    public static async Task<Touchpoint> AddTouchpointAsync(LoopwiseApp app, TestWorkspace ws, string key)
    {
        var touchpoint = new Touchpoint { WorkspaceId = ws.Id, Id = Guid.CreateVersion7(), Key = key, Name = key, Channel = Channel.Web, CreatedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) };
        await AddAsync(app, ws, touchpoint);
        return touchpoint;
    }

    public static async Task<(Customer Customer, Invitation Invitation)> AddInvitationAsync(
        LoopwiseApp app, TestWorkspace ws, Survey survey, DateTime expiresAt, string? language = null, Guid? touchpointId = null)
    {
        var customer = new Customer
        {
            WorkspaceId = ws.Id,
            Id = Guid.CreateVersion7(),
            ExternalId = "c-" + Guid.NewGuid().ToString("N")[..8],
            Email = "someone@example.test",
            Language = language,
            CreatedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        var invitation = new Invitation
        {
            WorkspaceId = ws.Id,
            Id = Guid.CreateVersion7(),
            Token = Web.Tokens.Random(20),
            SurveyId = survey.Id,
            CustomerId = customer.Id,
            TouchpointId = touchpointId,
            CreatedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
            ExpiresAt = expiresAt,
        };
        await AddAsync(app, ws, customer, invitation);
        return (customer, invitation);
    }

    public static Task AddAsync(LoopwiseApp app, TestWorkspace ws, params object[] entities) =>
        app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LoopwiseDbContext>();
            db.AddRange(entities);
            await db.SaveChangesAsync();
            return true;
        }, ws.Id);
}
