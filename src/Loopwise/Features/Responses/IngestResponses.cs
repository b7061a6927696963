using System.Globalization;
using Loopwise.Core.Surveys;
using Loopwise.Data;
using Loopwise.Features.Surveys;
using Loopwise.Features.Touchpoints;
using Loopwise.Web;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Loopwise.Features.Responses;

/// <summary>
/// Stores completed responses sent by a machine (the API), one or a batch: every item is validated against the
/// survey's current definition first, and a batch with any invalid item stores nothing. Field errors carry paths such
/// as <c>responses[3].answers.nps</c>.
/// </summary>
public sealed class IngestResponses(
    LoopwiseDbContext db,
    ResponseWriter writer,
    CustomerDirectory customers,
    SurveyDefinitions definitions,
    TimeProvider clock)
{
    public const int MaxBatchSize = 10_000;

    /// <summary>How far in the future a completion time may lie (clock skew between systems).</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Validates and stores <paramref name="items"/>. <paramref name="pathPrefix"/> prefixes each item's field paths
    /// (<c>responses</c> gives <c>responses[3].answers.nps</c>; null gives <c>answers.nps</c> for a single item).
    /// <paramref name="beforeWrite"/> runs inside the transaction, before the responses are written, with their ids.
    /// </summary>
    public async Task<Result<IReadOnlyList<Guid>>> HandleAsync(
        Guid workspaceId,
        Guid surveyId,
        IReadOnlyList<ResponseInput> items,
        string? pathPrefix,
        Func<IReadOnlyList<Guid>, CancellationToken, Task>? beforeWrite,
        CancellationToken ct)
    {
        if (items.Count > MaxBatchSize)
        {
            return Error.Invalid.Field(pathPrefix ?? "responses", $"A batch holds at most {MaxBatchSize.ToString(CultureInfo.InvariantCulture)} responses; this one has {items.Count.ToString(CultureInfo.InvariantCulture)}. Split it.");
        }

        if (items.Count == 0)
        {
            return Error.Invalid.Field(pathPrefix ?? "responses", "Send at least one response.");
        }

        var survey = await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null)
        {
            return new Error.NotFound($"There is no survey {surveyId}.");
        }

        if (survey.Status != SurveyStatus.Published)
        {
            return new Error.Conflict($"The survey '{survey.Name}' is {survey.Status.ToString().ToLowerInvariant()}: only a published survey takes responses.");
        }

        var definition = definitions.Of(survey);
        var touchpoints = await TouchpointsAsync(items.Select(i => i.TouchpointKey), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var toStore = new ResponseToStore[items.Count];
        var externalIds = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var prefix = pathPrefix is null ? string.Empty : $"{pathPrefix}[{i.ToString(CultureInfo.InvariantCulture)}].";
            void Fail(string field, string message) => AddError(errors, prefix + field, message);

            var answers = ReadAnswers(definition, item, Fail);
            var touchpointId = Guid.Empty;
            if (!string.IsNullOrWhiteSpace(item.TouchpointKey) && !touchpoints.TryGetValue(item.TouchpointKey.Trim(), out touchpointId))
            {
                Fail("touchpointKey", $"There is no touchpoint with key '{item.TouchpointKey}'.");
            }

            var completedAt = item.CompletedAt is { } c ? ToUtc(c) : now;
            var startedAt = item.StartedAt is { } s ? ToUtc(s) : completedAt;
            if (completedAt > now + FutureTolerance)
            {
                Fail("completedAt", "The completion time is in the future.");
            }

            if (startedAt > completedAt)
            {
                Fail("startedAt", "A response cannot start after it was completed.");
            }

            var language = string.IsNullOrWhiteSpace(item.Language) ? definition.DefaultLanguage : item.Language.Trim();
            if (language.Length > 16)
            {
                Fail("language", "A language tag has at most 16 characters.");
            }

            if (item.CustomerExternalId is { } customer && (customer.Trim().Length is 0 or > 200))
            {
                Fail("customerExternalId", "A customer id has 1 to 200 characters.");
            }

            var externalId = string.IsNullOrWhiteSpace(item.ExternalId) ? null : item.ExternalId.Trim();
            if (externalId is { Length: > 100 })
            {
                Fail("externalId", "An external id has at most 100 characters.");
            }
            else if (externalId is not null && !externalIds.TryAdd(externalId, i))
            {
                Fail("externalId", $"The external id '{externalId}' is also used by item {externalIds[externalId].ToString(CultureInfo.InvariantCulture)} of this batch.");
            }

            toStore[i] = new ResponseToStore(
                Guid.CreateVersion7(clock.GetUtcNow()), survey.Id, survey.Version, touchpointId, CustomerId: null, InvitationId: null,
                item.Channel ?? DistributionChannel.Api, language, startedAt, completedAt, answers, externalId);
        }

        if (externalIds.Count > 0 && errors.Count == 0)
        {
            foreach (var existing in await ExistingExternalIdsAsync(survey.Id, [.. externalIds.Keys], ct))
            {
                var prefix = pathPrefix is null ? string.Empty : $"{pathPrefix}[{externalIds[existing].ToString(CultureInfo.InvariantCulture)}].";
                AddError(errors, prefix + "externalId", $"A response with external id '{existing}' is already stored.");
            }
        }

        if (errors.Count > 0)
        {
            return new Error.Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal),
                items.Count == 1 ? "The response is invalid; nothing was stored." : $"{CountItems(errors, pathPrefix)} of {items.Count.ToString(CultureInfo.InvariantCulture)} responses are invalid; nothing was stored.");
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var customerIds = await ResolveCustomersAsync(workspaceId, items, ct);
            if (customerIds.Count > 0)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i].CustomerExternalId is { } externalCustomer)
                    {
                        toStore[i] = toStore[i] with { CustomerId = customerIds[externalCustomer.Trim()] };
                    }
                }
            }

            var ids = toStore.Select(r => r.Id).ToArray();
            if (beforeWrite is not null)
            {
                await beforeWrite(ids, ct);
            }

            await writer.WriteCompletedAsync(workspaceId, toStore, new Dictionary<Guid, SurveyDefinition> { [survey.Id] = definition }, ct);
            await transaction.CommitAsync(ct);
            return ids;
        }
        catch (Exception ex) when (IsExternalIdCollision(ex))
        {
            return new Error.Conflict("A response with one of these external ids was stored meanwhile; nothing of this request was stored.");
        }
    }

    private static AnswerSet ReadAnswers(SurveyDefinition definition, ResponseInput item, Action<string, string> fail)
    {
        if (item.Answers is null)
        {
            fail("answers", "Answers are required: an object of question id to answer.");
            return AnswerSet.Empty;
        }

        var values = new Dictionary<string, AnswerValue>(item.Answers.Count, StringComparer.Ordinal);
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, input) in item.Answers)
        {
            if (input is null)
            {
                continue;
            }

            var value = AnswerReader.FromInput(definition.FindQuestion(id), input, out var problem);
            if (problem is not null)
            {
                fail("answers." + id, problem);
                unreadable.Add("answers." + id);
                continue;
            }

            values[id] = value;
        }

        var answers = AnswerNormalizer.Normalize(new AnswerSet(values));
        foreach (var error in AnswerValidator.Validate(definition, answers, AnswerMode.Complete))
        {
            // An answer that could not be read is reported once, not again as missing.
            if (!unreadable.Contains(error.Path))
            {
                fail(error.Path, error.Message);
            }
        }

        return answers;
    }

    private async Task<Dictionary<string, Guid>> TouchpointsAsync(IEnumerable<string?> keys, CancellationToken ct)
    {
        var wanted = keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        return wanted.Count == 0
            ? new Dictionary<string, Guid>(StringComparer.Ordinal)
            : await db.Set<Touchpoint>().AsNoTracking().Where(t => wanted.Contains(t.Key)).ToDictionaryAsync(t => t.Key, t => t.Id, StringComparer.Ordinal, ct);
    }

    private async Task<Dictionary<string, Guid>> ResolveCustomersAsync(Guid workspaceId, IReadOnlyList<ResponseInput> items, CancellationToken ct)
    {
        var wanted = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item.CustomerExternalId is { } id)
            {
                wanted.TryAdd(id.Trim(), null);
            }
        }

        return wanted.Count == 0 ? [] : await customers.ResolveAsync(workspaceId, wanted, ct);
    }

    private async Task<List<string>> ExistingExternalIdsAsync(Guid surveyId, List<string> externalIds, CancellationToken ct) =>
        await db.Set<SurveyResponse>().AsNoTracking()
            .Where(r => r.SurveyId == surveyId && r.ExternalId != null && externalIds.Contains(r.ExternalId))
            .Select(r => r.ExternalId!)
            .ToListAsync(ct);

    private static void AddError(Dictionary<string, List<string>> errors, string path, string message)
    {
        if (!errors.TryGetValue(path, out var messages))
        {
            errors[path] = messages = [];
        }

        messages.Add(message);
    }

    private static string CountItems(Dictionary<string, List<string>> errors, string? prefix) =>
        prefix is null
            ? "1"
            : errors.Keys.Select(k => k[..(k.IndexOf(']', StringComparison.Ordinal) + 1)]).Distinct(StringComparer.Ordinal).Count().ToString(CultureInfo.InvariantCulture);

    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    /// <summary>True when <paramref name="ex"/> is a unique violation of a response's external id.</summary>
    public static bool IsExternalIdCollision(Exception? ex) => ex switch
    {
        null => false,
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation && pg.ConstraintName == "ix_responses_workspace_id_survey_id_external_id",
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains("responses.external_id", StringComparison.Ordinal),
        _ => IsExternalIdCollision(ex.InnerException),
    };
}
