using System.Text.Json;
using Loopwise.Core.Metrics;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Cases;
using Loopwise.Features.Customers;
using Loopwise.Features.Jobs;
using Loopwise.Features.Responses;
using Loopwise.Features.Surveys;
using Loopwise.Features.TextAnalytics;
using Loopwise.Features.Touchpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Loopwise.Features.Alerts;

/// <summary>
/// <c>alerts.evaluate</c>: runs the workspace's enabled alert rules over newly stored responses (queued by the response
/// writer with the write) and takes each firing rule's actions. Exactly once in effect: every firing is an
/// <see cref="AlertFiring"/> row keyed by rule and response, written with its case, tags and outgoing messages and
/// with the job's success in one transaction, so a job that runs again skips what it already did.
/// </summary>
public sealed class AlertEvaluationJob(
    LoopwiseDbContext db, SqliteWriteGate gate, CaseService cases, SurveyDefinitions definitions, TaxonomyStore taxonomies,
    TextAnalyzerCache analyzers, TimeProvider clock, IEnumerable<IAlertAction> extraActions) : IJobHandler
{
    public const string Kind = "alerts.evaluate";

    /// <summary>Responses per job.</summary>
    public const int MaxResponses = 500;

    public static NewJob For(Guid workspaceId, IReadOnlyCollection<Guid> responseIds) =>
        NewJob.Of(Kind, new Payload([.. responseIds]), workspaceId);

    public async Task HandleAsync(JobContext job, CancellationToken ct)
    {
        var ids = job.ReadPayload<Payload>().Responses;
        var rules = (await db.Set<AlertRule>().AsNoTracking().Where(r => r.Enabled).OrderBy(r => r.CreatedAt).ToListAsync(ct))
            .Select(r => (Rule: r, Conditions: r.Conditions, Actions: r.Actions)).ToList();
        if (rules.Count == 0)
        {
            return;
        }

        var facts = await FactsAsync(ids, rules.Any(r => r.Conditions.NeedsText), ct);
        using (await gate.EnterAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var fired = (await db.Set<AlertFiring>().AsNoTracking().Where(f => ids.Contains(f.ResponseId)).Select(f => new { f.RuleId, f.ResponseId }).ToListAsync(ct))
                .Select(f => (f.RuleId, f.ResponseId)).ToHashSet();
            // The tags the responses already carry, read once (a lookup per tag would be a query per firing).
            var tagged = (await db.Set<ResponseTag>().AsNoTracking().Where(t => ids.Contains(t.ResponseId)).Select(t => new { t.ResponseId, t.Tag }).ToListAsync(ct))
                .Select(t => (t.ResponseId, t.Tag)).ToHashSet();
            var now = clock.GetUtcNow().UtcDateTime;
            var newFirings = new List<(Guid Rule, Guid Response, Guid? Case)>();
            var newTags = new List<(Guid Response, string Tag)>();
            foreach (var (response, fact) in facts)
            {
                foreach (var (rule, conditions, actions) in rules)
                {
                    if (fired.Contains((rule.Id, response.Id)) || !conditions.Matches(fact.Facts))
                    {
                        continue;
                    }

                    var firing = new AlertFiringContext(rule, conditions, actions, response, fact.Facts, fact.CustomerName, now);
                    Guid? caseId = null;
                    if (actions.OpenCase is { } open)
                    {
                        var topic = conditions.MatchedTopic(fact.Facts) ?? $"rule:{rule.Id:N}";
                        var title = $"{rule.Name}: {fact.CustomerName ?? "anonymous respondent"}";
                        var (opened, _) = await cases.OpenAsync(
                            new NewCase(title, open.Priority, response.CustomerId, response.Id, response.TouchpointId == Guid.Empty ? null : response.TouchpointId,
                                fact.Facts.Touchpoint, topic, rule.Id, fact.Facts.Dimensions),
                            $"rule:{rule.Id}", ct);
                        caseId = opened.Id;
                        firing = firing with { CaseId = caseId, CaseNumber = opened.Number };
                    }

                    foreach (var tag in (actions.Tags ?? []).Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
                    {
                        if (tagged.Add((response.Id, tag)))
                        {
                            newTags.Add((response.Id, tag));
                        }
                    }

                    foreach (var action in extraActions)
                    {
                        await action.OnFiredAsync(firing, ct);
                    }

                    newFirings.Add((rule.Id, response.Id, caseId));
                    fired.Add((rule.Id, response.Id));
                }
            }

            await db.SaveChangesAsync(ct);
            await InsertAsync(newFirings, newTags, now, ct);
            await job.MarkSucceededAsync(db, ct);
            await transaction.CommitAsync(ct);
        }
    }

    // Firings and tags are many small rows (about one per rule that fires): multi-row INSERTs in the job's
    // transaction, not one tracked entity each (EF's per-entity cost was most of a job's time).
    private async Task InsertAsync(List<(Guid Rule, Guid Response, Guid? Case)> firings, List<(Guid Response, string Tag)> tags, DateTime now, CancellationToken ct)
    {
        const int RowsPerStatement = 100;
        var values = new SqlValue(db.IsPostgres);
        var workspace = values.Of(db.Scope.WorkspaceId);
        var at = values.Of(now);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var chunk in firings.Chunk(RowsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new System.Text.StringBuilder("INSERT INTO alert_firings (workspace_id, rule_id, response_id, fired_at, case_id) VALUES ");
            for (var i = 0; i < chunk.Length; i++)
            {
                var n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                sql.Append(i == 0 ? "" : ",").Append("(@w,@r").Append(n).Append(",@p").Append(n).Append(",@t,@c").Append(n).Append(')');
                Add(command, "r" + n, values.Of(chunk[i].Rule));
                Add(command, "p" + n, values.Of(chunk[i].Response));
                Add(command, "c" + n, values.Of(chunk[i].Case));
            }

            Add(command, "w", workspace);
            Add(command, "t", at);
#pragma warning disable CA2100 // Parameter placeholders only; every value is a parameter.
            command.CommandText = sql.Append(" ON CONFLICT DO NOTHING").ToString();
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync(ct);
        }

        foreach (var chunk in tags.Chunk(RowsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new System.Text.StringBuilder("INSERT INTO response_tags (workspace_id, response_id, tag, tagged_at) VALUES ");
            for (var i = 0; i < chunk.Length; i++)
            {
                var n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                sql.Append(i == 0 ? "" : ",").Append("(@w,@p").Append(n).Append(",@g").Append(n).Append(",@t)");
                Add(command, "p" + n, values.Of(chunk[i].Response));
                Add(command, "g" + n, chunk[i].Tag);
            }

            Add(command, "w", workspace);
            Add(command, "t", at);
#pragma warning disable CA2100 // Parameter placeholders only; every value is a parameter.
            command.CommandText = sql.Append(" ON CONFLICT DO NOTHING").ToString();
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static void Add(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private async Task<List<(SurveyResponse Response, (ResponseFacts Facts, string? CustomerName) Fact)>> FactsAsync(List<Guid> ids, bool needsText, CancellationToken ct)
    {
        var responses = await db.Set<SurveyResponse>().AsNoTracking().Where(r => ids.Contains(r.Id) && r.CompletedAt != null).ToListAsync(ct);
        var surveyIds = responses.Select(r => r.SurveyId).Distinct().ToList();
        var questions = new Dictionary<Guid, IReadOnlyList<Question>>();
        foreach (var survey in await db.Set<Survey>().AsNoTracking().Where(s => surveyIds.Contains(s.Id)).ToListAsync(ct))
        {
            questions[survey.Id] = definitions.Of(survey).Questions;
        }

        var touchpointIds = responses.Select(r => r.TouchpointId).Distinct().ToList();
        var touchpoints = await db.Set<Touchpoint>().AsNoTracking().Where(t => touchpointIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Key, ct);
        var customerIds = responses.Where(r => r.CustomerId != null).Select(r => r.CustomerId!.Value).Distinct().ToList();
        var customers = await db.Set<Customer>().AsNoTracking().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name ?? c.ExternalId, ct);
        var analyzer = needsText ? analyzers.Get(db.Scope.WorkspaceId, await taxonomies.CurrentAsync(ct)) : null;

        var result = new List<(SurveyResponse, (ResponseFacts, string?))>();
        foreach (var response in responses)
        {
            var answers = SurveyJson.DeserializeAnswers(response.AnswersJson);
            var qs = questions.GetValueOrDefault(response.SurveyId) ?? [];
            int? First(Func<Question, bool> which) => qs.Where(which).Select(q => answers.Find(q.Id)?.Number).FirstOrDefault(n => n is not null);
            var nps = First(q => q.Type == QuestionType.Nps);
            var csat = First(q => q.Type == QuestionType.Csat && q.ResolveScale()?.Id == Scales.Csat.Id);
            (int, ScaleDefinition)? ces = qs.Where(q => q.Type == QuestionType.Ces && q.ResolveScale() is not null)
                .Select(q => answers.Find(q.Id)?.Number is { } n ? (n, q.ResolveScale()!) : ((int, ScaleDefinition)?)null)
                .FirstOrDefault(c => c is not null);
            var texts = answers.Answers.Values.Select(a => a.Text).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).ToList();
            double? sentiment = null;
            var topics = new List<string>();
            if (analyzer is not null)
            {
                foreach (var text in texts)
                {
                    var analysis = analyzer.Analyze(text);
                    if (analysis.LanguageSupported)
                    {
                        sentiment = Math.Min(sentiment ?? 1, analysis.Sentiment.Compound);
                    }

                    topics.AddRange(analysis.Topics.Select(t => t.Key));
                }
            }

            var dimensions = response.DimensionsJson is { } json
                ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []
                : [];
            result.Add((response, (new ResponseFacts(
                nps, csat, ces, sentiment, [.. topics.Distinct()], string.Join("\n", texts),
                touchpoints.GetValueOrDefault(response.TouchpointId), dimensions),
                response.CustomerId is { } c ? customers.GetValueOrDefault(c) : null)));
        }

        return result;
    }

    public sealed record Payload(List<Guid> Responses);
}

/// <summary>What an action beyond cases and tags (e-mail, webhooks) learns about a firing.</summary>
public sealed record AlertFiringContext(
    AlertRule Rule, AlertConditions Conditions, AlertActions Actions, SurveyResponse Response, ResponseFacts Facts, string? CustomerName, DateTime FiredAt)
{
    public Guid? CaseId { get; init; }

    public int? CaseNumber { get; init; }
}

/// <summary>
/// An action run inside the firing's transaction (it adds rows to the same <see cref="LoopwiseDbContext"/>; outgoing
/// messages go through the jobs table): notification e-mails, webhooks.
/// </summary>
public interface IAlertAction
{
    Task OnFiredAsync(AlertFiringContext firing, CancellationToken ct);
}
