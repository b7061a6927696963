using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Responses;
using Loopwise.Features.Surveys;
using Loopwise.Features.Touchpoints;
using Loopwise.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Metrics;

/// <summary>
/// A published survey with an NPS, a CSAT, a CES 1-5 (effort, lower is better) and a CES 1-7 (agreement) question,
/// touchpoints, and responses stored through <see cref="ResponseWriter"/> so the rollups are the real ones.
/// </summary>
internal sealed class MetricsSeed(LoopwiseApp app, Guid workspaceId)
{
    public static readonly SurveyDefinition Definition = new()
    {
        DefaultLanguage = "en",
        Languages = ["en"],
        Title = new LocalizedText("en", "After your visit"),
        Questions =
        [
            new Question { Id = "nps", Type = QuestionType.Nps, Text = new LocalizedText("en", "How likely are you to recommend us?") },
            new Question { Id = "csat", Type = QuestionType.Csat, Text = new LocalizedText("en", "How satisfied were you?") },
            new Question { Id = "ces5", Type = QuestionType.Ces, ScaleId = "ces_effort_1_5", Text = new LocalizedText("en", "How much effort did you have to put in?") },
            new Question { Id = "ces7", Type = QuestionType.Ces, ScaleId = "ces_agree_1_7", Text = new LocalizedText("en", "We made it easy to handle my issue.") },
            new Question { Id = "comment", Type = QuestionType.Text, Text = new LocalizedText("en", "Anything else?") },
        ],
    };

    public Guid SurveyId { get; } = Guid.NewGuid();

    public Dictionary<string, Guid> Touchpoints { get; } = new(StringComparer.Ordinal);

    public string LinkToken { get; } = Guid.NewGuid().ToString("N")[..16];

    public async Task<MetricsSeed> CreateAsync(params string[] touchpointKeys)
    {
        foreach (var key in touchpointKeys)
        {
            Touchpoints[key] = Guid.NewGuid();
        }

        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LoopwiseDbContext>();
            var at = new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc);
            db.Add(new Survey
            {
                WorkspaceId = workspaceId,
                Id = SurveyId,
                Name = "After your visit",
                Kind = SurveyKind.Transactional,
                Status = SurveyStatus.Published,
                LinkToken = LinkToken,
                DefinitionJson = SurveyJson.Serialize(Definition),
                CreatedAt = at,
                UpdatedAt = at,
            });
            foreach (var (key, id) in Touchpoints)
            {
                db.Add(new Touchpoint { WorkspaceId = workspaceId, Id = id, Key = key, Name = "Touchpoint " + key, Channel = Channel.Web, CreatedAt = at });
            }

            await db.SaveChangesAsync();
            return 0;
        }, workspaceId);
        return this;
    }

    /// <summary>Stores completed responses; answers are (nps, csat, ces5, ces7), null for a skipped question.</summary>
    public async Task WriteAsync(IEnumerable<(string Touchpoint, DateTime CompletedAt, int? Nps, int? Csat, int? Ces5, int? Ces7)> responses)
    {
        var list = responses.Select(r => new ResponseToStore(
            Guid.NewGuid(), SurveyId, 1, Touchpoints[r.Touchpoint], null, null, DistributionChannel.Link, "en",
            r.CompletedAt.AddMinutes(-3), r.CompletedAt, Answers(r.Nps, r.Csat, r.Ces5, r.Ces7), null)).ToList();
        await app.WithScopeAsync(async services =>
        {
            await services.GetRequiredService<ResponseWriter>().WriteCompletedAsync(
                workspaceId, list, new Dictionary<Guid, SurveyDefinition> { [SurveyId] = Definition }, CancellationToken.None);
            return 0;
        }, workspaceId);
    }

    /// <summary>Counts started-only (partial) responses.</summary>
    public async Task StartAsync(string touchpoint, DateTime startedAt, int count)
    {
        var delta = new RollupDelta();
        for (var i = 0; i < count; i++)
        {
            delta.AddStarted(SurveyId, Touchpoints[touchpoint], startedAt);
        }

        await app.WithScopeAsync(async services =>
        {
            await services.GetRequiredService<ResponseWriter>().ApplyAsync(workspaceId, delta, CancellationToken.None);
            return 0;
        }, workspaceId);
    }

    /// <summary>Only NPS answers: value per response, all at one touchpoint and day.</summary>
    public Task WriteNpsAsync(string touchpoint, DateTime completedAt, IEnumerable<int> values) =>
        WriteAsync(values.Select(v => (touchpoint, completedAt, (int?)v, (int?)null, (int?)null, (int?)null)));

    /// <summary>Values repeated by count: Repeat((10, 100), (8, 40)) = 100 tens then 40 eights.</summary>
    public static List<int> Repeat(params (int Value, int Count)[] blocks) =>
        [.. blocks.SelectMany(b => Enumerable.Repeat(b.Value, b.Count))];

    private static AnswerSet Answers(int? nps, int? csat, int? ces5, int? ces7)
    {
        var answers = new List<(string, AnswerValue)>();
        foreach (var (id, value) in new[] { ("nps", nps), ("csat", csat), ("ces5", ces5), ("ces7", ces7) })
        {
            if (value is { } v)
            {
                answers.Add((id, AnswerValue.OfNumber(v)));
            }
        }

        return AnswerSet.Of([.. answers]);
    }
}
