using Loopwise.Core.Metrics;
using Loopwise.Core.Surveys;
using Loopwise.Core.Text;
using Loopwise.Data;
using Loopwise.Features.Responses;
using Loopwise.Features.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Loopwise.Features.TextAnalytics;

/// <summary>
/// Runs the comment pipeline over responses' free-text answers and stores what it read. Idempotent: the analyses of the
/// given responses are replaced whole in one transaction, so a job retried after a crash, or a re-analysis after a
/// taxonomy or model change, leaves exactly one analysis per comment.
/// </summary>
public sealed class CommentAnalyses(
    LoopwiseDbContext db, SqliteWriteGate gate, TaxonomyStore taxonomies, TextAnalyzerCache analyzers, SurveyDefinitions definitions, TimeProvider clock)
{
    /// <summary>Analyses the comments of the completed responses among <paramref name="responseIds"/> (current workspace); returns how many comments.</summary>
    public async Task<int> AnalyseAsync(IReadOnlyCollection<Guid> responseIds, CancellationToken ct)
    {
        if (responseIds.Count == 0)
        {
            return 0;
        }

        var ids = responseIds.Distinct().ToList();
        var responses = await db.Set<SurveyResponse>().AsNoTracking()
            .Where(r => ids.Contains(r.Id) && r.CompletedAt != null)
            .Select(r => new ResponseText(r.Id, r.SurveyId, r.TouchpointId, r.CustomerId, r.CompletedAt!.Value, r.AnswersJson))
            .ToListAsync(ct);
        var taxonomy = await taxonomies.CurrentAsync(ct);
        var analyzer = analyzers.Get(db.Scope.WorkspaceId, taxonomy);
        var rows = await RowsAsync(responses, analyzer, taxonomy.Version, ct);

        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (db.IsPostgres)
            {
                // A job and a re-analysis may analyse the same responses at once: their delete-then-insert would collide
                // on the key. One writer per workspace at a time (SQLite has a single writer anyway).
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey(db.Scope.WorkspaceId)})", ct);
            }

            await db.Set<CommentTopicRow>().Where(t => ids.Contains(t.ResponseId)).ExecuteDeleteAsync(ct);
            await db.Set<CommentAnalysisRow>().Where(c => ids.Contains(c.ResponseId)).ExecuteDeleteAsync(ct);
            db.AddRange(rows.Analyses);
            db.AddRange(rows.Topics);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }

        return rows.Analyses.Count;
    }

    // A stable 64-bit key per workspace for PostgreSQL's advisory locks, apart from other features' keys by its first bytes.
    private static long AdvisoryLockKey(Guid workspaceId)
    {
        Span<byte> bytes = stackalloc byte[16];
        workspaceId.TryWriteBytes(bytes);
        return BitConverter.ToInt64(bytes[..8]) ^ 0x7465787461_6e6cL;
    }

    private async Task<(List<CommentAnalysisRow> Analyses, List<CommentTopicRow> Topics)> RowsAsync(
        List<ResponseText> responses, TextAnalyzer analyzer, int taxonomyVersion, CancellationToken ct)
    {
        var surveyIds = responses.Select(r => r.SurveyId).Distinct().ToList();
        var scored = new Dictionary<Guid, (string[] Nps, string[] Csat)>();
        foreach (var survey in await db.Set<Survey>().AsNoTracking().Where(s => surveyIds.Contains(s.Id)).ToListAsync(ct))
        {
            var definition = definitions.Of(survey);
            scored[survey.Id] = (
                [.. definition.Questions.Where(q => q.Type == QuestionType.Nps).Select(q => q.Id)],
                [.. definition.Questions.Where(q => q.Type == QuestionType.Csat && q.ResolveScale()?.Id == Scales.Csat.Id).Select(q => q.Id)]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var workspaceId = db.Scope.WorkspaceId;
        var analyses = new List<CommentAnalysisRow>();
        var topics = new List<CommentTopicRow>();
        foreach (var response in responses)
        {
            var answers = SurveyJson.DeserializeAnswers(response.AnswersJson);
            var questions = scored.GetValueOrDefault(response.SurveyId, ([], []));
            var nps = questions.Nps.Select(id => answers.Find(id)?.Number).FirstOrDefault(n => n is not null);
            var csat = questions.Csat.Select(id => answers.Find(id)?.Number).FirstOrDefault(n => n is not null);
            foreach (var (questionId, value) in answers.Answers)
            {
                if (string.IsNullOrWhiteSpace(value.Text))
                {
                    continue;
                }

                var analysis = analyzer.Analyze(value.Text);
                analyses.Add(new CommentAnalysisRow
                {
                    WorkspaceId = workspaceId,
                    ResponseId = response.Id,
                    QuestionId = questionId,
                    SurveyId = response.SurveyId,
                    TouchpointId = response.TouchpointId,
                    CustomerId = response.CustomerId,
                    RespondedAt = response.CompletedAt,
                    Language = analysis.Language,
                    LanguageSupported = analysis.LanguageSupported,
                    Sentiment = analysis.Sentiment.Compound,
                    Label = analysis.LanguageSupported ? AnalysisJson.LabelName(analysis.Sentiment.Label) : null,
                    Nps = nps,
                    Csat = csat,
                    Text = analysis.Text,
                    SentencesJson = AnalysisJson.Sentences(analysis.Sentences),
                    TopicsJson = AnalysisJson.Topics(analysis.Topics),
                    EmotionsJson = AnalysisJson.Emotions(analysis.Emotions),
                    PiiCount = analysis.Redactions.Count,
                    ModelVersion = TextAnalyzer.ModelVersion,
                    TaxonomyVersion = taxonomyVersion,
                    AnalysedAt = now,
                });
                foreach (var topic in analysis.Topics)
                {
                    topics.Add(new CommentTopicRow
                    {
                        WorkspaceId = workspaceId,
                        ResponseId = response.Id,
                        QuestionId = questionId,
                        TopicKey = topic.Key,
                        RespondedAt = response.CompletedAt,
                        TouchpointId = response.TouchpointId,
                        Sentiment = topic.Sentiment.Compound,
                        Nps = nps,
                    });
                }
            }
        }

        return (analyses, topics);
    }

    private sealed record ResponseText(Guid Id, Guid SurveyId, Guid TouchpointId, Guid? CustomerId, DateTime CompletedAt, string AnswersJson);
}
